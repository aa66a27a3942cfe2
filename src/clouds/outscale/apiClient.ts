/**
 * One OUTSCALE API call: `POST <endpoint>/api/v1/<Action>` with a JSON body, signed with an access
 * key (SigV4) or, for the four access-key actions, sent with the account's login and password (HTTP
 * Basic + `X-Osc-Date`); validated with zod, retried with backoff and jitter on throttling, 5xx and
 * network errors (never on 401: OUTSCALE locks authentication after repeated failures).
 */
import type { AxiosInstance } from 'axios';
import type { z } from 'zod';
import { CloudError } from '../../model/cloudError';
import type { HttpOptions } from '../../util/httpClient';
import { createHttpClient } from '../../util/httpClient';
import type { Logger } from '../../util/logger';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry, type RetryPolicy } from '../shared/retry';
import { basicAuthHeaders, PASSWORD_ACTIONS, PASSWORD_ONLY_MESSAGE } from './basicAuth';
import type { AccountCredentials } from './credentials';
import { errorFromResponse, errorFromTransport, unreadableResponse, type ErrorContext } from './errors';
import { signedHeaders, type SigningCredentials } from './signing';
import { LOG_PREFIX } from './logPrefix';

export interface ApiClientOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly accountLabel: string;
  readonly http: HttpOptions;
  readonly logger: Logger;
  readonly retryPolicy?: RetryPolicy;
  readonly now?: () => number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /**
   * False for calls that must not run twice (CreateAccessKey): those are retried only when the
   * cloud said it did not process them (throttled), never after a 5xx or a lost connection.
   */
  readonly idempotent?: boolean;
  /** Sign with these instead of the account's own credentials (verifying a new key). */
  readonly credentials?: SigningCredentials;
  readonly retryPolicy?: RetryPolicy;
}

export class OutscaleApiClient {
  readonly #http: AxiosInstance;
  readonly #retryAfter = new WeakMap<CloudError, number>();

  constructor(
    private readonly options: ApiClientOptions,
    private readonly credentials: () => Promise<AccountCredentials>,
  ) {
    this.#http = createHttpClient(options.endpoint, options.http);
  }

  get endpoint(): string {
    return this.options.endpoint;
  }

  async call<S extends z.ZodType>(action: string, body: Record<string, unknown>, schema: S, opts: CallOptions = {}): Promise<z.infer<S>> {
    const credentials: AccountCredentials = opts.credentials ? { kind: 'access-key', ...opts.credentials } : await this.credentials();
    if (credentials.kind === 'password' && !PASSWORD_ACTIONS.has(action)) {
      // Refused here rather than sent: OUTSCALE would answer 401, and failures count towards its lock-out.
      throw new CloudError('forbidden', `${this.options.accountLabel}: ${action} needs an access key. ${PASSWORD_ONLY_MESSAGE}`, {
        cloud: 'outscale',
      });
    }
    const ctx: ErrorContext = {
      action,
      account: this.options.accountLabel,
      endpoint: this.options.endpoint,
      credentials: credentials.kind,
    };
    const idempotent = opts.idempotent ?? true;
    const run = withRetry((attempt) => this.#once(action, body, schema, credentials, ctx, attempt, opts.signal), {
      policy: opts.retryPolicy ?? this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      signal: opts.signal,
      now: this.options.now,
      shouldRetry: (e) => e.code !== 'auth' && e.retryable && (idempotent || e.code === 'throttled'),
      retryAfterMs: (e) => this.#retryAfter.get(e),
      onRetry: (e, attempt, delay) =>
        this.options.logger.warn(
          `${LOG_PREFIX} ${action} failed (${e.code}${e.requestId ? `, request id ${e.requestId}` : ''}); attempt ${attempt + 1} in ${delay} ms`,
        ),
    });
    return run.catch((error: unknown) => {
      // The shared retry loop raises its own 'cancelled' error without a cloud; name the cloud and the action.
      if (error instanceof CloudError && error.cloud === undefined) {
        throw new CloudError(error.code, error.code === 'cancelled' ? `${action} was cancelled.` : error.message, { cloud: 'outscale' });
      }
      throw error;
    });
  }

  async #once<S extends z.ZodType>(
    action: string,
    body: Record<string, unknown>,
    schema: S,
    credentials: AccountCredentials,
    ctx: ErrorContext,
    attempt: number,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    const url = new URL(`${this.options.endpoint}/api/v1/${action}`);
    const payload = JSON.stringify(body);
    const headers =
      credentials.kind === 'password'
        ? basicAuthHeaders(credentials, this.options.now?.() ?? Date.now())
        : signedHeaders(url, payload, this.options.region, credentials);
    let response;
    try {
      response = await this.#http.post<string>(url.toString(), payload, { headers, signal });
    } catch (error) {
      const failure = errorFromTransport(error, ctx, signal);
      this.options.logger.warn(`${LOG_PREFIX} ${action}: ${failure.message}`);
      throw failure;
    }
    const text = typeof response.data === 'string' ? response.data : '';
    if (response.status >= 300) {
      const wait = parseRetryAfter(headerValue(response.headers['retry-after']), this.options.now?.() ?? Date.now());
      const error = errorFromResponse(response.status, text, ctx, {
        contentType: headerValue(response.headers['content-type']),
        retryAfterMs: wait,
      });
      if (wait !== undefined) this.#retryAfter.set(error, wait);
      this.options.logger.warn(
        `OUTSCALE ${action} → HTTP ${response.status} ${error.cloudCode ?? ''}${error.requestId ? ` (request id ${error.requestId})` : ''}${attempt ? ` on attempt ${attempt + 1}` : ''}`,
      );
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw unreadableResponse(response.status, ctx);
    }
    const parsed = schema.safeParse(json);
    const requestId = readRequestId(json);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
      this.options.logger.warn(`${LOG_PREFIX} ${action}: unexpected response shape at ${where}`);
      throw unreadableResponse(response.status, ctx, requestId);
    }
    this.options.logger.debug(`OUTSCALE ${action} → HTTP ${response.status}${requestId ? ` (request id ${requestId})` : ''}`);
    return parsed.data;
  }
}

function headerValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function readRequestId(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const context = (json as { ResponseContext?: { RequestId?: unknown } }).ResponseContext;
  return typeof context?.RequestId === 'string' ? context.RequestId : undefined;
}
