import * as vscode from 'vscode';
import { withCancellableProgress } from '../../../commands/progress';
import { loadTableExport } from '../../../services/lazyToolModules';
import type { KeyHealthPolicy } from '../../../operations/keyHealth';
import { handleKeyAction, type FormsServices } from '../keyActions';
import type { PanelController, PanelHost } from '../../../webview/panelHost';
import type { HostToWebview, KeyAddress, TableView, WebviewToHost } from '../../../webview/protocol';
import { collectRows } from '../../../operations/collectKeys';
import { toKeyRow } from '../../../webview/shared/keyView';
import { applyTableView } from '../../../webview/shared/tableView';

type OverviewData = Extract<HostToWebview, { type: 'overview/data' }>;

/** The Key Age Overview: loads every visible account's keys with progress and cancel, then the page charts and tables them. */
export class OverviewController implements PanelController {
  #data: OverviewData | undefined;
  #loading: Promise<void> | undefined;
  #abort: AbortController | undefined;

  constructor(
    private readonly host: PanelHost,
    private readonly s: FormsServices,
    private readonly policy: () => KeyHealthPolicy,
    private readonly openDetails: (ref: KeyAddress) => unknown,
  ) {}

  async onReady(): Promise<void> {
    if (this.#data) this.host.post(this.#data);
    if (!this.#data && !this.#loading) this.#loading = this.#load().finally(() => (this.#loading = undefined));
    else if (this.#loading) this.host.post({ type: 'busy', label: vscode.l10n.t('Loading keys…'), cancellable: true });
  }

  async onMessage(message: WebviewToHost): Promise<void> {
    if (await handleKeyAction(message, this.s, this.host, this.openDetails)) return;
    switch (message.type) {
      case 'cancel':
        this.#abort?.abort();
        return;
      case 'overview/reload':
        if (this.#loading) return;
        for (const account of (await this.s.registry.list()).accounts) this.s.tree.refresh(this.s.tree.accountNode(account));
        this.#loading = this.#load().finally(() => (this.#loading = undefined));
        return;
      case 'overview/export':
        return this.#export(message.format, message.view);
      default:
        this.s.logger.warn(`The Key Age Overview ignored a ${message.type} message`);
    }
  }

  async #load(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.host.post({ type: 'busy', label: vscode.l10n.t('Loading keys…'), cancellable: true });
    try {
      const { accounts } = await this.s.registry.list();
      const policy = this.policy();
      const result = await withCancellableProgress(vscode.l10n.t('Loading the keys of {0} accounts…', accounts.length), (signal) => {
        const both = AbortSignal.any([signal, abort.signal]);
        const now = Date.now();
        return collectRows(
          accounts,
          this.s.browser,
          (account, user, key) => toKeyRow(account, user, key, policy, now),
          (done, total, label) => {
            this.host.post({ type: 'overview/progress', done, total, label });
          },
          both,
        );
      });
      for (const problem of result.problems) this.s.logger.warn(`Key Age Overview: ${problem}`);
      this.#data = { type: 'overview/data', rows: result.rows, policy, problems: result.problems, cancelled: result.cancelled };
      this.host.post(this.#data);
    } catch (error) {
      this.host.fail('Loading the Key Age Overview', error);
    } finally {
      this.#abort = undefined;
      this.host.post({ type: 'idle' });
    }
  }

  async #export(format: 'csv' | 'markdown', view: TableView): Promise<void> {
    if (!this.#data) return;
    const rows = applyTableView(this.#data.rows, view);
    const date = new Date().toISOString().slice(0, 10);
    const { markdownHeading, toCsv, toMarkdown } = loadTableExport();
    const text = format === 'csv' ? toCsv(rows) : toMarkdown(rows, markdownHeading(this.#data.policy, rows.length));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `cloud-key-ages-${date}.${format === 'csv' ? 'csv' : 'md'}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { Markdown: ['md'] },
      title: vscode.l10n.t('Export the key table'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    this.host.post({ type: 'notice', message: vscode.l10n.t('Exported {0} keys to {1}.', rows.length, target.fsPath) });
  }

  dispose(): void {
    this.#abort?.abort();
  }
}
