import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openWorkbench, runCommand, screenshot, type Workbench } from './support/workbench';
import { openCloudKeys, revealRow } from './support/tree';
import { choose, webview } from './support/webview';

const MASK = /^•+$/;

/** The little of the page's DOM these tests touch (the test code compiles without the DOM library). */
interface PageBody {
  ownerDocument: {
    createElement(tag: string): { textContent: string };
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { violatedDirective: string }) => void,
      options: { once: boolean },
    ): void;
    body: { append(node: unknown): void; dataset: Record<string, string | undefined> };
    defaultView: { postMessage(message: unknown, origin: string): void };
  };
}
interface ScriptNode {
  src: string;
  nonce: string;
}
const THEMES = [
  { name: 'dark', theme: 'Default Dark Modern' },
  { name: 'light', theme: 'Default Light Modern' },
];

function nextYear(): string {
  const date = new Date();
  return `${date.getUTCFullYear() + 1}-06-30`;
}

function lastYear(): string {
  return `${new Date().getUTCFullYear() - 1}-01-15`;
}

for (const { name, theme } of THEMES) {
  describe(`The Cloud Keys forms in a browser (${name} theme)`, () => {
    let workbench: Workbench;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-forms-'));

    before(async () => {
      workbench = await openWorkbench({ emulators: true, folder, settings: { 'workbench.colorTheme': theme } });
      // Opening the view activates the extension, so its commands are in the palette.
      await openCloudKeys(workbench.page);
      await revealRow(workbench.page, 'OUTSCALE');
      // The forms get the whole window, as a user filling them would give them.
      await runCommand(workbench.page, 'View: Close Primary Side Bar');
    });

    after(async () => {
      await workbench?.close();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('creates an OUTSCALE key: refuses a past expiry, then shows the key with its secret masked and stored', async () => {
      const { page } = workbench;
      await runCommand(page, 'Cloud Keys: Create Key with Form…');
      const form = webview(page);
      await form.locator('#accountId vscode-option').first().waitFor({ state: 'attached' });
      await choose(form, 'accountId', /OUTSCALE/);
      await form.locator('#userId-help', { hasText: /slots free/ }).waitFor();
      await form.locator('#displayName input').fill('e2e-form');
      await form.locator('#expiresOn input').fill(lastYear());
      await form.locator('#submit').click();
      await form.locator('#expiresOn-help', { hasText: /in the past/ }).waitFor();
      assert.match(await form.locator('.banner.error').innerText(), /Check the form/);
      await screenshot(page, `form-create-validation-${name}`);

      await form.locator('#expiresOn input').fill(nextYear());
      await form.locator('#submit').click();
      await form.locator('#result-title', { hasText: /Created access key "e2e-form"/ }).waitFor();
      assert.match(await form.locator('#stored').innerText(), /Stored in VS Code secret storage/);
      assert.match(await form.locator('.secret-value').innerText(), MASK);
      await screenshot(page, `form-create-result-${name}`);

      await form.getByRole('button', { name: 'Reveal' }).click();
      await form.locator('.secret-value.revealed').waitFor();
      // The revealed value is checked for shape only; it is never printed.
      assert.ok((await form.locator('.secret-value').innerText()).length >= 20, 'the revealed secret is too short');
      assert.doesNotMatch(await form.locator('.secret-value').innerText(), MASK);
      await form.getByRole('button', { name: 'Hide' }).click();
      assert.match(await form.locator('.secret-value').innerText(), MASK);
    });

    it('drops a revealed secret when the panel is hidden, and shows the result again without it', async () => {
      const { page } = workbench;
      const form = webview(page);
      await form.getByRole('button', { name: 'Reveal' }).click();
      await form.locator('.secret-value.revealed').waitFor();
      await runCommand(page, 'Preferences: Open Keyboard Shortcuts');
      await page.locator('.tabs-container .tab', { hasText: 'Create Key' }).click();
      const again = webview(page);
      await again.locator('#result-title', { hasText: /Created access key/ }).waitFor();
      assert.match(await again.locator('.secret-value').innerText(), MASK);
      assert.equal(await again.locator('.secret-value.revealed').count(), 0);
    });

    it('validates an OCI public key live: refuses a non-RSA key and an empty one', async () => {
      const { page } = workbench;
      const form = webview(page);
      await form.getByRole('button', { name: 'Create Another Key' }).click();
      await choose(form, 'accountId', /OCI/);
      await form.locator('vscode-radio[value="api-signing-key"]').click();
      await form.locator('vscode-radio[value="paste"]').click();
      await form.locator('#submit').click();
      await form.locator('#pem-help', { hasText: /Paste the public key/ }).waitFor();

      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      await form.locator('#pem textarea').fill(ec);
      await form.locator('#pem-help', { hasText: /must be RSA/ }).waitFor();
      await screenshot(page, `form-create-pem-invalid-${name}`);

      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      await form.locator('#pem textarea').fill(rsa);
      await form.locator('#pem-help', { hasText: /RSA public key, 2048 bits, fingerprint/ }).waitFor();
      await form.locator('#submit').click();
      await form.locator('#result-title', { hasText: /Created API signing key/ }).waitFor();
      assert.match(await form.locator('.result').innerText(), /no secret half/);
      await screenshot(page, `form-create-oci-api-key-${name}`);
    });

    it('runs no inline script and ignores a message of unknown type', async () => {
      const { page } = workbench;
      const form = webview(page);
      const { ran, refusedBy } = await form.locator('body').evaluate(async (body) => {
        const doc = (body as unknown as PageBody).ownerDocument;
        // The browser reports the refusal as an event; an inline script it lets through runs at once, on append.
        const refused = new Promise<string>((resolve) =>
          doc.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }),
        );
        const script = doc.createElement('script');
        script.textContent = 'document.body.dataset.inlineRan = "yes"';
        doc.body.append(script);
        if (doc.body.dataset.inlineRan) return { ran: doc.body.dataset.inlineRan, refusedBy: '' };
        return { ran: doc.body.dataset.inlineRan ?? 'no', refusedBy: await refused };
      });
      assert.equal(ran, 'no', 'the CSP let an inline script without the nonce run');
      assert.match(refusedBy, /^script-src/, 'the refusal comes from the script-src policy');
      const scripts = await form
        .locator('script')
        .evaluateAll((nodes) => nodes.map((n) => ({ src: (n as unknown as ScriptNode).src, nonce: (n as unknown as ScriptNode).nonce })));
      for (const script of scripts.filter((s) => s.src.endsWith('/dist/webview/main.js')))
        assert.ok(script.nonce, 'our script has no nonce');

      const postToPage = (message: object) =>
        form.locator('body').evaluate((body, m) => (body as unknown as PageBody).ownerDocument.defaultView.postMessage(m, '*'), message);
      await postToPage({ type: 'notice-everything', message: 'should not show' });
      await postToPage({ type: 'notice', message: 'a valid notice shows' });
      await form.locator('.banner.notice', { hasText: 'a valid notice shows' }).waitFor();
      assert.equal(await form.getByText('should not show').count(), 0);
    });

    it('shows the Key Age Overview: a chart, a sortable and filterable table, and a CSV export', async () => {
      const { page } = workbench;
      await runCommand(page, 'Cloud Keys: Key Age Overview');
      const overview = webview(page);
      await overview.locator('table.keys tbody tr').first().waitFor();
      assert.ok((await overview.locator('.chart rect.bar').count()) > 0, 'the chart has no bars');
      const all = await overview.locator('table.keys tbody tr').count();
      assert.ok(all >= 3, `only ${all} keys in the overview`);
      await screenshot(page, `overview-${name}`);

      const ages = async () =>
        (await overview.locator('table.keys tbody tr td.num').allInnerTexts()).map((t) => (t === '—' ? -1 : Number(t)));
      const descending = await ages();
      assert.deepEqual(
        descending,
        [...descending].sort((a, b) => b - a),
      );
      await overview.getByRole('button', { name: /^Age \(days\)/ }).click();
      const ascending = await ages();
      assert.deepEqual(
        ascending,
        [...ascending].sort((a, b) => a - b),
      );

      await overview.locator('#filter input').fill('OUTSCALE');
      await overview.locator('.count', { hasText: new RegExp(`of ${all} keys`) }).waitFor();
      const clouds = await overview.locator('table.keys tbody tr td:first-child').allInnerTexts();
      assert.ok(clouds.length > 0 && clouds.length < all);
      assert.ok(
        clouds.every((c) => c === 'OUTSCALE'),
        clouds.join(', '),
      );

      await overview.getByRole('button', { name: 'Export CSV…' }).click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.press('Enter');
      await overview.locator('.banner.notice', { hasText: /Exported \d+ keys/ }).waitFor();
      const csv = fs.readdirSync(folder).find((f) => f.endsWith('.csv'));
      assert.ok(csv, 'no CSV file in the workspace');
      const lines = fs.readFileSync(path.join(folder, csv), 'utf8').trim().split('\r\n');
      assert.match(lines[0], /^Cloud,Account,User,Key,Key ID/);
      assert.equal(lines.length - 1, clouds.length);
      assert.ok(lines.slice(1).every((l) => l.startsWith('OUTSCALE,')));
    });

    it('opens Key Details from the overview with every attribute and the policy status', async () => {
      const { page } = workbench;
      const overview = webview(page);
      await overview
        .locator('table.keys tbody tr')
        .first()
        .getByRole('button', { name: /^Details of/ })
        .click();
      await page.locator('.tabs-container .tab.active', { hasText: /^Key / }).waitFor();
      const details = webview(page);
      await details.locator('dl.attributes').waitFor();
      const text = await details.locator('main').innerText();
      assert.match(text, /Access key ID/);
      assert.match(text, /Age and policy/);
      assert.match(text, /OUTSCALE/);
      assert.ok((await details.getByRole('button', { name: 'Delete…' }).count()) === 1);
      await screenshot(page, `details-${name}`);
    });
  });
}
