import http from 'node:http';
import https from 'node:https';
import { DeadlineExceededError } from './httpFailures';
import { DEFAULT_TIMEOUT_MS, type HttpOptions } from './httpOptions';
import { agentFor, createHttpsAgents } from './httpsAgents';

/** One request, headers already final (signed): sent as it is, never redirected. */
export interface HttpExchangeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The caller's cancel; the deadline is added to it. */
  readonly signal?: AbortSignal;
}

/** The whole answer, read within the deadline: status, headers and the body as text. */
export interface HttpExchangeAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A request stopped by its caller's signal (not by the deadline). */
export class RequestCancelledError extends Error {
  override readonly name = 'RequestCancelledError';
  readonly code = 'ERR_CANCELED';

  constructor() {
    super('The request was cancelled.');
  }
}

/** The headers came, then the connection closed before the body's end: the server may have acted. */
export class AnswerCutOffError extends Error {
  override readonly name = 'AnswerCutOffError';
  readonly code = 'ERR_BAD_RESPONSE';

  constructor() {
    super('The answer was cut off before its end.');
  }
}

/** The request failed before an answer came (connection refused, DNS, TLS, proxy); `code` is Node's (`ECONNREFUSED`, `CERT_HAS_EXPIRED`…). */
export class RequestFailedError extends Error {
  override readonly name = 'RequestFailedError';
  readonly code: string | undefined;

  constructor(cause: Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    super(`The request failed${code ? ` (${code})` : ''}.`, { cause });
    this.code = code;
  }
}

/** What axios would have sent when the caller gives no Accept header (the adapters' answers are JSON). */
const DEFAULT_ACCEPT = 'application/json, text/plain, */*';

/**
 * One HTTP exchange per call through Node's own `http`/`https`, for a caller that builds and signs
 * its requests itself (the OCI SDK): the same agents as `createHttpClient` (proxy, `NO_PROXY`, CA
 * bundles, certificate verification, keep-alive), the same single deadline over connection,
 * headers and body (`DeadlineExceededError`), the caller's cancel, no redirects, no decompression.
 * It skips axios's per-request config merging and interceptors, which made about half of what
 * listing a large OCI tenancy allocated (README, Performance).
 */
export function createHttpExchange(options: HttpOptions = {}): (request: HttpExchangeRequest) => Promise<HttpExchangeAnswer> {
  const agents = createHttpsAgents(options);
  const plain = new http.Agent({ keepAlive: true });
  const deadlineMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch (error) {
      return Promise.reject(new RequestFailedError(asError(error)));
    }
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:')
      return Promise.reject(new RequestFailedError(new Error(`Only http and https URLs can be requested, not ${url.protocol}`)));
    if (secure && options.strictSSL === false) {
      options.warnUnverified?.(
        `TLS certificate verification is OFF (cloudKeys.http.allowUnverifiedTls) for ${url.host}: anyone on the network path can read and change this request.`,
      );
    }
    const headers = request.headers.accept === undefined ? { ...request.headers, accept: DEFAULT_ACCEPT } : request.headers;
    return new Promise<HttpExchangeAnswer>((resolve, reject) => {
      if (request.signal?.aborted) return reject(new RequestCancelledError());
      let answered = false;
      let done = false;
      const send = secure ? https.request : http.request;
      let outgoing: http.ClientRequest;
      try {
        // Node refuses some requests at once (a header value it cannot send, say): a failure of the request, not of the signing.
        outgoing = send(url, { method: request.method, headers, agent: secure ? agentFor(agents, url) : plain });
      } catch (error) {
        return reject(new RequestFailedError(asError(error)));
      }
      const finish = (error: Error | undefined, answer?: HttpExchangeAnswer) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onCancel);
        if (error) {
          outgoing.destroy();
          reject(error);
        } else resolve(answer!);
      };
      const timer = setTimeout(() => finish(new DeadlineExceededError(deadlineMs)), deadlineMs);
      const onCancel = () => finish(new RequestCancelledError());
      request.signal?.addEventListener('abort', onCancel, { once: true });
      outgoing.on('error', (error) => finish(answered ? new AnswerCutOffError() : new RequestFailedError(error)));
      outgoing.on('response', (incoming) => {
        answered = true;
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('aborted', () => finish(new AnswerCutOffError()));
        incoming.on('error', () => finish(new AnswerCutOffError()));
        incoming.on('end', () => {
          if (!incoming.complete) return finish(new AnswerCutOffError());
          const status = incoming.statusCode ?? 0;
          finish(undefined, {
            status,
            statusText: incoming.statusMessage ?? '',
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body, 'utf8'));
    });
  };
}

function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
