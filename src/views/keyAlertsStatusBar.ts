import * as vscode from 'vscode';
import { settings } from '../config/settings';
import type { AccountBrowser } from '../operations/accountBrowser';
import type { AccountRegistry } from '../operations/accountRegistry';
import { summarizeAlerts, type AlertSummary } from '../operations/keyAlerts';
import { forCloud } from '../operations/keyHealth';

/**
 * A status-bar item counting the keys that are overdue (older than the maximum age, or expired) or
 * expiring, across the visible accounts. It counts only keys the tree has already loaded: it never
 * calls a cloud by itself, so it costs nothing and cannot trip rate limits.
 */
export class KeyAlertsStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('cloudKeys.keyAlerts', vscode.StatusBarAlignment.Left, 10);
  readonly #stop: () => void;
  #summary: AlertSummary = { overdue: 0, expiring: 0, alerts: [] };

  constructor(
    private readonly registry: AccountRegistry,
    private readonly browser: AccountBrowser,
    command: string,
  ) {
    this.#item.name = vscode.l10n.t('Cloud Keys: key age');
    this.#item.command = command;
    this.#stop = browser.onDidLoadKeys(() => void this.update());
  }

  summary(): AlertSummary {
    return this.#summary;
  }

  text(): string {
    return this.#item.text;
  }

  async update(): Promise<AlertSummary> {
    const { accounts } = await this.registry.list();
    const visible = new Map(accounts.map((a) => [a.id, a]));
    const loaded = this.browser
      .loadedKeys()
      .flatMap(({ accountId, keys }) => {
        const account = visible.get(accountId);
        return account ? [{ cloud: account.cloud, accountLabel: account.label, keys }] : [];
      });
    const policy = settings.keyHealth();
    this.#summary = summarizeAlerts(loaded, (cloud) => forCloud(policy, cloud), Date.now());
    const { overdue, expiring } = this.#summary;
    if (overdue + expiring === 0) {
      this.#item.hide();
      this.#item.text = '';
      return this.#summary;
    }
    this.#item.text = `$(key) ${vscode.l10n.t('{0} overdue · {1} expiring', overdue, expiring)}`;
    this.#item.tooltip = vscode.l10n.t('Cloud Keys: {0} key(s) older than the maximum age or expired, {1} expiring soon, among the keys loaded in the tree. Click for the list.', overdue, expiring);
    this.#item.backgroundColor = overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.#item.show();
    return this.#summary;
  }

  dispose(): void {
    this.#stop();
    this.#item.dispose();
  }
}
