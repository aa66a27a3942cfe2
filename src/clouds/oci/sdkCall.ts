import { CloudError } from '../../model/cloudError';
import type { Logger } from '../../util/logger';
import { untilAborted } from '../../util/untilAborted';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry, type RetryPolicy } from '../shared/retry';
import { retryAfterHeader, toCloudError } from './errors';
import { sdkScope, type SdkCallScope } from './sdkScope';
import { LOG_PREFIX } from './logPrefix';

export interface SdkCallOptions {
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly policy?: RetryPolicy;
  readonly now?: () => number;
}

/** 409 IncorrectState means "busy, try again shortly" in OCI; the other conflicts are final. */
function worthRetrying(error: CloudError): boolean {
  return error.retryable || (error.httpStatus === 409 && error.cloudCode === 'IncorrectState');
}

/**
 * Runs one SDK operation: each attempt in its own scope (signal, logger, console routing), every
 * failure mapped to a CloudError, retries for throttling, server and network errors with
 * full-jitter backoff or the server's Retry-After, all within the policy's time budget.
 * `what` reads after "while", e.g. "listing the users of the tenancy".
 */
export function callSdk<T>(what: string, operation: () => Promise<T>, options: SdkCallOptions): Promise<T> {
  const { logger, signal } = options;
  const now = options.now ?? Date.now;
  return withRetry(
    async () => {
      const scope: SdkCallScope = { logger, signal };
      try {
        return await sdkScope.run(scope, () =>
          untilAborted(operation(), signal, () => new CloudError('cancelled', 'The operation was cancelled.', { cloud: 'oci' })),
        );
      } catch (error) {
        const mapped = toCloudError(error, what, scope);
        logger.debug(`oci: ${mapped.code} while ${what}${mapped.requestId ? ` (request id ${mapped.requestId})` : ''}`);
        throw mapped;
      }
    },
    {
      policy: options.policy ?? DEFAULT_RETRY_POLICY,
      signal,
      now,
      shouldRetry: worthRetrying,
      retryAfterMs: (error) => parseRetryAfter(retryAfterHeader(error), now()),
      onRetry: (error, attempt, delay) => logger.info(`${LOG_PREFIX} ${error.code} while ${what}; attempt ${attempt + 1} in ${delay} ms`),
    },
  );
}
