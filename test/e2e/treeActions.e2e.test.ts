import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot, useDemoWorkbench, type Workbench } from './support/workbench';
import { allRows, contextMenu, expand, notification, revealRow, waitForNoRow } from './support/tree';

describe('Browsing and changing keys in the tree, in a browser', () => {
  let workbench: Workbench;
  useDemoWorkbench((opened) => {
    workbench = opened;
  });

  it('shows the demo accounts of every cloud, each with its users and keys', async () => {
    const { page } = workbench;
    for (const cloud of ['OCI', 'OUTSCALE', 'IONOS Cloud']) {
      await revealRow(page, cloud);
    }
    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    assert.match(await (await revealRow(page, /Claire Dubois/)).innerText(), /you/);
    await expand(page, /Claire Dubois/, /created/);
    // The OCI and OUTSCALE callers come first under their accounts too, marked "you".
    for (const cloud of ['OCI', 'OUTSCALE']) {
      await expand(page, cloud, /you( ·|$)/);
    }
    await screenshot(page, 'tree-browse');
  });

  it('creates a key from the context menu, says so, and lists it', async () => {
    const { page } = workbench;
    // Every row of the tree, scrolled through: the list renders only the rows in view.
    const createdRows = async () => (await allRows(page)).filter((text) => /created/.test(text)).length;
    const keysBefore = await createdRows();
    await contextMenu(page, /Claire Dubois/, 'Create Key…');
    const message = await notification(page, /Created key/);
    assert.match(message, /secret is saved in VS Code secret storage/);
    const keyId = /Created key (\S+)/.exec(message)?.[1];
    assert.ok(keyId, message);
    await revealRow(page, keyId);
    assert.equal(await createdRows(), keysBefore + 1);
    await screenshot(page, 'tree-key-created');

    await contextMenu(page, keyId, 'Delete Key…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Delete key ${keyId}`));
    await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).click();
    await notification(page, /Deleted key/);
    await waitForNoRow(page, keyId);
    await screenshot(page, 'tree-key-deleted');
  });
});
