/** Turns OUTSCALE error responses and transport failures into CloudErrors a person can act on. */
import { CloudError, type CloudErrorCode } from '../../model/cloudError';
import { inSeconds, isAnswerCutOff, isCertificateError, missedDeadlineMs, UNTRUSTED_CERTIFICATE_HINT } from '../../util/httpClient';
import { redactText } from '../../util/redact';
import { errorPageMessage, errorPageOf } from '../shared/errorPage';
import { describeWait } from '../shared/retry';
import { ErrorBody } from './schemas';

export interface ErrorContext {
  readonly action: string;
  /** The account label, so messages say which credentials were refused. */
  readonly account: string;
  readonly endpoint: string;
  /** How the request authenticated, so the advice names the right credentials. Default: an access key. */
  readonly credentials?: 'access-key' | 'password';
}

interface FirstError {
  readonly code?: string;
  readonly type?: string;
  readonly details?: string;
  readonly requestId?: string;
}

function firstError(bodyText: string): FirstError {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return {};
  }
  const parsed = ErrorBody.safeParse(json);
  if (!parsed.success) return {};
  const first = parsed.data.Errors[0];
  return {
    code: first?.Code === undefined ? undefined : String(first.Code),
    type: first?.Type,
    details: first?.Details ? redactText(first.Details).slice(0, 300) : undefined,
    requestId: parsed.data.ResponseContext?.RequestId,
  };
}

/** OUTSCALE codes of the brute-force lock (11 permanent, 13 temporary) per docs.outscale.com/api-errors. */
const LOCK_CODES = new Set(['11', '13']);
/** Authenticated, but the identity may not call this action (4 UnauthorizedOperation, 5 NotAuthorized, 7 UserNotAllowed). */
const FORBIDDEN_CODES = new Set(['4', '5', '7']);
/** 6 is "ErrorOperationThrottled", sent with HTTP 503. */
const THROTTLE_CODES = new Set(['6']);

function classify(status: number, e: FirstError): CloudErrorCode {
  const type = e.type ?? '';
  const code = e.code ?? '';
  if (THROTTLE_CODES.has(code) || status === 429 || /throttl|TooManyRequests|RequestLimitExceeded/i.test(type)) return 'throttled';
  if (LOCK_CODES.has(code)) return 'auth';
  if (FORBIDDEN_CODES.has(code) || status === 403) return 'forbidden';
  if (status === 401 || /AccessDenied|AuthFailure|WrongAuthenticationMethod|MissingLoginPassword/i.test(type)) return 'auth';
  if (/TooManyResources|LimitExceeded|Quota/i.test(type)) return 'quota';
  if (status === 404 || /InvalidResource|NotFound|NoSuch/i.test(type)) return 'not-found';
  if (status === 409 || /Conflict|InvalidState|IncorrectState/i.test(type)) return 'conflict';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid';
  return 'server';
}

/** What came with an error answer besides its body. */
export interface AnswerDetails {
  readonly contentType?: string;
  /** The wait the server asked for with `Retry-After`. */
  readonly retryAfterMs?: number;
}

function advice(kind: CloudErrorCode, status: number, e: FirstError, ctx: ErrorContext, retryAfterMs?: number): string {
  const what = e.type ? `${e.type}${e.code ? `, code ${e.code}` : ''}` : `HTTP ${status}`;
  const said = e.details ? ` OUTSCALE says: ${e.details}` : '';
  const password = ctx.credentials === 'password';
  switch (kind) {
    case 'auth':
      if (LOCK_CODES.has(e.code ?? '')) {
        return (
          `OUTSCALE has locked authentication for ${ctx.account} after repeated failures (${what}).${said} ` +
          'Wait before trying again (the lock lasts a minute and grows with each further failure, up to 10 minutes; code 11 is permanent and needs OUTSCALE support), ' +
          `and check the ${password ? 'login and password' : 'access key and secret key'} first. Cloud Keys does not retry refused credentials, so as not to extend the lock.`
        );
      }
      if (password) {
        return (
          `OUTSCALE refused the login and password of ${ctx.account} for ${ctx.action} (${what}).${said} ` +
          "Check the login (the account's email) and the password, and this computer's clock. " +
          'OUTSCALE locks authentication after 4 failures, so fix them before trying again.'
        );
      }
      return (
        `OUTSCALE refused the credentials of ${ctx.account} for ${ctx.action} (${what}).${said} ` +
        "Check the access key and secret key, that the key is active and not expired, the region, and this computer's clock. " +
        'OUTSCALE locks authentication after 4 failures, so fix the credentials before trying again.'
      );
    case 'forbidden':
      return `The credentials of ${ctx.account} are valid but not allowed to call ${ctx.action} (${what}).${said} Use the account's own keys, or give this EIM user a policy that allows the action.`;
    case 'throttled':
      return retryAfterMs === undefined
        ? `OUTSCALE is limiting the request rate for ${ctx.action} (${what}).${said} Wait a moment and try again.`
        : `OUTSCALE is limiting the request rate for ${ctx.action} (${what}) and asked to wait ${describeWait(retryAfterMs)}.${said} Try again after that.`;
    case 'quota':
      return `OUTSCALE refused ${ctx.action} because a limit was reached (${what}).${said} Delete a key you no longer need, then try again.`;
    case 'not-found':
      return `OUTSCALE could not find what ${ctx.action} refers to (${what}).${said} It may have been deleted elsewhere: refresh the view.`;
    case 'conflict':
      return `OUTSCALE refused ${ctx.action} in the current state (${what}).${said} Refresh the view and try again.`;
    case 'invalid':
      return `OUTSCALE rejected the parameters of ${ctx.action} (${what}).${said}`;
    default:
      return `OUTSCALE failed to process ${ctx.action} at ${ctx.endpoint} (${what}).${said} Try again later.`;
  }
}

