import type { AccessKey, Account } from '../../../src/model/types';
import type { AccountBrowser } from '../../../src/operations/accountBrowser';

export interface ListingCount {
  readonly users: number;
  readonly keys: number;
  /** Users whose keys could not be listed (the tree would show them an error with Retry). */
  readonly failedUsers: number;
  /** The first failure's message, if any. */
  readonly firstFailure?: string;
}

/**
 * Lists every user and every key of an account through the extension's listing layer, the way the
 * tree does when everything is expanded: page after page of users ("Load more"), and each user's keys
 * as soon as the user is known. The next page is asked for before the keys of the page just read,
 * so paging never waits behind key listings in the shared limiter. A page that cannot be read
 * throws; a user whose keys cannot be read is counted, as the tree would show it an error.
 */
export async function listEverything(browser: AccountBrowser, account: Account, signal?: AbortSignal): Promise<ListingCount> {
  const requested = new Set<string>();
  // Settled as they finish, so a failure while pages are still being read is never left unhandled.
  const loads: Promise<PromiseSettledResult<readonly AccessKey[]>>[] = [];
  const settle = (load: Promise<readonly AccessKey[]>) =>
    load.then(
      (value): PromiseSettledResult<readonly AccessKey[]> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<readonly AccessKey[]> => ({ status: 'rejected', reason }),
    );
  try {
    let view = await browser.users(account, signal);
    for (;;) {
      const next = view.hasMore ? browser.loadMore(account, signal) : undefined;
      for (const user of view.users) {
        if (requested.has(user.id) || user.placeholder) continue;
        requested.add(user.id);
        loads.push(settle(browser.keys(account, user, signal)));
      }
      if (!next) break;
      view = await next;
    }
  } finally {
    // Whatever happened to the pages, wait for the key listings already started.
    await Promise.all(loads);
  }
  const results = await Promise.all(loads);
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  const first = failures[0]?.reason;
  return {
    users: requested.size,
    keys: results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value.length : 0), 0),
    failedUsers: failures.length,
    ...(first === undefined ? {} : { firstFailure: first instanceof Error ? first.message : String(first) }),
  };
}
