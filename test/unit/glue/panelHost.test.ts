/**
 * A form's webview panel as PanelHost runs it: locked-down options and a CSP whose nonce is the
 * script's; nothing posted before the page says `ready`, and no secret kept for a page that is not
 * showing; every message from the page checked (a malformed one is dropped, never handed on); a
 * controller's failure shown on the page; closing the panel disposes everything.
 */
import { host, resetHost } from '../../support/vscodeHost/useHostDouble';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { openPanels, PanelHost, type PanelController } from '../../../src/webview/panelHost';
import type { HostToWebview, WebviewToHost } from '../../../src/webview/protocol';
import { RecordingLogger } from '../../support/testDoubles';
import { HostUri } from '../../support/vscodeHost/hostTree';
import type { HostWebviewPanel } from '../../support/vscodeHost/hostWebview';

/** A controller that records what the page asked, and sends `onReadyPosts` on every `ready`. */
class RecordingController implements PanelController {
  readonly received: WebviewToHost[] = [];
  readies = 0;
  disposed = 0;
  failWith: Error | undefined;

  constructor(
    private readonly panel: () => PanelHost,
    private readonly onReadyPosts: HostToWebview[] = [],
  ) {}

  onReady(): void {
    this.readies += 1;
    for (const message of this.onReadyPosts) this.panel().post(message);
  }

  onMessage(message: WebviewToHost): void {
    if (this.failWith) throw this.failWith;
    this.received.push(message);
  }

  dispose(): void {
    this.disposed += 1;
  }
}

const KEY = { accountId: 'outscale:prod', userId: 'u1', kind: 'access-key', keyId: 'AKOSC0123456789ABCDEF' } as const;

function open(onReadyPosts: HostToWebview[] = []): {
  panelHost: PanelHost;
  panel: HostWebviewPanel;
  controller: RecordingController;
  logger: RecordingLogger;
} {
  const logger = new RecordingLogger();
  const panelHost = new PanelHost({
    viewType: 'cloudKeys.keyDetails',
    panel: 'details',
    title: 'Key AKOSC0123456789ABCDEF',
    extensionUri: HostUri.file('/ext'),
    logger,
  });
  const controller = new RecordingController(() => panelHost, onReadyPosts);
  panelHost.start(controller);
  const panel = host.panels.at(-1)!;
  return { panelHost, panel, controller, logger };
}

/** The nonces of the page: the CSP's `script-src 'nonce-…'` and each script tag's. */
function nonces(html: string): { csp: string | undefined; scripts: (string | undefined)[] } {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  return {
    csp: csp ? /script-src &#39;nonce-([^&]+)&#39;/.exec(csp)?.[1] : undefined,
    scripts: [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => /\bnonce="([^"]+)"/.exec(m[1])?.[1]),
  };
}

