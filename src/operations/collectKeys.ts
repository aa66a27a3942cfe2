import type { AccountBrowser } from './accountBrowser';
import type { AccessKey, Account, CloudUser } from '../model/types';
import { describeError, isCloudError } from '../model/cloudError';

export interface CollectProgress {
  (done: number, total: number, label: string): void;
}

export interface CollectedRows<T> {
  readonly rows: T[];
  readonly problems: string[];
  readonly cancelled: boolean;
}

/** Users the Key Age Overview reads per account at most; a full audit passes `Infinity`. */
export const MAX_USERS_PER_ACCOUNT = 2000;

function isCancel(error: unknown): boolean {
  return isCloudError(error) && error.code === 'cancelled';
}

/**
 * Reads every user's keys of every account, through the browser (and its shared limiter), turning
 * each key into a row with `toRow`. A failing account or user becomes a problem line and the rest
 * still load (a page of users that fails after others were read keeps the keys read so far); an abort stops it and returns what was read, marked cancelled. Used by the Key Age
 * Overview and by `cloud-keys audit`.
 */
export async function collectRows<T>(
  accounts: readonly Account[],
  browser: AccountBrowser,
  toRow: (account: Account, user: CloudUser, key: AccessKey) => T,
  progress: CollectProgress,
  signal: AbortSignal,
  maxUsersPerAccount = MAX_USERS_PER_ACCOUNT,
): Promise<CollectedRows<T>> {
  const rows: T[] = [];
  const problems: string[] = [];
  let done = 0;
  let total = 0;
  const cancelled = () => signal.aborted;
  const readKeys = async (account: Account, user: CloudUser) => {
    if (cancelled()) return;
    try {
      const keys = await browser.keys(account, user, signal);
      for (const key of keys) rows.push(toRow(account, user, key));
    } catch (error) {
      if (!cancelled() && !isCancel(error)) problems.push(`${account.label} / ${user.name}: ${describeError(error)}`);
    } finally {
      done += 1;
      progress(done, total, `${account.label} / ${user.name}`);
    }
  };
  await Promise.all(
    accounts.map(async (account) => {
      // Each page's users have their keys read as soon as the page arrives, while the next page is
      // asked for: paging never waits behind key listings in the shared limiter.
      const started = new Set<string>();
      const loads: Promise<void>[] = [];
      try {
        let view = await browser.users(account, signal);
        for (;;) {
          const next = view.hasMore && view.loaded < maxUsersPerAccount && !cancelled() ? browser.loadMore(account, signal) : undefined;
          for (const user of view.users) {
            if (started.has(user.id)) continue;
            started.add(user.id);
            total += 1;
            loads.push(readKeys(account, user));
          }
          progress(done, total, account.label);
          if (!next) break;
          view = await next;
        }
      } catch (error) {
        if (!cancelled() && !isCancel(error)) problems.push(`${account.label}: ${describeError(error)}`);
      } finally {
        await Promise.all(loads);
      }
    }),
  );
  return { rows, problems, cancelled: cancelled() };
}
