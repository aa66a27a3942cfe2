// The browser side of the Cloud Keys forms: it renders with @vscode-elements/elements and talks to
// the host only through the typed protocol.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { HostToWebviewSchema, type WebviewToHost } from '../src/webview/protocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = HostToWebviewSchema.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  switch (message.type) {
    case 'init':
      document.title = message.title;
      break;
  }
});

vscode.postMessage({ type: 'ready' });
