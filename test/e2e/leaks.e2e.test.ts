import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openCloudKeys, sidebar } from './support/tree';
import { openWorkbench, root, screenshot, type Workbench } from './support/workbench';

/** bob.builder's 412-day-old "ci-artifacts" customer secret key in the demo OCI tenancy (test/emulators/oci/keys.ts fakeAccessKeyId). */
const BOB_KEY_ID = createHash('sha1').update('access-key:cloud-keys-demo-tenancy/bob.builder/ci-artifacts').digest('hex');

const started = Date.now();

describe('Leaked keys in code, in a browser: the Problems panel and the hover', () => {
  let workbench: Workbench;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-e2e-leaks-'));
    fs.writeFileSync(
      path.join(folder, 'deploy.py'),
      [
        'import boto3',
        '',
        '# The CI uploads artifacts with a key pasted here.',
        's3 = boto3.client(',
        '    "s3",',
        `    aws_access_key_id="${BOB_KEY_ID}",`,
        `    aws_secret_access_key="${randomBytes(33).toString('base64')}",`,
        ')',
        '',
        `OSC_SECRET_KEY = "${randomBytes(30).toString('base64').replace(/[+/]/g, 'x')}"`,
        '',
      ].join('\n'),
    );
    workbench = await openWorkbench({ emulators: true, folder });
  });

  after(async () => {
    await workbench?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("names bob.builder's 412-day-old OCI key in the Problems panel and in the hover", async (t) => {
    const { page } = workbench;
    t.after(async () => {
      // What the window showed when a step failed (nothing secret: the file holds no emulator secret).
      if (
        !fs.existsSync(path.join(root, 'test-results', 'leaks-hover.png')) ||
        fs.statSync(path.join(root, 'test-results', 'leaks-hover.png')).mtimeMs < started
      )
        await screenshot(page, 'leaks-failure');
    });
    await openCloudKeys(page);
    // Quick Open with the file's full path: it opens the file without waiting for the search index.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(path.join(folder, 'deploy.py'));
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'deploy.py' }).first().waitFor();
    await input.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'boto3' }).first().waitFor();

    // The key-age count reads every user's keys in the background; the finding names the owner once it has.
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel .monaco-list-row');
    await markers
      .filter({ hasText: /Key id of bob\.builder's active OCI customer secret key …\w+, 412 days old/ })
      .first()
      .waitFor({ timeout: 120_000 });
    await markers
      .filter({ hasText: /Probably the secret of bob\.builder's active OCI customer secret key/ })
      .first()
      .waitFor();
    await markers
      .filter({ hasText: /OUTSCALE secret key: not a key of your configured accounts/ })
      .first()
      .waitFor();
    // The side bar away, so the panel shows each message whole.
    await page.keyboard.press('Control+B');
    await sidebar(page).waitFor({ state: 'hidden' });
    await screenshot(page, 'leaks-problems');

    await page
      .locator('.monaco-editor .view-lines span', { hasText: BOB_KEY_ID.slice(0, 12) })
      .first()
      .hover();
    const hover = page.locator('.monaco-hover', { hasText: /bob\.builder/ });
    await hover.waitFor();
    const text = await hover.innerText();
    assert.match(text, /412 days/);
    assert.match(text, /Show the key in Cloud Keys/);
    await screenshot(page, 'leaks-hover');
  });
});
