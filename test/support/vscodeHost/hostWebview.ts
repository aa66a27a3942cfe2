/**
 * A webview panel of the host double: it keeps the HTML it was given and every message posted to
 * the page, and lets a test speak for the page (`fromPage`) and for the user (`hide`, `show`,
 * `close`). Implements the real interfaces, so the compiler catches drift.
 */
import type * as vscode from 'vscode';
import { HostEventEmitter } from './hostEvents';
import { HostUri } from './hostTree';

export class HostWebview implements vscode.Webview {
  html = '';
  readonly posted: unknown[] = [];
  readonly cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
  readonly #received = new HostEventEmitter<unknown>();
  readonly onDidReceiveMessage = this.#received.event;

  constructor(public options: vscode.WebviewOptions) {}

  async postMessage(message: unknown): Promise<boolean> {
    this.posted.push(message);
    return true;
  }

  asWebviewUri(localResource: vscode.Uri): vscode.Uri {
    return HostUri.from({ scheme: 'https', authority: 'file+.vscode-resource.vscode-cdn.net', path: localResource.path });
  }

  /** The page sends `message` (whatever it is: the page is not trusted). */
  fromPage(message: unknown): void {
    this.#received.fire(message);
  }

  /** How many listeners the page's messages reach. */
  get listeners(): number {
    return this.#received.listenerCount;
  }
}

export class HostWebviewPanel implements vscode.WebviewPanel {
  iconPath?: vscode.Uri | { readonly light: vscode.Uri; readonly dark: vscode.Uri };
  readonly webview: HostWebview;
  readonly options: vscode.WebviewPanelOptions;
  visible = true;
  active = true;
  disposed = false;
  reveals = 0;
  readonly #viewState = new HostEventEmitter<vscode.WebviewPanelOnDidChangeViewStateEvent>();
  readonly onDidChangeViewState = this.#viewState.event;
  readonly #disposed = new HostEventEmitter<void>();
  readonly onDidDispose = this.#disposed.event;

  constructor(
    readonly viewType: string,
    public title: string,
    readonly viewColumn: vscode.ViewColumn | undefined,
    options: vscode.WebviewPanelOptions & vscode.WebviewOptions,
  ) {
    this.options = options;
    this.webview = new HostWebview(options);
  }

  reveal(): void {
    this.reveals += 1;
    this.show();
  }

  /** The user switched to another tab: VS Code destroys a page that is not retained. */
  hide(): void {
    this.visible = false;
    this.#viewState.fire({ webviewPanel: this });
  }

  show(): void {
    if (this.visible) return;
    this.visible = true;
    this.#viewState.fire({ webviewPanel: this });
  }

  /** The user closed the tab. */
  close(): void {
    this.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.#disposed.fire();
  }
}
