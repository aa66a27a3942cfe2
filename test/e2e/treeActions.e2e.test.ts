import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot, useDemoWorkbench, type Workbench } from './support/workbench';
import { contextMenu, expand, notification, row, sidebar } from './support/tree';

describe('Browsing and changing keys in the tree, in a browser', () => {
  let workbench: Workbench;
  useDemoWorkbench((opened) => {
    workbench = opened;
  });

  it('shows the demo accounts of every cloud, each with its users and keys', async () => {
    const { page } = workbench;
    for (const cloud of ['OCI', 'OUTSCALE', 'IONOS Cloud']) {
      await row(page, cloud).waitFor({ timeout: 30_000 });
    }
    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    assert.match(await row(page, /Claire Dubois/).innerText(), /you/);
    await expand(page, /Claire Dubois/, /created/);
    // The OCI and OUTSCALE callers come first under their accounts too, marked "you".
    for (const cloud of ['OCI', 'OUTSCALE']) {
      await expand(page, cloud, /you( ·|$)/);
    }
    await screenshot(page, 'tree-browse');
  });

  it('creates a key from the context menu, says so, and lists it', async () => {
    const { page } = workbench;
    const keysBefore = await sidebar(page).locator('.monaco-list-row', { hasText: /created/ }).count();
    await contextMenu(page, /Claire Dubois/, 'Create Key…');
    const message = await notification(page, /Created key/);
    assert.match(message, /secret is saved in VS Code secret storage/);
    const keyId = /Created key (\S+)/.exec(message)?.[1];
    assert.ok(keyId, message);
    await row(page, keyId).waitFor({ timeout: 20_000 });
    assert.equal(await sidebar(page).locator('.monaco-list-row', { hasText: /created/ }).count(), keysBefore + 1);
    await screenshot(page, 'tree-key-created');

    await contextMenu(page, keyId, 'Delete Key…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    assert.match(await dialog.innerText(), new RegExp(`Delete key ${keyId}`));
    await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).click();
    await notification(page, /Deleted key/);
    await row(page, keyId).waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, 'tree-key-deleted');
  });
});
