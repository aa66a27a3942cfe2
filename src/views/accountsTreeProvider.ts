import * as vscode from 'vscode';
import { CloudError, isCloudError } from '../model/cloudError';
import type { KeyCapabilities } from '../model/types';
import type { AccountBrowser } from '../operations/accountBrowser';
import type { AccountRegistry } from '../operations/accountRegistry';
import type { KeyHealthPolicy } from '../operations/keyHealth';
import type { SecretStore } from '../secrets/secretStore';
import type { ListStorage } from '../util/jsonListFile';
import type { Logger } from '../util/logger';
import { readExpanded } from './expansionState';
import { CLOUD_NAMES } from './cloudNames';
import { nodeId, type AccountNode, type KeyNode, type MessageNode, type TreeNode, type UserNode } from './nodes/treeNodes';
import { toTreeItem, type PresentationContext } from './treeItems';

export const ACCOUNTS_VIEW_ID = 'cloudKeys.accounts';

function asCloudError(error: unknown): CloudError {
  if (isCloudError(error)) return error;
  return new CloudError('server', error instanceof Error ? error.message : String(error), { cause: error });
}

/**
 * The Accounts tree: account → users (the caller first, paged) → keys. Loads run in the view's
 * progress bar and can all be cancelled; failures become message nodes with a Retry action.
 */
