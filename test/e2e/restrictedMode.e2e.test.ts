import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cloudKeysLogs } from './support/reload';
import { waitUntil } from './support/wait';
import { openWorkbench, runCommand, screenshot } from './support/workbench';
import { allRows, contextMenu, expand, notification, openCloudKeys, revealRow, settledNotification } from './support/tree';

/** The refusal `registerCommand` shows (src/commands/workspaceTrust.ts), up to the command's reason. */
const REFUSED = /^Restricted Mode: .* so Cloud Keys does not do it in an untrusted workspace\. Trust the workspace/;

const restrictedModeIndicator = (page: Page) => page.locator('.part.statusbar [id="status.workspaceTrust"]');

/** Fails if a row of the tree (all of it, scrolled through) names the workspace's planted OUTSCALE account or its file. */
async function assertNothingPlanted(page: Page): Promise<void> {
  const rows = await allRows(page);
  assert.ok(!rows.some((r) => /planted/i.test(r)), `the workspace's OUTSCALE config file was read:\n${rows.join('\n')}`);
}

describe('Cloud Keys in Restricted Mode (an untrusted folder), in a browser', () => {
  let workbench: Awaited<ReturnType<typeof openWorkbench>>;
  let folder: string;
  let keyId: string;

  before(async () => {
    // A workspace that tries to redirect Cloud Keys: endpoints to a dead address, and an OUTSCALE
    // config file of its own with an account named "planted".
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-untrusted-'));
    fs.mkdirSync(path.join(folder, '.vscode'));
    fs.writeFileSync(
      path.join(folder, 'planted-osc.json'),
      JSON.stringify({
        planted: {
          access_key: 'PLANTEDACCESSKEY0000',
          secret_key: 'planted-secret',
          region: 'eu-west-2',
          endpoints: { api: 'http://127.0.0.9:9' },
        },
      }),
    );
    fs.writeFileSync(
      path.join(folder, '.vscode', 'settings.json'),
      JSON.stringify({
        'cloudKeys.oci.endpoint': 'http://127.0.0.9:9',
        'cloudKeys.ionos.apiUrl': 'http://127.0.0.9:9',
        'cloudKeys.outscale.configFile': path.join(folder, 'planted-osc.json'),
      }),
    );
    // Workspace trust on (the driver turns it off for every other test): a new folder is not trusted.
    workbench = await openWorkbench({ emulators: true, folder, settings: { 'security.workspace.trust.enabled': true } });
    const { page } = workbench;
    // Depending on the version, VS Code asks at start-up or opens the folder in Restricted Mode directly.
    const prompt = page.locator('.monaco-dialog-box', { hasText: /trust the authors/i });
    await restrictedModeIndicator(page).or(prompt).first().waitFor();
    if (await prompt.isVisible())
      await prompt
        .locator('.monaco-button', { hasText: /No|Don't Trust/i })
        .first()
        .click();
    await restrictedModeIndicator(page).waitFor();
    await openCloudKeys(page);
  });

  after(async () => {
    await workbench?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('browses every account, users and keys, and ignores the workspace settings that try to redirect it', async () => {
    const { page } = workbench;
    assert.match(String(await restrictedModeIndicator(page).getAttribute('aria-label')), /Restricted Mode/);
    for (const cloud of ['OCI', 'OUTSCALE', 'IONOS Cloud']) await revealRow(page, cloud);
    // Were cloudKeys.oci.endpoint and cloudKeys.ionos.apiUrl followed, these users could not load.
    await expand(page, /OCI/, /alice\.admin/);
    await expand(page, /IONOS Cloud/, /Claire Dubois/);
    await expand(page, /Claire Dubois/, /created/);
    await expand(page, 'OUTSCALE', /Account \(root\)/);
    await expand(page, /Account \(root\)/, /legacy laptop/);
    // Were cloudKeys.outscale.configFile followed, a "planted" account (or a problem with its file) would show.
    await assertNothingPlanted(page);
    await screenshot(page, 'restricted-browse');
  });

  it('creates a key (its endpoint is machine-scoped) but refuses to export it or write Terraform', async () => {
    const { page } = workbench;
    await contextMenu(page, /Claire Dubois/, 'Create Key…');
    const created = await notification(page, /Created key/);
    keyId = /Created key (\S+)/.exec(created)?.[1] ?? '';
    assert.ok(keyId, created);
    await revealRow(page, keyId);
    await runCommand(page, 'Notifications: Clear All Notifications');

    await contextMenu(page, keyId, 'Export Key…');
    const refusal = await notification(page, /Restricted Mode: exporting/);
    assert.match(refusal, REFUSED);
    assert.match(refusal, /exporting a key writes it to a file a workspace can choose/);
    // Refused before any question: no "Export … to…" picker opened.
    assert.equal(
      await page.locator('.quick-input-widget input[placeholder^="Export"]').isVisible(),
      false,
      'the export asked where to export',
    );
    await settledNotification(page, /Restricted Mode: exporting/); // for the picture only
    await screenshot(page, 'restricted-export-refused');

    await contextMenu(page, keyId, 'Generate Terraform');
    assert.match(await notification(page, /Restricted Mode: Terraform generation/), REFUSED);
    assert.equal(
      fs.readdirSync(folder).some((f) => f.endsWith('.tf')),
      false,
      'Terraform was written into the untrusted folder',
    );
    assert.equal(fs.existsSync(path.join(folder, '.env')), false);
  });

  it('once the folder is trusted, still ignores its settings (they are machine-scoped) and exports the same key', async () => {
    const { page } = workbench;
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ });
    await trust.waitFor();
    await trust.click();
    await restrictedModeIndicator(page).waitFor({ state: 'detached' });
    await screenshot(page, 'restricted-trusted');
    // This VS Code shows the trust editor as a modal editor, which covers the tree until closed.
    await runCommand(page, 'View: Close Editor');
    await page.locator('.workspace-trust-editor').waitFor({ state: 'detached' });

    // Trusted, VS Code applies the folder's settings, except machine-scoped ones: a full reload
    // still reaches the emulators and reads no planted account.
    await runCommand(page, 'Cloud Keys: Refresh');
    await expand(page, /OCI/, /alice\.admin/);
    await expand(page, /IONOS Cloud/, /Claire Dubois/);
    await expand(page, /Claire Dubois/, keyId);
    await assertNothingPlanted(page);

    await contextMenu(page, keyId, 'Export Key…');
    const picker = page.locator(`.quick-input-widget input[placeholder="Export ${keyId} to…"]`);
    await picker.waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Integrated terminal of this workspace' }).click();
    // IONOS asks where the buckets are, for the S3 endpoint.
    await page.locator('.quick-input-widget input[placeholder="Where are your buckets?"]').waitFor();
    await page.locator('.quick-input-list .monaco-list-row').first().click();
    assert.match(await notification(page, /New terminals of this workspace get/), new RegExp(`get ${keyId} as AWS_ACCESS_KEY_ID`));
    // Every change is logged, exports included, never their secret.
    await waitUntil('the export to be logged', () =>
      cloudKeysLogs(workbench.userDataDir).some((f) =>
        fs.readFileSync(f, 'utf8').includes(`IONOS: exported key ${keyId} to the integrated terminal`),
      ),
    );
    await settledNotification(page, /New terminals of this workspace get/); // for the picture only
    await screenshot(page, 'restricted-trusted-export');
  });
});
