import type { CloudId } from './types';

/** Stable reasons a cloud call fails; the UI chooses its wording and its offers (retry, sign in) by these. */
export type CloudErrorCode =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'quota'
  | 'conflict'
  | 'throttled'
  | 'invalid'
  | 'network'
  | 'server'
  | 'cancelled'
  | 'config';

export interface CloudErrorDetails {
  readonly cloud?: CloudId;
  /** The cloud's own request id (opc-request-id, RequestId, x-request-id), for support tickets. */
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** The cloud's own error code or type, as it sent it. */
  readonly cloudCode?: string;
  readonly cause?: unknown;
}

/** The one error type that leaves a cloud adapter: a stable code and a message a person can act on. */
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

  /** Whether trying the same call again later may succeed. */
  get retryable(): boolean {
    return this.code === 'throttled' || this.code === 'server' || this.code === 'network';
  }

  /** The message with the request id appended, as shown to users and written to the log. */
  describe(): string {
    return this.requestId ? `${this.message} (request id ${this.requestId})` : this.message;
  }
}

export function isCloudError(value: unknown): value is CloudError {
  return value instanceof CloudError;
}
