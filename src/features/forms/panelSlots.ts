import type * as vscode from 'vscode';
import type { PanelKind } from '../../webview/protocol';
import { PanelHost, type PanelController } from '../../webview/panelHost';
import type { Logger } from '../../util/logger';

/**
 * The open panels of one kind, one per key (a form has one key, Key Details one per key): showing a
 * key that is open brings its panel forward and hands its controller to `again`; otherwise a new
 * panel starts with the controller `create` builds. A panel leaves when it closes.
 */
export class PanelSlots<C extends PanelController> implements vscode.Disposable {
  readonly #open = new Map<string, { host: PanelHost; controller: C }>();

  constructor(private readonly options: { viewType: string; panel: PanelKind; extensionUri: vscode.Uri; logger: Logger }) {}

  show(key: string, title: string, create: (host: PanelHost) => C, again: (controller: C) => void): void {
    const open = this.#open.get(key);
    if (open) {
      open.host.reveal();
      again(open.controller);
      return;
    }
    const host = new PanelHost({ ...this.options, title });
    const controller = create(host);
    this.#open.set(key, { host, controller });
    host.onDidDispose(() => this.#open.delete(key));
    host.start(controller);
  }

  dispose(): void {
    for (const { host } of [...this.#open.values()]) host.dispose();
  }
}
