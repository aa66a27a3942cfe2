/**
 * IONOS runs writes asynchronously: it answers 202 with a `Location` header naming a request-status
 * resource, which moves QUEUED → RUNNING → DONE or FAILED. This polls it, with bounded backoff and
 * a time limit, until it settles.
 */
import { CloudError } from '../../model/cloudError';
import type { Logger } from '../../util/logger';
import { sleep } from '../shared/retry';
import type { IonosApiClient } from './apiClient';
import { RequestStatusSchema, type RequestState } from './schemas';
import { LOG_PREFIX } from './logPrefix';

export interface PollPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up waiting (the request goes on at IONOS) after this long. */
  readonly timeoutMs: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = { initialDelayMs: 250, maxDelayMs: 4_000, timeoutMs: 180_000 };

const STATUS_PATH = /\/requests\/([^/?#]+)\/status\/?$/;

/**
 * The path (relative to the API base) of a request-status `Location`. Credentials are only ever
 * sent to the API base: a Location on another origin is followed by its request id alone.
 */
export function statusPathOf(location: string, baseUrl: string): { path: string; requestId: string } | undefined {
  let url: URL;
  try {
    url = new URL(location, baseUrl);
  } catch {
    return undefined;
  }
  const match = STATUS_PATH.exec(url.pathname);
  if (!match) return undefined;
  const requestId = decodeURIComponent(match[1]);
  return { path: `/requests/${encodeURIComponent(requestId)}/status`, requestId };
}

export async function waitForRequest(
  api: IonosApiClient,
  location: string,
  operation: string,
  options: { policy: PollPolicy; logger: Logger; now?: () => number },
  signal?: AbortSignal,
): Promise<void> {
  const target = statusPathOf(location, api.baseUrl);
  if (!target) {
    options.logger.warn(`${LOG_PREFIX} answered ${operation} with an unreadable Location header; not waiting for it.`);
    return;
  }
  const now = options.now ?? Date.now;
  const deadline = now() + options.policy.timeoutMs;
  let delay = options.policy.initialDelayMs;
  let last: RequestState = 'QUEUED';
  for (;;) {
    const { data } = await api.call(
      { method: 'GET', path: target.path, schema: RequestStatusSchema, context: { operation: `checking the progress of ${operation}` } },
      signal,
    );
    const status = data?.metadata.status ?? 'QUEUED';
    if (status !== last) options.logger.debug(`IONOS request ${target.requestId}: ${status}`);
    last = status;
    if (status === 'DONE') return;
    if (status === 'FAILED') {
      const why = data?.metadata.message?.trim();
      throw new CloudError(
        'server',
        `IONOS accepted ${operation} but could not complete it${why ? `: ${why.slice(0, 300)}` : ''}. Refresh to see the current state, then try again.`,
        { cloud: 'ionos', requestId: target.requestId, cloudCode: 'FAILED' },
      );
    }
    if (now() + delay > deadline) {
      throw new CloudError(
        'server',
        `IONOS is still working on ${operation} (${status}) after ${Math.round(options.policy.timeoutMs / 1000)} s. It will finish on its own; refresh later to see the result.`,
        { cloud: 'ionos', requestId: target.requestId, cloudCode: status },
      );
    }
    await sleep(delay, signal);
    delay = Math.min(options.policy.maxDelayMs, delay * 2);
  }
}
