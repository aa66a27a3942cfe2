import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../../util/logger';

/**
 * What one attempt of one SDK call carries through the SDK's own code, so that our transport and
 * our console routing know which call they serve without any shared mutable state.
 */
export interface SdkCallScope {
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  /** Filled in by the transport from the last response. */
  retryAfter?: string;
  requestId?: string;
  /** The last response's content type: an error page from a proxy is told from OCI's JSON by it. */
  contentType?: string;
  /** The method and path of the last request (`GET /20160918/users`), to name it in a timeout. */
  request?: string;
  /** The transport's own failure (network, timeout, cancel): the SDK would flatten it. */
  transportError?: unknown;
}

export const sdkScope = new AsyncLocalStorage<SdkCallScope>();