/** A CloudError for an HTTP error response, with the RequestId, the numeric Code and the Type. */
export function errorFromResponse(status: number, bodyText: string, ctx: ErrorContext, answer: AnswerDetails = {}): CloudError {
  const page = errorPageOf(status, answer.contentType, bodyText);
  const wait = answer.retryAfterMs === undefined ? undefined : describeWait(answer.retryAfterMs);
  if (page) {
    return new CloudError(classify(status, {}), errorPageMessage('OUTSCALE', `${ctx.action} at ${ctx.endpoint}`, page, status, wait), {
      cloud: 'outscale',
      httpStatus: status,
    });
  }
  const e = firstError(bodyText);
  const code = classify(status, e);
  // A throttling message says the wait itself; any other answer with Retry-After gets it appended.
  const asked = wait && code !== 'throttled' ? ` OUTSCALE asked to wait ${wait} before trying again.` : '';
  return new CloudError(code, advice(code, status, e, ctx, answer.retryAfterMs) + asked, {
    cloud: 'outscale',
    httpStatus: status,
    requestId: e.requestId,
    cloudCode: e.code || e.type ? [e.code, e.type].filter(Boolean).join(' ') : undefined,
  });
}

/** A CloudError for a body that is not what the API documents. */
export function unreadableResponse(status: number, ctx: ErrorContext, requestId?: string): CloudError {
  return new CloudError(
    'server',
    `OUTSCALE answered ${ctx.action} with a response Cloud Keys could not read (HTTP ${status}). Check that the endpoint ${ctx.endpoint} is the OUTSCALE API, then try again.`,
    { cloud: 'outscale', httpStatus: status, requestId },
  );
}

interface TransportFailure {
  readonly code?: string;
  readonly message?: string;
}

/** A CloudError for a request that got no HTTP answer (cancelled, timed out, refused, reset). */
export function errorFromTransport(error: unknown, ctx: ErrorContext, signal?: AbortSignal): CloudError {
  if (error instanceof CloudError) return error;
  const failure = (error ?? {}) as TransportFailure;
  if (signal?.aborted || failure.code === 'ERR_CANCELED') {
    return new CloudError('cancelled', `${ctx.action} was cancelled.`, { cloud: 'outscale' });
  }
  const deadlineMs = missedDeadlineMs(error);
  if (deadlineMs !== undefined) {
    return new CloudError(
      'network',
      `OUTSCALE did not finish answering ${ctx.action} within ${inSeconds(deadlineMs)} at ${ctx.endpoint}; the call was stopped. Check the network and proxy settings (or raise cloudKeys.http.timeoutSeconds), then try again.`,
      { cloud: 'outscale', cause: new Error('transport failure: deadline exceeded') },
    );
  }
  if (isAnswerCutOff(error)) {
    return new CloudError(
      'network',
      `OUTSCALE's answer to ${ctx.action} at ${ctx.endpoint} was cut off before its end (the connection closed). Check the network and proxy settings, then try again.`,
      { cloud: 'outscale', cause: new Error('transport failure: answer cut off') },
    );
  }
  const reason = failure.code ?? 'no response';
  const timedOut = failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT';
  // The cause is rebuilt from the code alone: axios errors carry the signed request headers.
  return new CloudError(
    'network',
    isCertificateError(failure.code)
      ? `The TLS certificate of OUTSCALE at ${ctx.endpoint} was not trusted for ${ctx.action} (${reason}). ${UNTRUSTED_CERTIFICATE_HINT}`
      : timedOut
        ? `OUTSCALE did not answer ${ctx.action} in time at ${ctx.endpoint}. Check the network and proxy settings, then try again.`
        : `Could not reach OUTSCALE at ${ctx.endpoint} for ${ctx.action} (${reason}). Check the network, the proxy settings and the endpoint, then try again.`,
    { cloud: 'outscale', cause: new Error(`transport failure: ${reason}`) },
  );
}
