import * as vscode from 'vscode';
import { settings } from '../../config/settings';
import type { AccountBrowser } from '../../operations/accountBrowser';
import type { AccountRegistry } from '../../operations/accountRegistry';
import { summarizeAlerts, type AlertSummary } from '../../operations/keyAlerts';
import { forCloud } from '../../operations/keyHealth';
import type { KeyInventory } from '../../operations/keyInventory';

/** Updates that arrive closer together than this are shown once (a 2,000-user count loads keys in bursts). */
const COALESCE_MS = 250;

/**
 * A status-bar item counting the keys that are overdue (older than the maximum age, or expired) or
 * expiring, across every key of every account: the key inventory reads them in the background into
 * the cache the tree shares, and the item counts that cache.
 */
export class KeyAlertsStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('cloudKeys.keyAlerts', vscode.StatusBarAlignment.Left, 10);
  readonly #stops: (() => void)[];
  #summary: AlertSummary = { overdue: 0, expiring: 0, alerts: [] };
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly browser: AccountBrowser,
    private readonly inventory: KeyInventory,
    command: string,
  ) {
    this.#item.name = vscode.l10n.t('Cloud Keys: key age');
    this.#item.command = command;
    this.#stops = [browser.onDidLoadKeys(() => this.schedule()), inventory.onDidChange(() => this.schedule())];
  }

  summary(): AlertSummary {
    return this.#summary;
  }

  text(): string {
    return this.#item.text;
  }

  /** Updates soon, once for a burst of changes. */
  schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.update();
    }, COALESCE_MS);
  }

  async update(): Promise<AlertSummary> {
    const { accounts } = await this.registry.list();
    const visible = new Map(accounts.map((a) => [a.id, a]));
    const loaded = this.browser.loadedKeys().flatMap(({ accountId, user, keys }) => {
      const account = visible.get(accountId);
      return account ? [{ cloud: account.cloud, accountLabel: account.label, userName: user.name, keys }] : [];
    });
    const policy = settings.keyHealth();
    this.#summary = summarizeAlerts(loaded, (cloud) => forCloud(policy, cloud), Date.now());
    const { overdue, expiring } = this.#summary;
    const state = this.inventory.state();
    if (overdue + expiring === 0) {
      this.#item.hide();
      this.#item.text = '';
      return this.#summary;
    }
    const keys = loaded.reduce((n, group) => n + group.keys.length, 0);
    this.#item.text = `${state.running ? '$(sync~spin)' : '$(key)'} ${vscode.l10n.t('{0} overdue · {1} expiring', overdue, expiring)}`;
    const lines = [
      vscode.l10n.t(
        'Cloud Keys: {0} key(s) older than the maximum age or expired, {1} expiring soon, among {2} key(s) of {3} account(s). Click for the list.',
        overdue,
        expiring,
        keys,
        accounts.length,
      ),
      state.running
        ? vscode.l10n.t('Still counting: the keys of {0} of {1} user(s) read so far.', state.usersRead, state.usersTotal)
        : undefined,
      state.cancelled
        ? vscode.l10n.t('Counting was stopped: only the keys read before that are counted. Refresh to count them all.')
        : undefined,
      state.problems.length > 0 ? vscode.l10n.t('Not counted (could not be read): {0}', state.problems.join('; ')) : undefined,
    ];
    this.#item.tooltip = lines.filter(Boolean).join('\n');
    this.#item.backgroundColor = overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.#item.show();
    return this.#summary;
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const stop of this.#stops) stop();
    this.#item.dispose();
  }
}
