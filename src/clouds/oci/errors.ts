import { CloudError, type CloudErrorCode } from '../../model/cloudError';
import { inSeconds, isCertificateError, missedDeadlineMs, UNTRUSTED_CERTIFICATE_HINT } from '../../util/httpFailures';
import { AnswerCutOffError, RequestCancelledError, RequestFailedError } from '../../util/httpExchange';
import { redactText } from '../../util/redact';
import { errorPageMessage, errorPageOf } from '../shared/errorPage';
import { describeWait, parseRetryAfter } from '../shared/retry';
import type { SdkCallScope } from './sdkScope';

/** The fields of the SDK's `OciError` this adapter reads. */
interface OciErrorLike {
  readonly statusCode: number;
  readonly serviceCode: string;
  readonly message: string;
  readonly opcRequestId?: string;
}

function isOciError(value: unknown): value is OciErrorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as OciErrorLike).statusCode === 'number' &&
    typeof (value as OciErrorLike).serviceCode === 'string'
  );
}

/** The service's own words, cleaned: redacted, one line, bounded. */
function serviceSays(message: string): string {
  const clean = redactText(message).replace(/\s+/g, ' ').trim();
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

const retryAfterOf = new WeakMap<CloudError, string>();

/** The `retry-after` header that came with a failed call, if the service sent one. */
export function retryAfterHeader(error: CloudError): string | undefined {
  return retryAfterOf.get(error);
}

function fromService(error: OciErrorLike, what: string, scope: SdkCallScope | undefined): CloudError {
  const status = error.statusCode;
  const code = error.serviceCode;
  // The SDK puts a body that is not JSON in the message, with the service code "None".
  const page = code === 'None' ? errorPageOf(status, scope?.contentType, error.message ?? '') : undefined;
  const says = page ? '' : serviceSays(error.message ?? '');
  const tail = says && says !== 'unknown reason.' ? ` OCI said: ${says}` : '';
  const askedMs = parseRetryAfter(scope?.retryAfter);
  const asked = askedMs === undefined ? undefined : describeWait(askedMs);
  let reason: CloudErrorCode;
  let message: string;
  if (page) {
    reason =
      status === 401
        ? 'auth'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'not-found'
            : status === 429
              ? 'throttled'
              : status >= 500
                ? 'server'
                : 'invalid';
    message = errorPageMessage('OCI', `${scope?.request ?? 'The request'} (while ${what})`, page, status, asked);
  } else if (status === 401) {
    reason = 'auth';
    message = `OCI did not accept the request signature while ${what}. Check the profile's user OCID, fingerprint and key file, and that this computer's clock is right (OCI allows 5 minutes of difference).`;
  } else if (status === 404) {
    reason = 'not-found';
    message = `Not found while ${what}: it does not exist, or you may not see it (OCI answers NotAuthorizedOrNotFound in both cases). Refresh, or ask a tenancy administrator for a policy that allows it.`;
  } else if (status === 403 && code === 'NotAllowed') {
    reason = 'forbidden';
    message = `OCI refused the request while ${what}: identity changes are only accepted in the tenancy's home region.`;
  } else if (status === 403) {
    reason = 'forbidden';
    message = `Not allowed while ${what}. Ask a tenancy administrator for a policy that allows it.`;
  } else if (status === 429) {
    reason = 'throttled';
    message = asked
      ? `OCI is limiting the rate of requests (while ${what}) and asked to wait ${asked}. Try again after that.`
      : `OCI is limiting the rate of requests (while ${what}). Wait a minute and try again.`;
  } else if (status === 409 || status === 412) {
    reason = 'conflict';
    message = `OCI reported a conflict while ${what}; the item changed or is still being changed. Refresh and try again.`;
  } else if (status === 400 && (code === 'LimitExceeded' || code === 'QuotaExceeded' || /limit|maximum/i.test(says))) {
    reason = 'quota';
    message = `OCI refused the request while ${what} because a limit is reached.`;
  } else if (status >= 400 && status < 500) {
    reason = 'invalid';
    message = `OCI rejected the request while ${what} as invalid (${code}).`;
  } else {
    reason = 'server';
    message = `OCI had a problem on its side while ${what} (HTTP ${status}). Try again in a moment.`;
  }
  // A throttling message says the wait itself; any other answer with Retry-After gets it appended.
  const waitNote = asked && reason !== 'throttled' ? ` OCI asked to wait ${asked} before trying again.` : '';
  const result = new CloudError(reason, message + tail + waitNote, {
    cloud: 'oci',
    requestId: error.opcRequestId || scope?.requestId,
    httpStatus: status,
    cloudCode: code,
  });
  if (scope?.retryAfter) retryAfterOf.set(result, scope.retryAfter);
  return result;
}

function fromTransport(error: unknown, what: string, request: string | undefined): CloudError {
  const deadlineMs = missedDeadlineMs(error);
  if (deadlineMs !== undefined) {
    return new CloudError(
      'network',
      `OCI did not finish answering ${request ?? 'the request'} within ${inSeconds(deadlineMs)} while ${what}; the call was stopped. Check your network and proxy (http.proxy), or raise cloudKeys.http.timeoutSeconds, then try again.`,
      { cloud: 'oci' },
    );
  }
  if (error instanceof AnswerCutOffError) {
    return new CloudError(
      'network',
      `OCI's answer to ${request ?? 'the request'} was cut off before its end (the connection closed) while ${what}. Check your network and proxy (http.proxy), then try again.`,
      { cloud: 'oci' },
    );
  }
  if (error instanceof RequestCancelledError) return new CloudError('cancelled', `Cancelled while ${what}.`, { cloud: 'oci' });
  if (error instanceof RequestFailedError) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
      return new CloudError('network', `OCI did not answer in time while ${what}. Check your network or proxy and try again.`, {
        cloud: 'oci',
      });
    }
    if (isCertificateError(error.code)) {
      return new CloudError(
        'network',
        `The TLS certificate of OCI was not trusted while ${what} (${error.code}). ${UNTRUSTED_CERTIFICATE_HINT}`,
        { cloud: 'oci' },
      );
    }
    return new CloudError(
      'network',
      `OCI could not be reached while ${what} (${error.code ?? 'connection failed'}). Check your network, proxy (http.proxy) and the cloudKeys.oci.endpoint setting.`,
      { cloud: 'oci' },
    );
  }
  return new CloudError(
    'auth',
    `The request could not be signed while ${what}: the private key could not be used. Check the key file and its passphrase.`,
    { cloud: 'oci' },
  );
}

/** Turns anything an SDK call throws into a CloudError; `what` reads after "while", e.g. "listing users". */
export function toCloudError(error: unknown, what: string, scope?: SdkCallScope): CloudError {
  if (error instanceof CloudError) return error;
  // Our own refusal before sending (e.g. an expired session token) already says what to do.
  if (scope?.transportError instanceof CloudError) return scope.transportError;
  if (scope?.transportError !== undefined) return fromTransport(scope.transportError, what, scope.request);
  if (scope?.signal?.aborted) return new CloudError('cancelled', `Cancelled while ${what}.`, { cloud: 'oci' });
  if (isOciError(error)) return fromService(error, what, scope);
  if (error instanceof SyntaxError) {
    return new CloudError(
      'server',
      `OCI sent a response that is not valid JSON while ${what}. Try again; if it persists, check cloudKeys.oci.endpoint.`,
      {
        cloud: 'oci',
        requestId: scope?.requestId,
      },
    );
  }
  return new CloudError('server', `Unexpected failure while ${what}.`, { cloud: 'oci', requestId: scope?.requestId });
}
