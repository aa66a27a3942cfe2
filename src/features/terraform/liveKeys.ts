import * as vscode from 'vscode';
import { describeError, isCloudError } from '../../model/cloudError';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import type { AccountBrowser } from '../../operations/accountBrowser';
import type { AccountRegistry } from '../../operations/accountRegistry';
import { forCloud, type KeyHealthPolicy } from '../../operations/keyHealth';
import type { SecretStore } from '../../secrets/secretStore';
import { CLOUD_NAMES } from '../../views/cloudNames';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { describeLiveKey, matchKey, type KeyLookup } from '../../terraform/keyLookup';
import { KEY_RESOURCES } from '../../terraform/resourceTypes';

/** What Cloud Keys knows of the key a Terraform resource manages. */
export type LiveStatus =
  | {
      readonly kind: 'found';
      readonly text: string;
      readonly flagged: boolean;
      readonly node: KeyNode;
      readonly candidates: readonly AccessKey[];
    }
  | {
      readonly kind: 'missing' | 'not-created' | 'ambiguous';
      readonly text: string;
      readonly account: Account;
      readonly user: CloudUser;
      readonly candidates: readonly AccessKey[];
    }
  | { readonly kind: 'unknown'; readonly text: string };

function identity(lookup: KeyLookup): string {
  return JSON.stringify([lookup.type, lookup.userId, lookup.importedKeyId, lookup.match?.by, lookup.match?.value, lookup.unresolved]);
}

/**
 * Resolves key resources to live keys through the registry and the tree's browser (whose caches it
 * shares), remembering each answer until the tree reloads. Reads only the keys of users the
 * account's loaded user list holds, so typing a user id does not send a request per keystroke.
 */
export class LiveKeys implements vscode.Disposable {
  readonly #statuses = new Map<string, Promise<LiveStatus>>();
  readonly #onDidChange = new vscode.EventEmitter<void>();
  /** Fires when remembered answers were dropped (the tree reloaded). */
  readonly onDidChange = this.#onDidChange.event;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly browser: AccountBrowser,
    private readonly secrets: SecretStore,
    /** The tree's key-age policy (`cloudKeys.keys.*`), read when a state is looked up. */
    private readonly policy: () => KeyHealthPolicy,
  ) {}

  /** The remembered answer for a lookup, without starting one. */
  peek(lookup: KeyLookup): Promise<LiveStatus> | undefined {
    return this.#statuses.get(identity(lookup));
  }

  status(lookup: KeyLookup): Promise<LiveStatus> {
    const id = identity(lookup);
    let status = this.#statuses.get(id);
    if (!status) {
      // A failure is remembered too, until the tree reloads: no retry per keystroke.
      status = this.#resolve(lookup).catch((error: unknown): LiveStatus => {
        const message = describeError(error, { requestId: false });
        return { kind: 'unknown', text: vscode.l10n.t('could not read the keys: {0}', message) };
      });
      this.#statuses.set(id, status);
    }
    return status;
  }

  /** Forgets every answer (the tree reloaded, a key changed). */
  clear(): void {
    if (this.#statuses.size === 0) return;
    this.#statuses.clear();
    this.#onDidChange.fire();
  }

  async #resolve(lookup: KeyLookup): Promise<LiveStatus> {
    if (lookup.unresolved !== undefined || lookup.userId === undefined) {
      return { kind: 'unknown', text: vscode.l10n.t('live state unknown: {0}', lookup.unresolved ?? 'no user') };
    }
    const accounts = (await this.registry.list()).accounts.filter((a) => a.cloud === lookup.cloud);
    if (accounts.length === 0) return { kind: 'unknown', text: vscode.l10n.t('no {0} account in Cloud Keys', CLOUD_NAMES[lookup.cloud]) };
    for (const account of accounts) {
      const view = await this.browser.users(account);
      let user = this.browser.loadedUser(account, lookup.userId);
      // With more pages not loaded yet, the user may be on one of them: ask for the keys directly.
      if (!user && view.hasMore) user = { id: lookup.userId, accountId: account.id, name: lookup.userId, isCaller: false };
      if (!user) continue;
      let keys: readonly AccessKey[];
      try {
        keys = await this.browser.keys(account, user);
      } catch (error) {
        if (isCloudError(error) && error.code === 'not-found') continue;
        throw error;
      }
      const match = matchKey(lookup, keys);
      const candidates = keys.filter((k) => k.kind === KEY_RESOURCES[lookup.type].kind);
      switch (match.kind) {
        case 'found': {
          const node: KeyNode = { kind: 'key', account, user, key: match.key, secretStored: await this.secrets.hasKeySecret(match.key) };
          const line = describeLiveKey(match.key, forCloud(this.policy(), account.cloud), Date.now());
          return { kind: 'found', text: line.text, flagged: line.flagged, node, candidates };
        }
        case 'missing':
          return { kind: 'missing', text: vscode.l10n.t('not found in {0}', account.label), account, user, candidates };
        case 'not-created':
          return { kind: 'not-created', text: vscode.l10n.t('not yet created'), account, user, candidates };
        case 'ambiguous':
          return {
            kind: 'ambiguous',
            text: vscode.l10n.t(
              '{0} keys of {1} in {2}: add an import block to pick one',
              match.candidates.length,
              user.name,
              account.label,
            ),
            account,
            user,
            candidates: match.candidates,
          };
      }
    }
    const labels = accounts.map((a) => a.label).join(', ');
    return { kind: 'unknown', text: vscode.l10n.t('not found in {0}: no user {1}', labels, lookup.userId) };
  }

  dispose(): void {
    this.#onDidChange.dispose();
  }
}
