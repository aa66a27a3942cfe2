/**
 * One authenticated, bounded, retried HTTP call to the IONOS Cloud API, returning a zod-validated
 * body. Logs one line per call (method, path, status, request id) and never a body.
 */
import type { AxiosInstance } from 'axios';
import type { z } from 'zod';
import { CloudError } from '../../model/cloudError';
import type { Logger } from '../../util/logger';
import { createHttpClient, type HttpOptions } from '../../util/httpClient';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from '../shared/retry';
import { authorizationHeader, type IonosCredentials } from './credentials';
import {
  errorFromResponse,
  malformedResponse,
  requestIdOf,
  retryAfterOf,
  transportError,
  type CallContext,
  type RawResponse,
} from './errors';

export interface ApiCall<T> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the API base, starting with `/`. */
  readonly path: string;
  readonly query?: Record<string, string | number>;
  readonly body?: unknown;
  /** Validates a 2xx body; without it the body is ignored. */
  readonly schema?: z.ZodType<T>;
  /** Whether a body may be absent on success (202, 204). */
  readonly bodyOptional?: boolean;
  readonly context: Omit<CallContext, 'accountLabel'>;
}

export interface ApiResult<T> {
  readonly status: number;
  readonly data?: T;
  readonly location?: string;
  readonly requestId?: string;
}

export interface ApiClientOptions {
  readonly baseUrl: string;
  readonly accountLabel: string;
  readonly credentials: () => Promise<IonosCredentials>;
  readonly logger: Logger;
  readonly http: HttpOptions;
  readonly retry?: RetryPolicy;
  readonly now?: () => number;
}

/** Writes are retried only where IONOS cannot have acted on them: throttled, or unavailable. */
function retryableWrite(error: CloudError): boolean {
  return error.httpStatus === 429 || error.httpStatus === 503;
}

export class IonosApiClient {
  readonly #http: AxiosInstance;
  readonly #options: ApiClientOptions;
  readonly #host: string;

  constructor(options: ApiClientOptions) {
    this.#options = options;
    this.#http = createHttpClient(options.baseUrl, options.http);
    this.#host = new URL(options.baseUrl).host;
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  async call<T>(spec: ApiCall<T>, signal?: AbortSignal): Promise<ApiResult<T>> {
    const log = this.#options.logger;
    const idempotent = spec.method !== 'POST';
    return withRetry(
      async () => {
        const res = await this.#send(spec, signal);
        const context = { ...spec.context, accountLabel: this.#options.accountLabel, request: `${spec.method} ${spec.path}` };
        const requestId = requestIdOf(res.headers);
        log.debug(`IONOS ${spec.method} ${spec.path} → ${res.status}${requestId ? ` (request id ${requestId})` : ''}`);
        if (res.status >= 400) throw errorFromResponse(res, context, this.#now());
        if (res.status >= 300) throw malformedResponse(res, context, 'a 2xx status');
        const location = res.headers.location || undefined;
        if (!spec.schema || (spec.bodyOptional && res.text.trim() === '')) return { status: res.status, location, requestId };
        let json: unknown;
        try {
          json = JSON.parse(res.text);
        } catch {
          throw malformedResponse(res, context, 'JSON');
        }
        const parsed = spec.schema.safeParse(json);
        if (!parsed.success) {
          const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
          throw malformedResponse(res, context, `other fields at ${where}`);
        }
        return { status: res.status, data: parsed.data, location, requestId };
      },
      {
        policy: this.#options.retry ?? DEFAULT_RETRY_POLICY,
        signal,
        now: this.#options.now,
        retryAfterMs: retryAfterOf,
        shouldRetry: idempotent ? (e) => e.retryable : retryableWrite,
        onRetry: (error, attempt, delayMs) =>
          log.warn(`IONOS ${spec.method} ${spec.path}: ${error.code} (HTTP ${error.httpStatus ?? '-'}), retry ${attempt} in ${delayMs} ms`),
      },
    );
  }

  async #send(spec: ApiCall<unknown>, signal?: AbortSignal): Promise<RawResponse> {
    const context = {
      ...spec.context,
      accountLabel: this.#options.accountLabel,
      request: `${spec.method} ${spec.path}`,
      host: this.#host,
    };
    if (signal?.aborted) throw transportError(undefined, context, signal);
    const credentials = await this.#options.credentials();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: authorizationHeader(credentials.auth),
    };
    if (credentials.contractNumber) headers['X-Contract-Number'] = credentials.contractNumber;
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await this.#http.request<string>({
        method: spec.method,
        url: spec.path,
        params: spec.query,
        data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        headers,
        signal,
      });
      const lower: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers ?? {})) {
        if (value !== undefined && value !== null) lower[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      return { status: res.status, headers: lower, text: typeof res.data === 'string' ? res.data : '' };
    } catch (error) {
      throw transportError(error, context, signal);
    }
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}
