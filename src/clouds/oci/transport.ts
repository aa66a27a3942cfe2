import type { IncomingHttpHeaders } from 'node:http';
import type * as common from 'oci-common';
import type { HttpExchangeAnswer, HttpExchangeRequest } from '../../util/httpExchange';
import { sdkScope } from './sdkScope';

/** Sends one signed request and reads its whole answer within the request's deadline. */
export type Exchange = (request: HttpExchangeRequest) => Promise<HttpExchangeAnswer>;

/**
 * The SDK's HTTP layer, replaced: requests are still built and signed by the SDK (its
 * `DefaultRequestSigner`), but sent through our own exchange (`util/httpExchange`), which honours VS
 * Code's proxy and CA settings, bounds each request in time (the body is read in full within the
 * deadline before the SDK sees it), aborts with the caller's signal, and never goes through the SDK's
 * circuit breaker. The answer is handed back as a `BufferedResponse`.
 */
export class SignedHttpClient implements common.HttpClient {
  constructor(
    private readonly signer: common.RequestSigner,
    private readonly exchange: Exchange,
  ) {}

  async send(req: common.HttpRequest): Promise<Response> {
    const scope = sdkScope.getStore();
    const body = typeof req.body === 'string' && req.body.length > 0 ? req.body : undefined;
    if (req.body !== undefined && req.body !== null && typeof req.body !== 'string') {
      throw Object.assign(new Error('The OCI adapter sends only JSON bodies.'), { shouldBeRetried: false });
    }
    if (scope) scope.request = `${req.method} ${req.uri.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0]}`;
    try {
      await this.signer.signHttpRequest({ method: req.method, headers: req.headers, uri: req.uri, body });
      const headers: Record<string, string> = {};
      req.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const answer = await this.exchange({ url: req.uri, method: req.method, headers, body, signal: scope?.signal });
      const response = new BufferedResponse(answer, req.method);
      if (scope) {
        scope.retryAfter = response.headers.get('retry-after') ?? undefined;
        scope.requestId = response.headers.get('opc-request-id') ?? undefined;
        scope.contentType = response.headers.get('content-type') ?? undefined;
      }
      return response as unknown as Response;
    } catch (error) {
      if (scope) scope.transportError = error;
      // Our own retry loop decides about retries; the SDK's must not.
      throw Object.assign(new Error('request failed before a response arrived'), { shouldBeRetried: false });
    }
  }
}

/** Header values as fetch's `Headers.get` gives them: repeated headers joined with ", ", absent ones null. */
class AnswerHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }
}

/**
 * An answer already read in full, with the part of fetch's `Response` the SDK reads from the
 * services this adapter calls (oci-common 2.139.1: `status` and `code` in `GenericRetrier`,
 * `status`, `statusText`, `headers.get` and `text()` in `handleErrorResponse`/`handleErrorBody`; the
 * generated identity and object storage clients call `json()` and `headers.get`). A fetch
 * `Response` would wrap the text in a web stream only for the SDK to read it back (about a fifth of
 * what an OCI listing allocated).
 */
class BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: AnswerHeaders;
  readonly #body: string;

  constructor(answer: HttpExchangeAnswer, method: string) {
    this.status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
    this.statusText = answer.statusText;
    this.ok = this.status >= 200 && this.status <= 299;
    this.headers = new AnswerHeaders(answer.headers);
    const noBody = this.status === 204 || this.status === 304 || method === 'HEAD';
    this.#body = noBody ? '' : answer.body;
  }

  async text(): Promise<string> {
    return this.#body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.#body) as unknown;
  }
}
