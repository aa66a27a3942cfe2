import { nodeCrypto } from '../util/nodeCrypto';
import type { PanelKind } from './protocol';

/** A fresh script nonce for one page load: 128 bits from the OS's CSPRNG, base64. */
export function createNonce(): string {
  return nodeCrypto().randomBytes(16).toString('base64');
}

export interface PanelPage {
  readonly panel: PanelKind;
  readonly title: string;
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  readonly cspSource: string;
  readonly nonce: string;
  /** `webview.asWebviewUri` of the bundled script and stylesheet. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly language?: string;
}

/** The Content-Security-Policy of every Cloud Keys page: nothing by default, our script by nonce only. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function assertSafeUri(value: string, what: string): void {
  // A URI with a quote, semicolon or whitespace could widen the policy or break out of the tag.
  if (/[\s"';<>]/.test(value)) throw new Error(`refusing ${what} with unsafe characters: ${value}`);
}

/** `webview.cspSource` is one or more sources (`'self' https://*.vscode-cdn.net`); each must be a plain host source or `'self'`. */
function assertSafeCspSource(value: string): void {
  const tokens = value.trim().split(/\s+/);
  if (tokens.length === 0 || !tokens.every((t) => t === "'self'" || /^[^\s"';<>,]+$/.test(t))) {
    throw new Error(`refusing a CSP source with unsafe characters: ${value}`);
  }
}

/**
 * The whole HTML of a panel: a CSP meta tag first, the stylesheet, an empty `<main>` the script
 * fills, and the one script, carrying the nonce. No inline script or style anywhere.
 */
export function buildPanelHtml(page: PanelPage): string {
  assertSafeCspSource(page.cspSource);
  assertSafeUri(page.scriptUri, 'a script URI');
  assertSafeUri(page.styleUri, 'a stylesheet URI');
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(page.nonce)) throw new Error('a nonce must be base64 of at least 16 characters');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.language ?? 'en')}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(page.cspSource, page.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">`,
    `<title>${escapeHtml(page.title)}</title>`,
    '</head>',
    `<body data-panel="${escapeHtml(page.panel)}">`,
    `<main id="app" aria-label="${escapeHtml(page.title)}"></main>`,
    `<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
