import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { notificationInCenter, screenshot, useDemoWorkbench, type Workbench } from './support/workbench';
import { expand, revealRow, sidebar, waitForNoRow } from './support/tree';
import { waitUntil } from './support/wait';

/** The key-age item: `<extension id>.<item id>` is the element id VS Code gives a status-bar entry. */
function keyAgeItem(page: Page): Locator {
  return page.locator('.part.statusbar [id="cloud-keys.cloud-keys.cloudKeys.keyAlerts"]');
}

/** Waits until the item shows counts matching `wanted`, returning them. */
async function counts(
  page: Page,
  wanted: (c: { overdue: number; expiring: number }) => boolean,
  what: string,
): Promise<{ overdue: number; expiring: number }> {
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

  it('counts the overdue and expiring keys of every account, though no user is expanded', async () => {
    const { page } = workbench;
    await revealRow(page, 'OUTSCALE');
    // Nothing is expanded: the keys are read in the background; the spinner stops when all are.
    await keyAgeItem(page).locator('.codicon-key').waitFor();
    const all = await counts(page, (c) => c.overdue >= 1 && c.expiring >= 1, 'overdue and expiring keys');
    assert.equal(await sidebar(page).locator('.monaco-list-row[aria-expanded="true"]').count(), 0, 'a row was expanded');
    assert.match(String(await keyAgeItem(page).getAttribute('aria-label')), /older than the maximum age or expired/);
    // Expanding users reads nothing new: the count stays.
    await expand(page, 'OUTSCALE', /you( ·|$)/);
    await expand(page, /Account \(root\)/, /legacy laptop/);
    assert.deepEqual(await counts(page, () => true, 'the count'), all);
    await screenshot(page, 'status-bar-key-age');
  });

  it('opens the list of those keys, naming each with its cloud, account, user and reason, and picking one starts its rotation', async () => {
    const { page } = workbench;
    const before = await counts(page, (c) => c.overdue + c.expiring > 0, 'some key');
    // The key id closes the row's description.
    const legacyId = /(\S+)\s*$/.exec(await (await revealRow(page, /legacy laptop/)).innerText())?.[1];
    assert.ok(legacyId, 'the legacy laptop row shows no key id');

    await keyAgeItem(page).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    assert.equal(await input.getAttribute('placeholder'), 'Keys to rotate: pick one to rotate it');
    await quickPickRows(page).first().waitFor();
    // The list is virtual: each row knows the length of the whole list.
    assert.equal(
      Number(await quickPickRows(page).first().getAttribute('aria-setsize')),
      before.overdue + before.expiring,
      'the list does not match the count',
    );
    await screenshot(page, 'status-bar-key-list');
    await input.fill('temp-export');
    const temp = quickPickRows(page).filter({ hasText: 'temp-export' }).first();
    await temp.waitFor();
    assert.match(await temp.innerText(), /OCI · cloud-keys-demo · dave\.data[\s\S]*expires in \d+ days · customer secret key/);
    await input.fill('legacy laptop');
    const legacy = quickPickRows(page).filter({ hasText: 'legacy laptop' }).first();
    await legacy.waitFor();
    assert.match(
      await legacy.innerText(),
      new RegExp(`OUTSCALE · demo · Account \\(root\\)[\\s\\S]*412 days old \\(maximum 90\\) · access key ${legacyId}`),
    );

    // Picking it runs Rotate Key on it: the grace question, then the plan naming the key.
    await quickPickRows(page).filter({ hasText: 'legacy laptop' }).click();
    await page.locator('.quick-input-widget input[placeholder="When should the old key be deleted?"]').waitFor();
    await quickPickRows(page).filter({ hasText: 'Delete the old key as soon as the new one works' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Rotate key ${legacyId}\\?`));
    await screenshot(page, 'status-bar-rotate-plan');
    await dialog.locator('.monaco-button', { hasText: /^Rotate$/ }).click();

    // The old key is gone from the tree, and the rotation said so (read from the notification center,
    // which keeps the message after its toast is gone).
    await waitForNoRow(page, legacyId);
    assert.match(await notificationInCenter(page, new RegExp(`Rotated ${legacyId}`)), /the old key is deleted/);
    // The start-up reminder (3 s after activation) must not take this running rotation for a stopped one.
    assert.equal(
      await page.locator('.notifications-center .notification-list-item', { hasText: /did not finish/ }).count(),
      0,
      'a rotation that was running was reported as unfinished',
    );

    // The item counts one overdue key less.
    await counts(
      page,
      (c) => c.overdue === before.overdue - 1 && c.expiring === before.expiring,
      `${before.overdue - 1} overdue · ${before.expiring} expiring after the rotation`,
    );
    await screenshot(page, 'status-bar-after-rotation');
  });
});