describe('PanelHost', () => {
  beforeEach(resetHost);

  it('opens one panel with scripts on, command links and forms off, loading only from the extension’s webview and media folders', () => {
    const { panel } = open();
    assert.equal(host.panels.length, 1);
    assert.equal(panel.viewType, 'cloudKeys.keyDetails');
    assert.equal(panel.title, 'Key AKOSC0123456789ABCDEF');
    assert.equal(panel.webview.options.enableScripts, true);
    assert.equal(panel.webview.options.enableCommandUris, false);
    assert.equal(panel.webview.options.enableForms, false);
    assert.deepEqual(
      panel.webview.options.localResourceRoots?.map((uri) => uri.path),
      ['/ext/dist/webview', '/ext/media'],
    );
    assert.equal(
      (panel.options as { retainContextWhenHidden?: boolean }).retainContextWhenHidden,
      undefined,
      'a hidden page is kept alive',
    );
  });

  it('gives the page a CSP that allows only its own script, by a nonce fresh for each panel', () => {
    const first = open().panel.webview.html;
    const second = open().panel.webview.html;
    const a = nonces(first);
    assert.ok(a.csp && a.csp.length >= 16, `no script nonce in the CSP:\n${first}`);
    assert.deepEqual(a.scripts, [a.csp], 'every script carries the CSP’s nonce');
    assert.match(first, /default-src &#39;none&#39;/);
    assert.match(first, /<script nonce="[^"]+" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/main\.js">/);
    assert.match(first, /<body data-panel="details">/);
    assert.notEqual(nonces(second).csp, a.csp, 'two panels share a nonce');
  });

  it('posts nothing before the page is ready; then the controller’s state, then what waited, in order', async () => {
    const { panelHost, panel, controller } = open([{ type: 'init', title: 'state' }]);
    panelHost.post({ type: 'notice', message: 'first' });
    panelHost.post({ type: 'notice', message: 'second' });
    assert.deepEqual(panel.webview.posted, [], 'posted to a page that had not said ready');
    panel.webview.fromPage({ type: 'ready' });
    await new Promise(setImmediate);
    assert.equal(controller.readies, 1);
    assert.deepEqual(panel.webview.posted, [
      { type: 'init', title: 'state' },
      { type: 'notice', message: 'first' },
      { type: 'notice', message: 'second' },
    ]);
  });

  it('never keeps a secret for a page that is not showing: it is dropped, not queued', async () => {
    const { panelHost, panel } = open();
    panelHost.post({ type: 'secret', keyId: KEY.keyId, value: 'not-a-real-secret' });
    panel.webview.fromPage({ type: 'ready' });
    await new Promise(setImmediate);
    assert.deepEqual(panel.webview.posted, []);
  });

  it('once the page is hidden, waits for it to say ready again and sends its state anew, forgetting what was queued', async () => {
    const { panelHost, panel, controller } = open([{ type: 'idle' }]);
    panel.webview.fromPage({ type: 'ready' });
    await new Promise(setImmediate);
    panel.hide();
    panelHost.post({ type: 'secret', keyId: KEY.keyId, value: 'not-a-real-secret' });
    panelHost.post({ type: 'notice', message: 'while hidden' });
    assert.deepEqual(panel.webview.posted, [{ type: 'idle' }], 'posted to a hidden page');
    panel.show();
    panel.webview.fromPage({ type: 'ready' });
    await new Promise(setImmediate);
    assert.equal(controller.readies, 2);
    assert.deepEqual(panel.webview.posted, [{ type: 'idle' }, { type: 'idle' }, { type: 'notice', message: 'while hidden' }]);
  });

  it('hands a valid message from the page to the controller', async () => {
    const { panel, controller } = open();
    panel.webview.fromPage({ type: 'copy-id', key: KEY });
    await new Promise(setImmediate);
    assert.deepEqual(controller.received, [{ type: 'copy-id', key: KEY }]);
  });

  for (const [what, raw, named] of [
    ['an unknown type', { type: 'delete-everything' }, 'delete-everything'],
    ['a known type with a field missing', { type: 'copy-id' }, 'copy-id'],
    ['a known type with a field of the wrong kind', { type: 'copy-id', key: { ...KEY, kind: 'root-password' } }, 'copy-id'],
    ['a string', 'ready', 'string'],
    ['null', null, 'object'],
  ] as const) {
    it(`drops ${what} from the page with a warning naming it, and the controller never sees it`, async () => {
      const { panel, controller, logger } = open();
      panel.webview.fromPage(raw);
      await new Promise(setImmediate);
      assert.deepEqual(controller.received, []);
      assert.equal(controller.readies, 0);
      assert.ok(
        logger.lines.some((line) => line.startsWith(`warn Dropped an invalid message (${named}) from the details page`)),
        logger.lines.join('\n'),
      );
    });
  }

  it('shows a controller’s failure on the page and in the log, without throwing into VS Code', async () => {
    const { panel, controller, logger } = open();
    panel.webview.fromPage({ type: 'ready' });
    await new Promise(setImmediate);
    controller.failWith = new Error('The key no longer exists.');
    panel.webview.fromPage({ type: 'copy-id', key: KEY });
    await new Promise(setImmediate);
    assert.deepEqual(panel.webview.posted, [{ type: 'error', message: 'The key no longer exists.' }]);
    assert.ok(
      logger.lines.includes('error The details panel could not handle copy-id: The key no longer exists.'),
      logger.lines.join('\n'),
    );
  });

  it('logs what the page’s CSP refused, and does not bother the controller with it', async () => {
    const { panel, controller, logger } = open();
    panel.webview.fromPage({ type: 'csp-violation', directive: 'script-src', blocked: 'inline' });
    await new Promise(setImmediate);
    assert.deepEqual(controller.received, []);
    assert.ok(
      logger.lines.includes("warn The details page's Content-Security-Policy refused inline (script-src)"),
      logger.lines.join('\n'),
    );
  });

  it('refuses to send the page a message that breaks the protocol, and says which field', async () => {
    const { panelHost, panel, logger } = open();
    panel.webview.fromPage({ type: 'ready' });
    await new Promise(setImmediate);
    panelHost.post({ type: 'busy', cancellable: 'yes' } as unknown as HostToWebview);
    assert.deepEqual(panel.webview.posted, []);
    assert.ok(logger.lines.some((line) => line.startsWith('error Not sending an invalid busy message to the details page: cancellable')));
  });

  it('brings the panel forward when revealed, without opening another', () => {
    const { panelHost, panel } = open();
    panel.hide();
    panelHost.reveal();
    assert.equal(panel.reveals, 1);
    assert.equal(panel.visible, true);
    assert.equal(host.panels.length, 1);
  });

  it('when the user closes the panel: disposes the controller, stops listening to the page, leaves the open panels, and posts nothing more', async () => {
    const { panelHost, panel, controller } = open();
    let closed = 0;
    panelHost.onDidDispose(() => (closed += 1));
    assert.ok(openPanels().includes(panelHost));
    assert.equal(panel.webview.listeners, 1);
    panel.close();
    assert.equal(controller.disposed, 1);
    assert.equal(closed, 1);
    assert.equal(panel.webview.listeners, 0, 'the page’s messages still reach the panel host');
    assert.ok(!openPanels().includes(panelHost));
    panelHost.post({ type: 'notice', message: 'late' });
    panelHost.dispose();
    assert.equal(controller.disposed, 1, 'disposed twice');
    assert.deepEqual(panel.webview.posted, []);
  });

  it('disposing the host closes its panel', () => {
    const { panelHost, panel } = open();
    panelHost.dispose();
    assert.equal(panel.disposed, true);
  });
});
