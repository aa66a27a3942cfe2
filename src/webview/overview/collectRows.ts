import type { AccountBrowser } from '../../operations/accountBrowser';
import type { KeyHealthPolicy } from '../../operations/keyHealth';
import type { Account } from '../../model/types';
import { CloudError, describeError, isCloudError } from '../../model/cloudError';
import type { KeyRow } from '../protocol';
import { toKeyRow } from '../shared/keyView';

export interface CollectProgress {
  (done: number, total: number, label: string): void;
}

export interface CollectedRows {
  readonly rows: KeyRow[];
  readonly problems: string[];
  readonly cancelled: boolean;
}

const MAX_USERS_PER_ACCOUNT = 2000;

/**
 * Reads every user's keys of every account, through the browser (and its shared limiter). A failing
 * account or user becomes a problem line and the rest still load; an abort stops it and returns
 * what was read, marked cancelled.
 */
export async function collectRows(
  accounts: readonly Account[],
  browser: AccountBrowser,
  policy: KeyHealthPolicy,
  now: number,
  progress: CollectProgress,
  signal: AbortSignal,
): Promise<CollectedRows> {
  const rows: KeyRow[] = [];
  const problems: string[] = [];
  let done = 0;
  let total = 0;
  const cancelled = () => signal.aborted;
  await Promise.all(
    accounts.map(async (account) => {
      try {
        let view = await browser.users(account, signal);
        while (view.hasMore && view.loaded < MAX_USERS_PER_ACCOUNT && !cancelled()) view = await browser.loadMore(account, signal);
        total += view.users.length;
        progress(done, total, account.label);
        await Promise.all(
          view.users.map(async (user) => {
            if (cancelled()) return;
            try {
              const keys = await browser.keys(account, user, signal);
              for (const key of keys) rows.push(toKeyRow(account, user, key, policy, now));
            } catch (error) {
              if (!cancelled() && !(isCloudError(error) && error.code === 'cancelled')) problems.push(`${account.label} / ${user.name}: ${describeError(error)}`);
            } finally {
              done += 1;
              progress(done, total, `${account.label} / ${user.name}`);
            }
          }),
        );
      } catch (error) {
        if (!cancelled() && !(error instanceof CloudError && error.code === 'cancelled')) problems.push(`${account.label}: ${describeError(error)}`);
      }
    }),
  );
  return { rows, problems, cancelled: cancelled() };
}
