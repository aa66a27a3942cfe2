// The page's one channel to the host: typed, and validated on arrival.
import { HostToWebviewSchema, type HostToWebview, type WebviewToHost } from '../../src/webview/protocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewToHost): void {
  api.postMessage(message);
}

/**
 * Calls `handler` with each host message that matches the protocol. Anything else is dropped and
 * reported to the host (by type only) so it reaches the log.
 */
export function onHostMessage(handler: (message: HostToWebview) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = HostToWebviewSchema.safeParse(event.data);
    if (!parsed.success) {
      const data = event.data as { type?: unknown } | null;
      const type = typeof data === 'object' && data !== null && typeof data.type === 'string' ? data.type.slice(0, 60) : typeof data;
      post({ type: 'page-dropped', messageType: type });
      return;
    }
    handler(parsed.data);
  });
}

/** What the page remembers while hidden: form inputs only. Callers must never pass a secret here. */
export function saveFormState(state: Record<string, string>): void {
  api.setState(state);
}

export function loadFormState(): Record<string, string> {
  const state = api.getState();
  if (typeof state !== 'object' || state === null) return {};
  return Object.fromEntries(Object.entries(state).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Reports what the CSP refused, so a blocked resource shows in the log rather than failing silently. */
export function reportCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    post({
      type: 'csp-violation',
      directive: event.effectiveDirective.slice(0, 200),
      blocked: (event.blockedURI || 'inline').slice(0, 200),
    });
  });
}
