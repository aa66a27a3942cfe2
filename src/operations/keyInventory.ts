import pLimit from 'p-limit';
import { describeError, isCloudError } from '../model/cloudError';
import type { Account, CloudUser } from '../model/types';
import type { AccountBrowser } from './accountBrowser';

/**
 * Calls the inventory keeps in flight at most, inside the browser's shared limiter (12 slots): the
 * tree's own loads always find free slots, so counting a 2,000-user tenancy never holds up a click.
 */
export const INVENTORY_CONCURRENCY = 4;

export interface InventoryState {
  /** True while some account is still being read. */
  readonly running: boolean;
  /** Users whose keys were read (or failed), and users found so far. */
  readonly usersRead: number;
  readonly usersTotal: number;
  /** Accounts or users that could not be read, in words; their keys are not counted. */
  readonly problems: readonly string[];
  /** True when the user stopped the count; it starts again at the next refresh. */
  readonly cancelled: boolean;
}

export interface KeyInventoryOptions {
  /**
   * Resolves once the window has settled after it opened. Until then the count reads each
   * account's first page only (the page a click on the account shows, which also warms the cloud's
   * adapter up); the later pages and every user's keys wait for it.
   */
  readonly settled?: Promise<void>;
}

/**
 * Reads every key of every user of every account in the background, into the browser's cache
 * (which the tree shares), so that counts such as the key-age status bar cover every key, not only
 * those of the users someone expanded. Cancellable; read again when the tree is refreshed. Past
 * each account's first page it gives way to the user: it waits for the window to settle, and each
 * further call waits until the tree has no load running (`AccountBrowser.foreground`).
 */
export class KeyInventory {
  readonly #queue = pLimit(INVENTORY_CONCURRENCY);
  /** The read of each account, by account id, started once until that account is refreshed. */
  readonly #scans = new Map<string, Promise<void>>();
  /** Each account's latest read: users found, and users whose keys were read. A stale read updates an object no longer here. */
  readonly #progress = new Map<string, { users: number; read: number }>();
  readonly #problems = new Map<string, string>();
  readonly #listeners = new Set<() => void>();
  #abort = new AbortController();
  #cancelled = false;
  #running = 0;

  constructor(
    private readonly browser: AccountBrowser,
    private readonly accounts: () => Promise<readonly Account[]>,
    private readonly options: KeyInventoryOptions = {},
  ) {}

  /** Starts reading the accounts not read yet (nothing after `cancel`, until the next `refresh`). */
  async ensure(): Promise<void> {
    if (this.#cancelled) return;
    const accounts = await this.accounts();
    await Promise.all(accounts.map((account) => this.#scan(account)));
  }

  /** Resolves when every read started so far has ended. */
  async idle(): Promise<void> {
    while (true) {
      const pending = [...this.#scans.values()];
      await Promise.all(pending);
      if ([...this.#scans.values()].every((scan) => pending.includes(scan))) return;
    }
  }

  /**
   * After the tree dropped what it loaded: everything (no argument: the count starts over), one
   * account (read again), or one user's keys (read again).
   */
  refresh(account?: Account, user?: CloudUser): void {
    if (!account) {
      this.#abort.abort();
      this.#abort = new AbortController();
      this.#cancelled = false;
      this.#scans.clear();
      this.#progress.clear();
      this.#problems.clear();
      this.#notify();
      void this.ensure();
      return;
    }
    if (this.#cancelled) return;
    if (user) {
      const signal = this.#abort.signal;
      void this.#queue(() => this.browser.keys(account, user, signal)).catch((error: unknown) =>
        this.#problem(`${account.id}|${user.id}`, `${account.label} / ${user.name}`, error, signal),
      );
      return;
    }
    this.#scans.delete(account.id);
    void this.#scan(account);
  }

  /** Stops the reads under way; what was read stays counted. */
  cancel(): void {
    this.#cancelled = true;
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#notify();
  }

  state(): InventoryState {
    const progress = [...this.#progress.values()];
    return {
      running: !this.#cancelled && this.#running > 0,
      usersRead: progress.reduce((n, p) => n + p.read, 0),
      usersTotal: progress.reduce((n, p) => n + p.users, 0),
      problems: [...this.#problems.values()],
      cancelled: this.#cancelled,
    };
  }

  /** Calls `listener` when the state changes; returns the function that stops it. */
  onDidChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #scan(account: Account): Promise<void> {
    let scan = this.#scans.get(account.id);
    if (!scan) {
      scan = this.#readAccount(account);
      this.#scans.set(account.id, scan);
    }
    return scan;
  }

  async #readAccount(account: Account): Promise<void> {
    const signal = this.#abort.signal;
    const progress = { users: 0, read: 0 };
    this.#running += 1;
    this.#problems.delete(account.id);
    this.#progress.set(account.id, progress);
    this.#notify();
    try {
      await this.browser.users(account, signal);
      await this.#turn();
      if (signal.aborted) return;
      const users = await this.browser.everyUser(account, signal, () => this.#turn());
      if (signal.aborted) return;
      progress.users = users.length;
      this.#notify();
      await Promise.all(
        users.map((user) =>
          this.#queue(async () => {
            await this.#turn();
            if (signal.aborted) return;
            try {
              await this.browser.keys(account, user, signal);
            } catch (error) {
              this.#problem(`${account.id}|${user.id}`, `${account.label} / ${user.name}`, error, signal);
            } finally {
              if (!signal.aborted) progress.read += 1;
            }
          }),
        ),
      );
    } catch (error) {
      this.#problem(account.id, account.label, error, signal);
    } finally {
      this.#running -= 1;
      this.#notify();
    }
  }

  /** Resolves when a background call may start: the window has settled and the tree runs no load. */
  async #turn(): Promise<void> {
    await this.options.settled;
    await this.browser.foreground.idle();
  }

  #problem(id: string, what: string, error: unknown, signal: AbortSignal): void {
    if (signal.aborted || (isCloudError(error) && error.code === 'cancelled')) return;
    this.#problems.set(id, `${what}: ${describeError(error, { requestId: false })}`);
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
