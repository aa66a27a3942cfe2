import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPanelHtml, contentSecurityPolicy, createNonce } from '../../../src/webview/html';

const page = {
  panel: 'create-key' as const,
  title: 'Create Key <for "you">',
  // What code-server gives: more than one source, one of them quoted.
  cspSource: "'self' https://*.vscode-cdn.net",
  nonce: createNonce(),
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.css',
};

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(match, 'no CSP meta tag');
  return match[1].replace(/&#39;/g, "'");
}

describe('the panel HTML and its Content-Security-Policy', () => {
  it("allows nothing by default and scripts only by this load's nonce", () => {
    const csp = cspOf(buildPanelHtml(page));
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${page.nonce}'`]);
    assert.deepEqual(directives.get('style-src'), page.cspSource.split(' '));
    assert.deepEqual(directives.get('font-src'), page.cspSource.split(' '));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|'unsafe-hashes'| \*( |;|$)/);
  });

  it('has exactly one script, external and carrying the nonce, and no inline style or handler', () => {
    const html = buildPanelHtml(page);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], new RegExp(`nonce="${page.nonce.replace(/[+/]/g, '\\$&')}"`));
    assert.match(scripts[0][1], /src="https:\/\/file\+\.vscode-resource[^"]+main\.js"/);
    assert.equal(scripts[0][2], '', 'the script tag has an inline body');
    assert.doesNotMatch(html, /<style|style=|\son[a-z]+=/i);
  });

  it('puts the CSP before anything that loads', () => {
    const html = buildPanelHtml(page);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
  });

  it('escapes the title and names the panel for the script', () => {
    const html = buildPanelHtml(page);
    assert.match(html, /<title>Create Key &lt;for &quot;you&quot;&gt;<\/title>/);
    assert.match(html, /<body data-panel="create-key">/);
  });

  it('refuses sources or nonces that could widen the policy', () => {
    assert.throws(() => buildPanelHtml({ ...page, cspSource: "https://a 'unsafe-inline'" }), /unsafe characters/);
    assert.throws(() => buildPanelHtml({ ...page, cspSource: 'https://a; script-src *' }), /unsafe characters/);
    assert.throws(() => buildPanelHtml({ ...page, scriptUri: 'x" onload="alert(1)' }), /unsafe characters/);
    assert.throws(() => buildPanelHtml({ ...page, nonce: "abc'; script-src *" }), /nonce/);
  });

  it('draws a new 128-bit nonce for every load', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  it('keeps the nonce out of every other directive', () => {
    const csp = contentSecurityPolicy('vscode-resource:', 'AAAAAAAAAAAAAAAAAAAAAA==');
    assert.equal(csp.match(/nonce-/g)?.length, 1);
  });
});
