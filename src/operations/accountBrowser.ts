import type { CloudProvider } from '../clouds/provider';
import { CloudError } from '../model/cloudError';
import type { AccessKey, Account, CloudUser } from '../model/types';
import { ForegroundLoads } from '../util/foregroundLoads';
import type { Limiter } from '../util/limiter';
import { memo } from '../util/memo';
import { untilAborted } from '../util/untilAborted';

interface UserListing {
  caller?: CloudUser;
  /** Why no user is marked "you", when the cloud cannot say who the caller is. */
  callerUnknown?: string;
  others: CloudUser[];
  next?: string;
  /** True once the first page has been read. */
  started: boolean;
}

export interface UsersView {
  /** The caller first, then the other users by name; narrowed by the account's filter. */
  readonly users: readonly CloudUser[];
  readonly hasMore: boolean;
  readonly filter?: string;
  /** Users loaded in all, before the filter. */
  readonly loaded: number;
  /** Set when the cloud cannot say which user the credentials belong to: why no user is marked "you". */
  readonly callerUnknown?: string;
}

/** One collator for every sort: `localeCompare` with options builds one per comparison (~10 ms per page of 100 users). */
const nameCollator = memo(() => new Intl.Collator(undefined, { sensitivity: 'base' }));

function byName(a: CloudUser, b: CloudUser): number {
  return nameCollator().compare(a.name, b.name);
}

function matchesFilter(user: CloudUser, filter: string | undefined): boolean {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return user.name.toLowerCase().includes(needle) || (user.email ?? '').toLowerCase().includes(needle);
}

/**
 * What the tree shows of each account, loaded lazily and cached: users page by page, keys of a user
 * when that user is expanded or when the key inventory counts them, through one limiter shared by
 * every account.
 */
/** A first page being read, and the signal of whoever started the read. */
interface FirstPageRead {
  readonly read: Promise<UserListing>;
  readonly signal?: AbortSignal;
}

export class AccountBrowser {
  readonly #users = new Map<string, UserListing>();
  /** First pages being read, by account id, shared by whoever asks meanwhile. */
  readonly #firstPages = new Map<string, FirstPageRead>();
  readonly #keys = new Map<string, { readonly user: CloudUser; readonly keys: AccessKey[] }>();
  /** Every user of an account, every page read (for counting keys), apart from the tree's paging. */
  readonly #everyUser = new Map<string, Promise<readonly CloudUser[]>>();
  readonly #filters = new Map<string, string>();
  readonly #keyListeners = new Set<() => void>();
  /** The tree's loads, which background reads (`everyUser`'s later pages, the key count) let go first. */
  readonly foreground = new ForegroundLoads();

  constructor(
    private readonly provider: (account: Account) => CloudProvider,
    private readonly limit: Limiter,
  ) {}

  async users(account: Account, signal?: AbortSignal): Promise<UsersView> {
    const listing = this.#users.get(account.id);
    return this.#view(account.id, listing?.started ? listing : await this.#firstPage(account, signal));
  }

