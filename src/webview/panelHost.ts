import * as vscode from 'vscode';
import { describeError } from '../model/cloudError';
import type { Logger } from '../util/logger';
import { buildPanelHtml, createNonce } from './html';
import { HostToWebviewSchema, WebviewToHostSchema, type HostToWebview, type PanelKind, type WebviewToHost } from './protocol';

/** What a panel does with its page: fill it on every `ready`, answer its messages. */
export interface PanelController extends vscode.Disposable {
  /** The page (re)loaded: send everything it shows, but never a secret. Runs on first load and each time a hidden panel is shown. */
  onReady(): void | Promise<void>;
  onMessage(message: WebviewToHost): void | Promise<void>;
}

export interface PanelOptions {
  readonly viewType: string;
  readonly panel: PanelKind;
  readonly title: string;
  readonly extensionUri: vscode.Uri;
  readonly logger: Logger;
  readonly column?: vscode.ViewColumn;
}

/** The folders a page may load from: the built webview bundle and `media/`. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** The panels open in this window, for the integration suite's test API (CLOUD_KEYS_TEST_API=1). */
const openHosts = new Set<PanelHost>();

export function openPanels(): readonly PanelHost[] {
  return [...openHosts];
}

/**
 * One webview panel: its HTML with a fresh nonce per load, the ready handshake, validation of every
 * message in both directions, and the rule that secrets do not outlive a hidden page. The page is
 * not kept alive while hidden (no `retainContextWhenHidden`), so hiding it destroys whatever it
 * showed; when shown again it says `ready` and the controller sends its state anew, without secrets.
 */
export class PanelHost implements vscode.Disposable {
  readonly #panel: vscode.WebviewPanel;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.#onDidDispose.event;
  readonly #onDidPost = new vscode.EventEmitter<HostToWebview>();
  /** Every message the controller posts to the page (checked, before it waits for `ready`). */
  readonly onDidPost = this.#onDidPost.event;
  #controller: PanelController | undefined;
  #ready = false;
  #queue: HostToWebview[] = [];
  #disposed = false;

  constructor(private readonly options: PanelOptions) {
    this.#panel = vscode.window.createWebviewPanel(options.viewType, options.title, options.column ?? vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: localResourceRoots(options.extensionUri),
    });
    this.#panel.iconPath = vscode.Uri.joinPath(options.extensionUri, 'media', 'activity-bar.svg');
    openHosts.add(this);
    this.#disposables.push(
      this.#onDidDispose,
      this.#onDidPost,
      this.#panel.webview.onDidReceiveMessage((raw: unknown) => this.#receive(raw)),
      this.#panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.#hidden();
      }),
      this.#panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Connects the controller and loads the page; the controller hears `ready` when the script runs. */
  start(controller: PanelController): void {
    this.#controller = controller;
    this.#render();
  }

  get webviewPanel(): vscode.WebviewPanel {
    return this.#panel;
  }

  get kind(): PanelKind {
    return this.options.panel;
  }

  get visible(): boolean {
    return this.#panel.visible;
  }

  set title(title: string) {
    this.#panel.title = title;
  }

  reveal(): void {
    this.#panel.reveal();
  }

  /** Sends a message once the page is ready; messages before that wait in order. */
  post(message: HostToWebview): void {
    if (this.#disposed) return;
    const checked = HostToWebviewSchema.safeParse(message);
    if (!checked.success) {
      this.options.logger.error(
        `Not sending an invalid ${message.type} message to the ${this.options.panel} page: ${checked.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
      return;
    }
    this.#onDidPost.fire(checked.data);
    if (!this.#ready) {
      // A secret is sent only in answer to a click on a page that is showing; it never waits.
      if (message.type !== 'secret') this.#queue.push(checked.data);
      return;
    }
    void this.#panel.webview.postMessage(checked.data);
  }

  /** Shows a failure on the page and in the log. */
  fail(what: string, error: unknown, field?: Extract<HostToWebview, { type: 'error' }>['field']): void {
    const message = describeError(error);
    this.options.logger.error(`${what}: ${message}`);
    this.post({ type: 'error', message, ...(field ? { field } : {}) });
  }

  #render(): void {
    const webview = this.#panel.webview;
    const asset = (file: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.options.extensionUri, 'dist', 'webview', file)).toString();
    this.#ready = false;
    webview.html = buildPanelHtml({
      panel: this.options.panel,
      title: this.options.title,
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('main.js'),
      styleUri: asset('main.css'),
      language: vscode.env.language,
    });
  }

  #hidden(): void {
    // The page is destroyed while hidden: whatever it showed, secrets included, is gone. Nothing may
    // be posted to it until it says ready again.
    this.#ready = false;
    this.#queue = [];
  }

  /** Handles a message as if the page had sent it, with the same checks (the integration suite speaks for the page). */
  receive(raw: unknown): Promise<void> {
    return this.#receive(raw);
  }

  async #receive(raw: unknown): Promise<void> {
    const parsed = WebviewToHostSchema.safeParse(raw);
    if (!parsed.success) {
      const type =
        typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type).slice(0, 60) : typeof raw;
      this.options.logger.warn(
        `Dropped an invalid message (${type}) from the ${this.options.panel} page: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.code}`).join('; ')}`,
      );
      return;
    }
    const message = parsed.data;
    const controller = this.#controller;
    if (!controller) return;
    try {
      if (message.type === 'ready') {
        this.#ready = true;
        const waiting = this.#queue;
        this.#queue = [];
        await controller.onReady();
        for (const queued of waiting) this.post(queued);
        return;
      }
      if (message.type === 'csp-violation') {
        this.options.logger.warn(
          `The ${this.options.panel} page's Content-Security-Policy refused ${message.blocked} (${message.directive})`,
        );
        return;
      }
      if (message.type === 'page-dropped') {
        this.options.logger.warn(`The ${this.options.panel} page dropped an invalid message (${message.messageType})`);
        return;
      }
      await controller.onMessage(message);
    } catch (error) {
      this.fail(`The ${this.options.panel} panel could not handle ${message.type}`, error);
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    openHosts.delete(this);
    this.#onDidDispose.fire();
    this.#controller?.dispose();
    this.#panel.dispose();
    for (const d of this.#disposables.splice(0)) d.dispose();
  }
}