export class AccountsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  readonly #onDidChangeTreeData = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.#onDidChangeTreeData.event;
  readonly #onDidLoadAccounts = new vscode.EventEmitter<void>();
  /** Fires after the accounts were (re)discovered, e.g. so their config files get watched. */
  readonly onDidLoadAccounts = this.#onDidLoadAccounts.event;
  readonly #onDidRefresh = new vscode.EventEmitter<AccountNode | UserNode | undefined>();
  /** Fires when loaded data is dropped to be read again: everything (undefined), an account, or a user's keys. */
  readonly onDidRefresh = this.#onDidRefresh.event;
  /** Account and user nodes are kept so that a refresh of one of them reaches the object the view knows. */
  readonly #nodes = new Map<string, AccountNode | UserNode>();
  /**
   * Ids of the account and user rows the user expanded. Kept across refreshes, when a parent is
   * collapsed and across window reloads (see expansionState.ts), as the Explorer keeps its
   * folders: a row comes back expanded until the user collapses it.
   */
  readonly #expanded: Set<string>;
  /** Accounts with users left to page in, and accounts whose users are filtered: the `when` clauses of Load More Users and Clear User Filter. */
  readonly #flags = { 'cloudKeys.moreUsers': new Set<string>(), 'cloudKeys.userFilter': new Set<string>() };
  #abort = new AbortController();
  #pending = 0;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly browser: AccountBrowser,
    private readonly secrets: SecretStore,
    private readonly logger: Logger,
    private readonly policy: () => KeyHealthPolicy,
    private readonly extensionUri?: vscode.Uri,
    private readonly expansionState?: ListStorage<string>,
  ) {
    this.#expanded = readExpanded(expansionState);
  }

  /** Follows what the user expands and collapses in `view`, so refreshed rows come back as they were. */
  trackExpansion(view: vscode.TreeView<TreeNode>): vscode.Disposable {
    const set = (node: TreeNode, expanded: boolean) => {
      if (node.kind !== 'account' && node.kind !== 'user') return;
      if (expanded) this.#expanded.add(nodeId(node));
      else this.#expanded.delete(nodeId(node));
      this.expansionState
        ?.write([...this.#expanded])
        .catch((error: unknown) => this.logger.warn('Could not save which rows of the tree are expanded:', error));
    };
    return vscode.Disposable.from(
      view.onDidExpandElement((e) => set(e.element, true)),
      view.onDidCollapseElement((e) => set(e.element, false)),
    );
  }

  isExpanded(node: AccountNode | UserNode): boolean {
    return this.#expanded.has(nodeId(node));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const ctx: PresentationContext = {
      policy: this.policy(),
      now: Date.now(),
      capabilities: (keyNode) => this.capabilities(keyNode),
      usersSummary: (accountNode) => this.#usersSummary(accountNode),
      expanded: (n) => this.isExpanded(n),
      extensionUri: this.extensionUri,
    };
    return toTreeItem(node, ctx);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'key') return this.#nodes.get(nodeId({ kind: 'user', account: node.account, user: node.user }));
    if (node.kind === 'user' || node.kind === 'load-more') return this.#nodes.get(nodeId({ kind: 'account', account: node.account }));
    return undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.#roots();
    if (node.kind === 'account') return this.#track(() => this.#users(node));
    if (node.kind === 'user') return this.#track(() => this.#keys(node));
    return [];
  }

  capabilities(node: KeyNode): KeyCapabilities {
    return this.registry.provider(node.account).capabilities(node.key.kind);
  }

  /** Reloads one account or user, or (without a node) everything, rediscovering accounts. */
  refresh(node?: AccountNode | UserNode): void {
    if (!node) {
      this.#abort.abort();
      this.#abort = new AbortController();
      this.registry.refresh();
      this.browser.clear();
      this.#nodes.clear();
      for (const id of [...this.#flags['cloudKeys.moreUsers']]) this.#flag('cloudKeys.moreUsers', id, false);
      this.#onDidRefresh.fire(undefined);
      this.#onDidChangeTreeData.fire(undefined);
      return;
    }
    this.browser.invalidate(node.account.id, node.kind === 'user' ? node.user.id : undefined);
    this.#onDidRefresh.fire(node);
    this.#onDidChangeTreeData.fire(this.#nodes.get(nodeId(node)) ?? undefined);
  }

  /** Re-renders without reloading (settings such as the age threshold changed). */
  rerender(): void {
    this.#onDidChangeTreeData.fire(undefined);
  }

  /** Re-renders one account's children from what is loaded (a filter changed). */
  rerenderAccount(account: AccountNode['account']): void {
    this.#onDidChangeTreeData.fire(this.#nodes.get(nodeId({ kind: 'account', account })));
  }

  readonly #onDidCancelLoads = new vscode.EventEmitter<void>();
  /** Fires when the user stopped the loads, so background reads (the key count) stop too. */
  readonly onDidCancelLoads = this.#onDidCancelLoads.event;

  /** Aborts every load in flight; the nodes that were loading show a "cancelled" message. */
  cancelLoads(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#onDidCancelLoads.fire();
  }

  async loadMore(account: AccountNode['account']): Promise<void> {
    await this.#track(() => this.browser.loadMore(account, this.#abort.signal));
    this.#onDidChangeTreeData.fire(this.#nodes.get(nodeId({ kind: 'account', account })));
  }

  accountNode(account: AccountNode['account']): AccountNode {
    return this.#intern({ kind: 'account', account });
  }

  userNode(account: AccountNode['account'], user: UserNode['user']): UserNode {
    return this.#intern({ kind: 'user', account, user });
  }

  async #roots(): Promise<TreeNode[]> {
    const { accounts, problems } = await this.registry.list();
    const nodes: TreeNode[] = accounts.map((account) => this.accountNode(account));
    for (const [index, problem] of problems.entries()) {
      nodes.push({
        kind: 'message',
        id: `problem-${index}`,
        severity: 'warning',
        text: `${CLOUD_NAMES[problem.cloud]}: ${problem.source}`,
        detail: problem.message,
      });
    }
    this.#onDidLoadAccounts.fire();
    return nodes;
  }

  async #users(node: AccountNode): Promise<TreeNode[]> {
    try {
      const view = await this.browser.users(node.account, this.#abort.signal);
      this.#flag('cloudKeys.moreUsers', node.account.id, view.hasMore);
      this.#flag('cloudKeys.userFilter', node.account.id, view.filter !== undefined);
      const children: TreeNode[] = view.users.map((user) => this.userNode(node.account, user));
      if (view.callerUnknown) {
        // A note, not a failure: no Retry (which would drop the pages loaded so far).
        children.unshift({
          kind: 'message',
          id: `${nodeId(node)}|caller-unknown`,
          severity: 'info',
          text: vscode.l10n.t('Which user you are is not known'),
          detail: view.callerUnknown,
        });
      }
      if (view.users.length === 0) {
        children.push(
          this.#message(node, 'info', view.filter ? vscode.l10n.t('No user matches "{0}"', view.filter) : vscode.l10n.t('No users')),
        );
      }
      if (view.hasMore) children.push({ kind: 'load-more', account: node.account });
      return children;
    } catch (error) {
      return [this.#failure(node, vscode.l10n.t('Could not list the users of {0}', node.account.label), error)];
    }
  }

  async #keys(node: UserNode): Promise<TreeNode[]> {
    try {
      const keys = await this.browser.keys(node.account, node.user, this.#abort.signal);
      if (keys.length === 0) return [this.#message(node, 'info', vscode.l10n.t('No keys'))];
      const stored = await Promise.all(keys.map((key) => this.secrets.hasKeySecret(key)));
      return keys.map((key, i) => ({ kind: 'key', account: node.account, user: node.user, key, secretStored: stored[i] }));
    } catch (error) {
      return [this.#failure(node, vscode.l10n.t('Could not list the keys of {0}', node.user.name), error)];
    }
  }

  #failure(node: AccountNode | UserNode, what: string, error: unknown): MessageNode {
    const cloudError = asCloudError(error);
    if (cloudError.code === 'cancelled')
      return this.#message(node, 'info', vscode.l10n.t('Loading cancelled: click to retry'), undefined, cloudError);
    this.logger.error(`${what}:`, cloudError.describe());
    return this.#message(node, 'error', `${what}: ${cloudError.message}`, cloudError.describe(), cloudError);
  }

  #message(
    node: AccountNode | UserNode,
    severity: MessageNode['severity'],
    text: string,
    detail?: string,
    error?: CloudError,
  ): MessageNode {
    return { kind: 'message', id: `${nodeId(node)}|${severity}`, severity, text, detail, error, retry: node };
  }

  #usersSummary(node: AccountNode): string | undefined {
    const filter = this.browser.filter(node.account);
    return filter ? vscode.l10n.t('filter: {0}', filter) : undefined;
  }

  #flag(key: 'cloudKeys.moreUsers' | 'cloudKeys.userFilter', accountId: string, on: boolean): void {
    const set = this.#flags[key];
    if (set.has(accountId) === on) return;
    if (on) set.add(accountId);
    else set.delete(accountId);
    void vscode.commands.executeCommand('setContext', key, set.size > 0);
  }

  #intern<T extends AccountNode | UserNode>(node: T): T {
    const id = nodeId(node);
    const known = this.#nodes.get(id) as T | undefined;
    if (known && JSON.stringify(known) === JSON.stringify(node)) return known;
    this.#nodes.set(id, node);
    return node;
  }

  async #track<T>(load: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    if (this.#pending === 1) void vscode.commands.executeCommand('setContext', 'cloudKeys.loading', true);
    try {
      // A foreground load: the key count holds its next calls until it ends.
      return await this.browser.foreground.run(() => vscode.window.withProgress({ location: { viewId: ACCOUNTS_VIEW_ID } }, load));
    } finally {
      this.#pending -= 1;
      if (this.#pending === 0) void vscode.commands.executeCommand('setContext', 'cloudKeys.loading', false);
    }
  }

  dispose(): void {
    this.cancelLoads();
    this.#onDidChangeTreeData.dispose();
    this.#onDidLoadAccounts.dispose();
    this.#onDidRefresh.dispose();
    this.#onDidCancelLoads.dispose();
  }
}