  /**
   * The caller and the first page of users. A read already under way for the account (the key
   * count starts one for every account as soon as the tree shows them) is joined rather than sent
   * again, so a click on an account right after the tree appeared waits for that read only. If that
   * read was cancelled by whoever started it (its signal), this caller reads the page itself; any
   * other failure, a refused passphrase prompt included, is this caller's too (asking again would
   * show the prompt once more for every caller that joined).
   */
  async #firstPage(account: Account, signal?: AbortSignal): Promise<UserListing> {
    const pending = this.#firstPages.get(account.id);
    if (pending) {
      try {
        return await untilAborted(pending.read, signal, () => new CloudError('cancelled', 'The operation was cancelled.'));
      } catch (error) {
        if (signal?.aborted || !pending.signal?.aborted) throw error;
        if (this.#firstPages.get(account.id) === pending) this.#firstPages.delete(account.id);
        return this.#firstPage(account, signal);
      }
    }
    const read = this.#readFirstPage(account, signal);
    const entry: FirstPageRead = signal ? { read, signal } : { read };
    this.#firstPages.set(account.id, entry);
    try {
      const listing = await read;
      // Dropped meanwhile (refresh): the callers get what was read, the cache stays empty.
      if (this.#firstPages.get(account.id) === entry) this.#users.set(account.id, listing);
      return listing;
    } finally {
      if (this.#firstPages.get(account.id) === entry) this.#firstPages.delete(account.id);
    }
  }

  async #readFirstPage(account: Account, signal?: AbortSignal): Promise<UserListing> {
    const provider = this.provider(account);
    const [caller, page] = await Promise.all([
      this.limit(() => provider.whoAmI(signal)),
      this.limit(() => provider.listUsers(undefined, signal)),
    ]);
    // A caller the cloud cannot name has no keys of its own to show.
    const listing: UserListing = caller.placeholder
      ? {
          others: [],
          started: true,
          callerUnknown: caller.note ?? `${account.label} cannot say which user its credentials belong to, so no user is marked "you".`,
        }
      : { caller: { ...caller, isCaller: true }, others: [], started: true };
    this.#addPage(listing, page.items, page.next);
    return listing;
  }

  /** Reads the next page of users of an account whose first page is loaded. */
  async loadMore(account: Account, signal?: AbortSignal): Promise<UsersView> {
    const listing = this.#users.get(account.id);
    if (!listing?.started) return this.users(account, signal);
    if (listing.next !== undefined) {
      const cursor = listing.next;
      const page = await this.limit(() => this.provider(account).listUsers(cursor, signal));
      this.#addPage(listing, page.items, page.next);
    }
    return this.#view(account.id, listing);
  }

  async keys(account: Account, user: CloudUser, signal?: AbortSignal): Promise<readonly AccessKey[]> {
    const cacheKey = `${account.id}|${user.id}`;
    let keys = this.#keys.get(cacheKey)?.keys;
    if (!keys) {
      keys = [...(await this.limit(() => this.provider(account).listKeys(user.id, signal)))];
      keys.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
      this.#keys.set(cacheKey, { user, keys });
      for (const listener of this.#keyListeners) listener();
    }
    return keys;
  }

  /**
   * Every user of an account: the caller and every page of users, read once and cached until the
   * account is invalidated. The tree's own paging ("Load more…") is left as it is. `beforePage`, if
   * given, is awaited before each page after the first (a background read waiting for its turn).
   */
  everyUser(account: Account, signal?: AbortSignal, beforePage?: () => Promise<void>): Promise<readonly CloudUser[]> {
    let users = this.#everyUser.get(account.id);
    if (!users) {
      users = this.#readEveryUser(account, signal, beforePage);
      this.#everyUser.set(account.id, users);
      // A failed or cancelled read is not cached: the next call tries again.
      users.catch(() => this.#everyUser.get(account.id) === users && this.#everyUser.delete(account.id));
    }
    return users;
  }

  async #readEveryUser(account: Account, signal?: AbortSignal, beforePage?: () => Promise<void>): Promise<readonly CloudUser[]> {
    await this.users(account, signal);
    const listing = this.#users.get(account.id);
    if (!listing) return [];
    const all = new Map<string, CloudUser>();
    for (const user of listing.caller ? [listing.caller, ...listing.others] : listing.others) all.set(user.id, user);
    let cursor = listing.next;
    const provider = this.provider(account);
    while (cursor !== undefined) {
      const after = cursor;
      await beforePage?.();
      const page = await this.limit(() => provider.listUsers(after, signal));
      for (const user of page.items) if (!all.has(user.id)) all.set(user.id, user);
      cursor = page.next;
    }
    return [...all.values()];
  }

  /** Every key loaded so far, with its account id and user, without a call. */
  loadedKeys(): { accountId: string; user: CloudUser; keys: readonly AccessKey[] }[] {
    return [...this.#keys.entries()].map(([cacheKey, { user, keys }]) => ({
      accountId: cacheKey.slice(0, cacheKey.lastIndexOf('|')),
      user,
      keys,
    }));
  }

  /** Calls `listener` whenever a user's keys were loaded; returns the function that stops it. */
  onDidLoadKeys(listener: () => void): () => void {
    this.#keyListeners.add(listener);
    return () => this.#keyListeners.delete(listener);
  }

  /** The keys already loaded for a user, without a call; undefined when not loaded. */
  cachedKeys(account: Account, user: CloudUser): readonly AccessKey[] | undefined {
    return this.#keys.get(`${account.id}|${user.id}`)?.keys;
  }

  /** A user among those loaded so far for an account, whatever the filter; undefined when not loaded. */
  loadedUser(account: Account, userId: string): CloudUser | undefined {
    const listing = this.#users.get(account.id);
    if (listing?.caller?.id === userId) return listing.caller;
    return listing?.others.find((u) => u.id === userId) ?? this.#keys.get(`${account.id}|${userId}`)?.user;
  }

  setFilter(account: Account, filter: string | undefined): void {
    if (filter && filter.trim()) this.#filters.set(account.id, filter.trim());
    else this.#filters.delete(account.id);
  }

  filter(account: Account): string | undefined {
    return this.#filters.get(account.id);
  }

  /** Forgets what was loaded for an account, or only one user's keys. */
  invalidate(accountId: string, userId?: string): void {
    if (userId !== undefined) {
      this.#keys.delete(`${accountId}|${userId}`);
      return;
    }
    this.#users.delete(accountId);
    this.#firstPages.delete(accountId);
    this.#everyUser.delete(accountId);
    for (const key of [...this.#keys.keys()]) if (key.startsWith(`${accountId}|`)) this.#keys.delete(key);
  }

  clear(): void {
    this.#users.clear();
    this.#firstPages.clear();
    this.#keys.clear();
    this.#everyUser.clear();
  }

  #addPage(listing: UserListing, items: readonly CloudUser[], next: string | undefined): void {
    const known = new Set([listing.caller?.id, ...listing.others.map((u) => u.id)]);
    for (const user of items) {
      if (known.has(user.id)) continue;
      known.add(user.id);
      listing.others.push(user);
    }
    // Entries that hold other kinds of key than a user's (IONOS: the contract's access keys) come right after the caller.
    listing.others.sort((a, b) => Number(!!b.keyKinds) - Number(!!a.keyKinds) || byName(a, b));
    listing.next = next;
  }

  #view(accountId: string, listing: UserListing): UsersView {
    const filter = this.#filters.get(accountId);
    const all = listing.caller ? [listing.caller, ...listing.others] : listing.others;
    return {
      users: all.filter((u) => matchesFilter(u, filter)),
      hasMore: listing.next !== undefined,
      filter,
      loaded: all.length,
      ...(listing.callerUnknown ? { callerUnknown: listing.callerUnknown } : {}),
    };
  }
}
