import * as vscode from 'vscode';
import type { AccountBrowser } from '../../operations/accountBrowser';
import type { AccountRegistry } from '../../operations/accountRegistry';
import type { SecretStore } from '../../secrets/secretStore';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { accountToken } from './accountTokens';
import { OwnerIndex, type ListedKeys } from '../../leaks/ownerIndex';
import type { LeakOwner } from '../../leaks/types';

/** How long key loads are gathered before the index takes them in. */
const SETTLE_MS = 300;

/**
 * The user's keys for leak detection, from what the account browser already loaded (the tree and
 * the key-age count fill it): never a call of its own. Secrets come from SecretStorage and enter
 * the index as keyed hashes only. Fires `onDidChange` when a key was added or changed state.
 */
export class LeakInventory implements vscode.Disposable {
  #owners: OwnerIndex | undefined;
  #refresh: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  /** Accounts whose API token was looked for (once each). */
  readonly #tokensRead = new Set<string>();
  /** Whether the browser loaded keys since the index last took them in. */
  #stale = true;
  readonly #onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#onDidChange.event;
  readonly #stopListening: () => void;

  constructor(
    private readonly browser: AccountBrowser,
    private readonly registry: AccountRegistry,
    private readonly secrets: SecretStore,
  ) {
    this.#stopListening = browser.onDidLoadKeys(() => {
      this.#stale = true;
      this.#schedule();
    });
  }

  /** The index, up to date with every key loaded so far. */
  async index(): Promise<OwnerIndex> {
    this.#owners ??= new OwnerIndex();
    const run = this.#refresh.then(() => this.#update());
    // A failed read (an account list that cannot be read) leaves the index as it was; the next load tries again.
    this.#refresh = run.catch(() => undefined);
    await run;
    return this.#owners;
  }

  /** The tree node of a finding's key, when its account and user are still loaded. */
  async nodeOf(owner: Pick<LeakOwner, 'accountId' | 'userId' | 'keyId'>): Promise<KeyNode | undefined> {
    const account = await this.registry.find(owner.accountId);
    const user = account && this.browser.loadedUser(account, owner.userId);
    const key = account && user ? this.browser.cachedKeys(account, user)?.find((k) => k.id === owner.keyId) : undefined;
    if (!account || !user || !key) return undefined;
    return { kind: 'key', account, user, key, secretStored: await this.secrets.hasKeySecret(key) };
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const before = this.#owners?.version;
      void this.index().then((owners) => {
        if (owners.version !== before) this.#onDidChange.fire();
      });
    }, SETTLE_MS);
  }

  async #update(): Promise<void> {
    const owners = this.#owners!;
    // Typing checks a document again and again: the index is read again only after a load.
    if (!this.#stale) return;
    const loaded = this.browser.loadedKeys();
    // Nothing loaded yet: no need to list the accounts (which would discover them from a check of a file).
    if (loaded.length === 0) return;
    const accounts = new Map((await this.registry.list()).accounts.map((a) => [a.id, a]));
    this.#stale = false;
    const listings: ListedKeys[] = [];
    for (const { accountId, user, keys } of loaded) {
      const account = accounts.get(accountId);
      if (account && !user.placeholder) listings.push({ account, user, keys });
    }
    await owners.update(listings, (key) => this.secrets.getKeySecret(key));
    for (const account of accounts.values()) {
      if (this.#tokensRead.has(account.id)) continue;
      this.#tokensRead.add(account.id);
      const token = await accountToken(account, this.secrets);
      if (token) owners.addAccountToken(account, token);
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#stopListening();
    this.#onDidChange.dispose();
  }
}
