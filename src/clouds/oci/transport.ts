import type { AxiosInstance } from 'axios';
import type * as common from 'oci-common';
import { sdkScope } from './sdkScope';

/**
 * The SDK's HTTP layer, replaced: requests are still built and signed by the SDK (its
 * `DefaultRequestSigner`), but sent through our axios client, which honours VS Code's proxy and CA
 * settings, bounds each request in time (the body is read in full within the deadline before the SDK
 * sees it), aborts with the caller's signal, and never goes through
 * the SDK's circuit breaker. The response is handed back as a fetch `Response`, as the SDK expects.
 */
export class SignedAxiosHttpClient implements common.HttpClient {
  constructor(
    private readonly signer: common.RequestSigner,
    private readonly http: AxiosInstance,
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
      const res = await this.http.request<string>({
        url: req.uri,
        method: req.method,
        headers,
        data: body === undefined ? undefined : Buffer.from(body, 'utf8'),
        transformRequest: [(data: unknown) => data],
        signal: scope?.signal,
      });
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(res.headers ?? {})) {
        if (value === undefined || value === null) continue;
        responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
      }
      if (scope) {
        scope.retryAfter = responseHeaders.get('retry-after') ?? undefined;
        scope.requestId = responseHeaders.get('opc-request-id') ?? undefined;
        scope.contentType = responseHeaders.get('content-type') ?? undefined;
      }
      const status = res.status >= 200 && res.status <= 599 ? res.status : 502;
      const noBody = status === 204 || status === 304 || req.method === 'HEAD';
      return new Response(noBody ? null : (res.data ?? ''), { status, statusText: res.statusText ?? '', headers: responseHeaders });
    } catch (error) {
      if (scope) scope.transportError = error;
      // Our own retry loop decides about retries; the SDK's must not.
      throw Object.assign(new Error('request failed before a response arrived'), { shouldBeRetried: false });
    }
  }
}
