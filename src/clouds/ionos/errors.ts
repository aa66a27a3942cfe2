/**
 * Turns everything that can go wrong on the wire into a CloudError whose message says what went
 * wrong and what to do. No response body and no axios error (which carries the request headers,
 * Authorization included) ever becomes part of an error.
 */
import axios from 'axios';
import { CloudError, type CloudErrorCode } from '../../model/cloudError';
import { inSeconds, isAnswerCutOff, isCertificateError, missedDeadlineMs, UNTRUSTED_CERTIFICATE_HINT } from '../../util/httpClient';
import { redactText } from '../../util/redact';
import { errorPageMessage, errorPageOf } from '../shared/errorPage';
import { describeWait, parseRetryAfter } from '../shared/retry';
import { ErrorBodySchema } from './schemas';

export interface RawResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** What the adapter was doing, for the error message. */
export interface CallContext {
  /** A phrase that completes "while …", e.g. `listing the users`. */
  readonly operation: string;
  /** The method and path, e.g. `GET /um/users`, to name the call in a timeout. */
  readonly request?: string;
  readonly accountLabel: string;
  /** A 422 on this route means the key does not exist (an IONOS quirk). */
  readonly missingKeyOn422?: boolean;
  /** The route creates an S3 key: a 422 may be the privilege that has not reached the key service yet. */
  readonly creatingKey?: boolean;
}

const retryAfter = new WeakMap<CloudError, number>();
const privilegeLag = new WeakSet<CloudError>();

/** The wait the server asked for with `Retry-After`, if it did. */
export function retryAfterOf(error: CloudError): number | undefined {
  return retryAfter.get(error);
}

/** True for the 422 IONOS answers while a freshly granted Object Storage privilege propagates. */
export function isPrivilegeLag(error: CloudError): boolean {
  return privilegeLag.has(error);
}

export function requestIdOf(headers: Readonly<Record<string, string>>): string | undefined {
  return headers['x-request-id'] || undefined;
}

/** The cloud's own messages, joined, redacted and shortened; never the raw body. */
function cloudMessages(text: string): { message?: string; code?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success || !parsed.data.messages?.length) return {};
  const messages = parsed.data.messages;
  const message = messages
    .map((m) => m.message?.trim())
    .filter((m): m is string => !!m)
    .join('; ');
  const printable = [...message].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('');
  const clean = redactText(printable).slice(0, 300);
  const code = messages.find((m) => m.errorCode !== null && m.errorCode !== undefined)?.errorCode;
  return { message: clean || undefined, code: code === null || code === undefined ? undefined : String(code) };
}

function classify(status: number, message: string | undefined, call: CallContext): CloudErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  if (status === 422) {
    if (call.creatingKey && message && /ACCESS_S3_OBJECT_STORAGE|privilege/i.test(message)) return 'forbidden';
    if (call.creatingKey && message && /maximum|limit/i.test(message)) return 'quota';
    if (call.missingKeyOn422) return 'not-found';
  }
  return 'invalid';
}

const ADVICE: Record<CloudErrorCode, string> = {
  auth: 'Check the token (IONOS_TOKEN; tokens expire) or the username and password of this account, then refresh.',
  forbidden: 'These credentials lack the right. Use an administrator of the contract, or ask one to grant the user-management privilege.',
  'not-found': 'It may have been deleted elsewhere. Refresh the view.',
  quota: 'Delete or replace a key first.',
  conflict: 'Another change is in progress. Refresh, then try again.',
  throttled: 'IONOS is limiting the request rate. Wait a minute, then try again.',
  invalid: 'IONOS refused the request as sent. Refresh and try again; report it if it persists.',
  network: 'Check the network, the proxy settings and the API URL.',
  server: 'IONOS had a problem on its side. Try again in a few minutes.',
  cancelled: '',
  config: '',
};

