import type { CloudId } from './types';

/** Stable reasons a cloud call fails; the UI chooses its wording and its offers (retry, sign in) by these. */
export type CloudErrorCode =
  'auth' | 'forbidden' | 'not-found' | 'quota' | 'conflict' | 'throttled' | 'invalid' | 'network' | 'server' | 'cancelled' | 'config';

export interface CloudErrorDetails {
  readonly cloud?: CloudId;
  /** The cloud's own request id (opc-request-id, RequestId, x-request-id), for support tickets. */
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** The cloud's own error code or type, as it sent it. */
  readonly cloudCode?: string;
  readonly cause?: unknown;
}

/**
 * Marks every CloudError, whichever copy of this class made it. Each cloud adapter
 * (dist/clouds/<cloud>.js) and each lazy bundle (dist/lazy/*.js) carries its own copy, while the
 * code that reacts to an error's code lives in dist/extension.js; `Symbol.for` gives all of them
 * the same key, so an error keeps its identity across the bundles.
 */
const CLOUD_ERROR_BRAND = Symbol.for('cloudKeys.CloudError');

/**
 * The one error type that leaves a cloud adapter: a stable code and a message a person can act on.
 * `isCloudError` and `instanceof CloudError` both recognise an error made by another bundle's copy.
 */
export class CloudError extends Error {
  override readonly name = 'CloudError';
  readonly cloud?: CloudId;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly cloudCode?: string;

  constructor(
    readonly code: CloudErrorCode,
    message: string,
    details: CloudErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.cloud = details.cloud;
    this.requestId = details.requestId;
    this.httpStatus = details.httpStatus;
    this.cloudCode = details.cloudCode;
  }

  /**
   * `instanceof CloudError` checks the brand, so it holds for an error of another bundle's copy; a
   * subclass (such as the rotation's Cancelled) keeps the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === CloudError ? isCloudError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** Whether trying the same call again later may succeed. */
  get retryable(): boolean {
    return this.code === 'throttled' || this.code === 'server' || this.code === 'network';
  }

  /** The message with the request id appended, as shown to users and written to the log. */
  describe(): string {
    return this.requestId ? `${this.message} (request id ${this.requestId})` : this.message;
  }
}

// On the prototype, so every instance and every subclass carries it without an own property.
Object.defineProperty(CloudError.prototype, CLOUD_ERROR_BRAND, { value: true });

/** Whether `value` is a CloudError, made by this bundle's copy of the class or another's. */
export function isCloudError(value: unknown): value is CloudError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CLOUD_ERROR_BRAND] === true;
}

/**
 * What to tell a person about any failure, never a secret: a CloudError's message with its request
 * id (`describe()`; with `{ requestId: false }`, the message alone), another error's message, or the
 * value as text. The one way errors are put into words for messages, logs' summaries and result views.
 */
export function describeError(error: unknown, { requestId = true }: { readonly requestId?: boolean } = {}): string {
  if (isCloudError(error)) return requestId ? error.describe() : error.message;
  return error instanceof Error ? error.message : String(error);
}
