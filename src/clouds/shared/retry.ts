import { randomInt } from 'node:crypto';
import { CloudError } from '../../model/cloudError';
import { awayFromSlot } from '../../util/limiter';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The whole call, all attempts and waits included, never takes longer than this. */
  readonly totalBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  totalBudgetMs: 60_000,
};

/** Full-jitter exponential backoff: a random wait in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): CloudError {
  return new CloudError('cancelled', 'The operation was cancelled.');
}

export interface RetryOptions {
  readonly policy?: RetryPolicy;
  readonly signal?: AbortSignal;
  /** Returns a wait in ms the server asked for (Retry-After), if any. */
  readonly retryAfterMs?: (error: CloudError) => number | undefined;
  /** Decides which errors are worth another attempt; defaults to `error.retryable`. */
  readonly shouldRetry?: (error: CloudError) => boolean;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly onRetry?: (error: CloudError, attempt: number, delayMs: number) => void;
}

/**
 * Calls `attempt` until it succeeds, a non-retryable CloudError comes back, the attempts run out,
 * or the time budget would be exceeded. Waits honour Retry-After and are cancellable; a call run
 * by the tree's limiter gives its slot back while it waits and takes one again before retrying.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const now = options.now ?? Date.now;
  const random = options.random ?? (() => randomInt(0, 1_000_000) / 1_000_000);
  const shouldRetry = options.shouldRetry ?? ((e: CloudError) => e.retryable);
  const deadline = now() + policy.totalBudgetMs;
  for (let n = 0; ; n += 1) {
    if (options.signal?.aborted) throw cancelled();
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof CloudError) || !shouldRetry(error) || n + 1 >= policy.maxAttempts) throw error;
      const asked = options.retryAfterMs?.(error);
      // A server asking for longer than we wait is answered now, not after a shorter wait it did not
      // ask for: its error message says how long it asked for (see `describeWait`).
      if (asked !== undefined && asked > maxRetryAfterMs(policy)) throw error;
      const delay = asked ?? backoffDelay(n, policy, random);
      if (now() + delay > deadline) throw error;
      options.onRetry?.(error, n + 1, delay);
      // The wait holds no limiter slot: other calls use it meanwhile (README, Performance).
      await awayFromSlot(() => sleep(delay, options.signal));
    }
  }
}

/** The longest `Retry-After` the retry loop waits for; a longer one ends the call with the cloud's wait in its message. */
export function maxRetryAfterMs(policy: RetryPolicy): number {
  return policy.maxDelayMs * 4;
}

/** A wait a server asked for, as a person reads it: `45 s`, `5 minutes`, `2 hours`. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

/** A `Retry-After` header (seconds or an HTTP date) as milliseconds from now; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
