// Find Uses of Key in a browser: from a key's context menu, the results view lists the
// uses in the workspace grouped by file; a click opens the file at the line; the delete
// confirmation names the uses. The key is created through the tree; its secret (read from the
// emulator, as the cloud gave it) is planted in workspace files with the id.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IonosEmulator } from '../emulators/ionos';
import { contextMenu, expand, notification, openCloudKeys, revealRow, sidebar } from './support/tree';
import { openWorkbench, runCommand, screenshot, type Workbench } from './support/workbench';

describe('Find Uses of Key, in a browser', () => {
  let workbench: Workbench & { emulators: Record<string, unknown> };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-e2e-uses-'));

  before(async () => {
    workbench = await openWorkbench({ emulators: true, folder });
    await openCloudKeys(workbench.page);
  });
  after(async () => {
    await workbench?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lists the uses grouped by file, opens one at its line, and the delete confirmation names them', async () => {
    const { page } = workbench;
    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    await expand(page, /Claire Dubois/, /created/);
    await contextMenu(page, /Claire Dubois/, 'Create Key…');
    const keyId = /Created key (\S+)/.exec(await notification(page, /Created key/))?.[1];
    assert.ok(keyId);
    const secret = (workbench.emulators.ionos as IonosEmulator).state.keys.get(keyId)?.secretKey;
    assert.ok(secret, 'the emulator has no secret for the new key');
    fs.writeFileSync(path.join(folder, '.env'), `# storage\nS3_ACCESS_KEY_ID=${keyId}\nS3_SECRET_ACCESS_KEY="${secret}"\n`);
    fs.mkdirSync(path.join(folder, 'infra'));
    fs.writeFileSync(
      path.join(folder, 'infra', 'terraform.tfstate'),
      `{\n  "resources": [{"access_key": "${keyId}", "secret_key": "${secret}"}]\n}\n`,
    );
    await revealRow(page, keyId);

    await contextMenu(page, keyId, 'Find Uses of Key');
    const pane = sidebar(page).locator('.pane', { has: page.locator('.pane-header', { hasText: /Key Uses/i }) });
    const useRow = pane.locator('.monaco-list-row', { hasText: /Line 3: secret of/ });
    await useRow.waitFor();
    await pane.locator('.monaco-list-row', { hasText: /terraform\.tfstate/ }).waitFor();
    assert.match(await pane.innerText(), /Terraform state holds secrets in clear/);
    assert.ok(!(await pane.innerText()).includes(secret), 'the results view shows the secret');
    await screenshot(page, 'key-uses-results');

    await useRow.click();
    const editorTab = page.locator('.tabs-container .tab.active', { hasText: '.env' });
    await editorTab.waitFor();
    // The secret is selected on line 3 (the cursor at its end), and the status bar says how much is selected.
    await page
      .locator('.statusbar-item', {
        hasText: new RegExp(`Ln 3, Col ${'S3_SECRET_ACCESS_KEY="'.length + secret.length + 1} \\(${secret.length} selected\\)`),
      })
      .waitFor();

    // The opened file shows the secret (it is the user's own file): closed before the next screenshot.
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab', { hasText: '.env' }).waitFor({ state: 'detached' });
    await contextMenu(page, keyId, 'Delete Key…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, /Used in 4 places/);
    assert.match(text, /\.env:3 \(secret of/);
    assert.ok(!text.includes(secret));
    await screenshot(page, 'key-uses-delete-confirmation');
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
  });
});
