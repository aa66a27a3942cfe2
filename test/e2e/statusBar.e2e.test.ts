import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshot, useDemoWorkbench, type Workbench } from './support/workbench';
import { expand, notification, revealRow, waitForNoRow } from './support/tree';
import { waitUntil } from './support/wait';

/** The key-age item: `<extension id>.<item id>` is the element id VS Code gives a status-bar entry. */
function keyAgeItem(page: Page): Locator {
  return page.locator('.part.statusbar [id="cloud-keys.cloud-keys.cloudKeys.keyAlerts"]');
}

/** Waits until the item shows counts matching `wanted`, returning them. */
async function counts(page: Page, wanted: (c: { overdue: number; expiring: number }) => boolean, what: string): Promise<{ overdue: number; expiring: number }> {
  let last = '(not shown)';
  try {
    return await waitUntil(`the key-age status-bar item to show ${what}`, async () => {
      const item = keyAgeItem(page);
      last = (await item.count()) > 0 && (await item.isVisible()) ? await item.innerText() : '(not shown)';
      const match = /(\d+) overdue · (\d+) expiring/.exec(last);
      const found = match ? { overdue: Number(match[1]), expiring: Number(match[2]) } : undefined;
      return found && wanted(found) ? found : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; it last showed: ${last}`);
  }
}

const quickPickRows = (page: Page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

describe('The key-age status-bar item, in a browser', () => {
  let workbench: Workbench;
  useDemoWorkbench((opened) => {
    workbench = opened;
  });

  it('counts the overdue and expiring keys of the accounts loaded in the tree', async () => {
    const { page } = workbench;
    await revealRow(page, 'OUTSCALE');
    // The OUTSCALE root account's "legacy laptop" key is 412 days old (maximum 90).
    await expand(page, 'OUTSCALE', /you( ·|$)/);
    await expand(page, /Account \(root\)/, /legacy laptop/);
    const outscale = await counts(page, (c) => c.overdue >= 1, 'an overdue key once the OUTSCALE keys loaded');
    // A second account: OCI's dave.data holds "temp-export", 80 days old, expiring in 10 days.
    await expand(page, /OCI/, /dave\.data/);
    await expand(page, /dave\.data/, /temp-export/);
    const both = await counts(page, (c) => c.expiring === outscale.expiring + 1, 'one more expiring key once dave.data loaded');
    assert.equal(both.overdue, outscale.overdue, 'dave.data has no overdue key');
    assert.match(String(await keyAgeItem(page).getAttribute('aria-label')), /older than the maximum age or expired/);
    await screenshot(page, 'status-bar-key-age');
  });

  it('opens the list of those keys, naming each with its reason, and picking one starts its rotation', async () => {
    const { page } = workbench;
    const before = await counts(page, (c) => c.overdue + c.expiring > 0, 'some key');
    const legacyId = /legacy laptop\s*(\S+)/.exec(await (await revealRow(page, /legacy laptop/)).innerText())?.[1];
    assert.ok(legacyId, 'the legacy laptop row shows no key id');

    await keyAgeItem(page).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    assert.equal(await input.getAttribute('placeholder'), 'Keys to rotate: pick one to rotate it');
    await quickPickRows(page).first().waitFor();
    const rows = await quickPickRows(page).allInnerTexts();
    assert.equal(rows.length, before.overdue + before.expiring, `the list does not match the count:\n${rows.join('\n')}`);
    const legacy = rows.find((r) => r.includes('legacy laptop'));
    assert.ok(legacy, `the overdue OUTSCALE key is not listed:\n${rows.join('\n')}`);
    assert.match(legacy, new RegExp(`${legacyId}.*\\n?.*412 days old \\(maximum 90\\)`, 's'));
    assert.match(rows.find((r) => r.includes('temp-export')) ?? '', /expires in \d+ days/, `the expiring OCI key is not listed:\n${rows.join('\n')}`);
    await screenshot(page, 'status-bar-key-list');

    // Picking it runs Rotate Key on it: the grace question, then the plan naming the key.
    await quickPickRows(page).filter({ hasText: 'legacy laptop' }).click();
    await page.locator('.quick-input-widget input[placeholder="When should the old key be deleted?"]').waitFor();
    await quickPickRows(page).filter({ hasText: 'Delete the old key as soon as the new one works' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Rotate key ${legacyId}\\?`));
    await screenshot(page, 'status-bar-rotate-plan');
    await dialog.locator('.monaco-button', { hasText: /^Rotate$/ }).click();
    assert.match(await notification(page, new RegExp(`Rotated ${legacyId}`)), /the old key is deleted/);
    // The start-up reminder (3 s after activation) must not take this running rotation for a stopped one.
    assert.equal(await page.locator('.notification-toast', { hasText: /did not finish/ }).count(), 0, 'a rotation that was running was reported as unfinished');

    // The old key is gone from the tree and the item counts one overdue key less.
    await waitForNoRow(page, legacyId);
    await counts(page, (c) => c.overdue === before.overdue - 1 && c.expiring === before.expiring, `${before.overdue - 1} overdue · ${before.expiring} expiring after the rotation`);
    await screenshot(page, 'status-bar-after-rotation');
  });
});