/** A CloudError for an HTTP status of 400 or more. */
export function errorFromResponse(res: RawResponse, call: CallContext, now: number = Date.now()): CloudError {
  const wait = parseRetryAfter(res.headers['retry-after'], now);
  const page = errorPageOf(res.status, res.headers['content-type'], res.text);
  const { message, code: cloudCode } = page ? {} : cloudMessages(res.text);
  const code = classify(res.status, message, call);
  const said = message ? `: ${message}` : '';
  const advice =
    wait === undefined
      ? ADVICE[code]
      : code === 'throttled'
        ? `IONOS is limiting the request rate and asked to wait ${describeWait(wait)}. Try again after that.`
        : `${ADVICE[code]} IONOS asked to wait ${describeWait(wait)} before trying again.`;
  const text = page
    ? errorPageMessage(
        'IONOS',
        `${call.request ?? 'The request'} (while ${call.operation} for account "${call.accountLabel}")`,
        page,
        res.status,
        wait === undefined ? undefined : describeWait(wait),
      )
    : `IONOS answered HTTP ${res.status} while ${call.operation} for account "${call.accountLabel}"${said}. ${advice}`.trim();
  const error = new CloudError(code, text, { cloud: 'ionos', requestId: requestIdOf(res.headers), httpStatus: res.status, cloudCode });
  if (wait !== undefined) retryAfter.set(error, wait);
  if (res.status === 422 && call.creatingKey && code === 'forbidden') privilegeLag.add(error);
  return error;
}

/** A 2xx response whose body is not what the API documents. */
export function malformedResponse(res: RawResponse, call: CallContext, expected: string): CloudError {
  return new CloudError(
    'server',
    `IONOS sent a response that could not be read while ${call.operation} (expected ${expected}, HTTP ${res.status}). Try again; if it persists, the API may have changed.`,
    { cloud: 'ionos', requestId: requestIdOf(res.headers), httpStatus: res.status },
  );
}

/** A failure before any HTTP status arrived: cancelled, timed out, refused, dropped. */
export function transportError(error: unknown, call: CallContext & { host: string }, signal?: AbortSignal): CloudError {
  if (error instanceof CloudError) return error;
  if (signal?.aborted || axios.isCancel(error)) {
    return new CloudError('cancelled', `Cancelled while ${call.operation}.`, { cloud: 'ionos' });
  }
  const errno = axios.isAxiosError(error) ? (error.code ?? '') : '';
  const where = `while ${call.operation} for account "${call.accountLabel}"`;
  let message: string;
  const deadlineMs = missedDeadlineMs(error);
  if (deadlineMs !== undefined) {
    message = `IONOS (${call.host}) did not finish answering ${call.request ?? 'the request'} within ${inSeconds(deadlineMs)} ${where}; the call was stopped. Check the network and the proxy settings (or raise cloudKeys.http.timeoutSeconds), then try again.`;
  } else if (isAnswerCutOff(error)) {
    message = `The answer of IONOS (${call.host}) to ${call.request ?? 'the request'} was cut off before its end (the connection closed) ${where}. Check the network and the proxy settings, then try again.`;
  } else if (errno === 'ECONNABORTED' || errno === 'ETIMEDOUT') {
    message = `${call.host} did not answer ${where}: the connection timed out. Check the network and the proxy settings, then try again.`;
  } else if (errno === 'ECONNREFUSED') {
    message = `Could not connect to ${call.host} ${where}. Check the API URL (the cloudKeys.ionos.apiUrl setting or IONOS_API_URL) and the proxy settings.`;
  } else if (errno === 'ENOTFOUND' || errno === 'EAI_AGAIN') {
    message = `The host ${call.host} could not be found ${where}. Check the API URL and the DNS or proxy settings.`;
  } else if (isCertificateError(errno)) {
    message = `The TLS certificate of ${call.host} was not trusted ${where}. If a corporate proxy inspects traffic, ${UNTRUSTED_CERTIFICATE_HINT}`;
  } else {
    message = `The connection to ${call.host} failed ${where}${errno ? ` (${errno})` : ''}. Check the network and try again.`;
  }
  return new CloudError('network', message, { cloud: 'ionos', cloudCode: errno || undefined });
}
