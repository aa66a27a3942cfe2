// Destructive steps ask first, in a browser: rotation at the per-user limit offers a choice with
// Cancel as the default, Deactivate confirms, and Delete on OCI warns only about real lock-outs and
// asks for something a person can type.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { runCommand, screenshot, useDemoWorkbench, type Workbench } from './support/workbench';
import { contextMenu, expand, row, sidebar } from './support/tree';
import { webview } from './support/webview';

/** An OCI API key's row shows its fingerprint. */
/** An API key's row: it shows the fingerprint's last 4 bytes (the tooltip has it whole). */
const FINGERPRINT = /…(?:[0-9a-f]{2}:){3}[0-9a-f]{2}/;
/** A whole fingerprint, as the typed confirmation's title names it. */
const WHOLE_FINGERPRINT = /(?:[0-9a-f]{2}:){15}[0-9a-f]{2}/;

/** Leaves the workbench as the next test expects it, whatever a failed test left open: no dialog, no Quick Pick, the side bar shown. */
async function closeLeftovers(page: Page): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  if (await dialog.isVisible()) {
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  const quick = page.locator('.quick-input-widget');
  if (await quick.isVisible()) {
    await page.keyboard.press('Escape');
    await quick.waitFor({ state: 'hidden' });
  }
  if (!(await sidebar(page).isVisible())) await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
}

describe('Safe defaults for destructive steps, in a browser', () => {
  let workbench: Workbench;
  useDemoWorkbench((opened) => {
    workbench = opened;
  });
  afterEach(async () => {
    if (workbench) await closeLeftovers(workbench.page);
  });

  it('Rotate Key… at 2 of 2 keys asks which key to delete, safest first, with Cancel as the default', async () => {
    const { page } = workbench;
    await expand(page, 'OCI', /bob\.builder/);
    await expand(page, /bob\.builder/, /ci-artifacts/);
    await contextMenu(page, /ci-artifacts/, 'Rotate Key…');
    const input = page.locator('.quick-input-widget');
    await input.locator('.monaco-list-row', { hasText: 'as soon as the new one works' }).click();
    // The room question, not the plan: nothing is picked for the user.
    const cancel = input.locator('.monaco-list-row', { hasText: 'Cancel: delete nothing' });
    await cancel.waitFor();
    assert.match(await input.innerText(), /Rotating ci-artifacts: bob\.builder has 2 of 2 keys allowed/);
    assert.match((await cancel.getAttribute('class')) ?? '', /focused/, 'Cancel is the default');
    const rows = (await input.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    // The candidates are the rows with a description (state · age · uses); Cancel and the separator have none.
    const choices = rows.filter((t) => / · /.test(t));
    assert.equal(choices.length, 2, rows.join(' | '));
    assert.match(
      choices[0],
      /Delete ci-artifacts, the key being rotated, first.*Everything using it stops until you switch it to the new key/,
    );
    assert.match(choices[1], /Delete backup-sync first.*active · 120 days old · no known uses.*stops working, for good/);
    await screenshot(page, 'rotation-at-limit-choice');
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'cancelling asks nothing more');
    await row(page, /backup-sync/).waitFor();
  });

  it('the Rotate form makes the choice a required field and the plan says what stops working', async () => {
    const { page } = workbench;
    await contextMenu(page, /bob\.builder/, 'Rotate with Form…');
    const form = webview(page);
    await form.locator('#keys vscode-checkbox').nth(1).waitFor({ state: 'attached' });
    await runCommand(page, 'View: Close Primary Side Bar');
    await form.locator('#keys vscode-checkbox[label^="ci-artifacts"]').click();
    const room = form.locator('section.room');
    await room.waitFor();
    assert.equal(await room.locator('vscode-radio[checked]').count(), 0, 'no key is chosen for the user');
    assert.equal(await form.locator('.plan-item').count(), 0, 'nothing is planned before the choice');
    assert.equal(await form.locator('#start[disabled]').count(), 1, 'Rotate cannot be pressed before the choice');
    assert.deepEqual(await room.locator('vscode-radio').evaluateAll((radios) => radios.map((r) => r.getAttribute('data-choice'))), [
      'rotated-key',
      'other-active',
    ]);
    await room.locator('vscode-radio[data-choice="rotated-key"]').click();
    const item = form.locator('.plan-item', { hasText: 'Make room' });
    await item.waitFor();
    assert.match(
      await item.innerText(),
      /Deleted first\s+The old key "ci-artifacts" .* is deleted before the new one exists: everything using it stops until you switch/,
    );
    assert.deepEqual(await item.locator('ol.steps li strong').allInnerTexts(), [
      '1. Check',
      '2. Make room',
      '3. Create',
      '4. Verify',
      '5. Update exports',
    ]);
    assert.equal(await form.locator('#start[disabled]').count(), 0);
    // The choice, what stops working, and the plan below it, in one view.
    await room.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'rotation-at-limit');
    await runCommand(page, 'View: Close All Editors');
  });

  it('Deactivate Key… asks first, naming the key, the user and the account; Cancel changes nothing', async () => {
    const { page } = workbench;
    // OUTSCALE keys can be deactivated (OCI customer secret keys cannot); the demo user "terraform" has "state backend".
    await expand(page, 'OUTSCALE', /infra@example\.com/);
    await expand(page, /infra@example\.com/, /state backend/);
    await contextMenu(page, /state backend/, 'Deactivate Key…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = (await dialog.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /Deactivate key "state backend" \(\S+\) of terraform in \S+ \(OUTSCALE\)\?/);
    assert.match(text, /Everything that uses this key stops working until it is activated again/);
    await screenshot(page, 'deactivate-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.doesNotMatch(await row(page, /state backend/).innerText(), /inactive/i);
  });

  it('Delete Key… on OCI counts keys of every kind, and asks for 6 digits, not the whole fingerprint, for the key the account signs with', async () => {
    const { page } = workbench;
    await expand(page, /alice\.admin/, /terraform-state/);
    const dialog = page.locator('.monaco-dialog-box');
    // alice.admin still has an active API key: her customer secret key is not her last active key.
    await contextMenu(page, /terraform-state/, 'Delete Key…');
    await dialog.waitFor();
    assert.doesNotMatch(await dialog.innerText(), /last active key/);
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'detached' });

    await contextMenu(page, FINGERPRINT, 'Delete Key…');
    await dialog.waitFor();
    assert.match((await dialog.innerText()).replace(/\u00a0/g, ' '), /Cloud Keys signs its calls to \S+ with this key/);
    await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).click();
    const input = page.locator('.quick-input-widget');
    await input.locator('input').waitFor();
    const asked = (await input.innerText()).replace(/\s+/g, ' ');
    const tail = /Type the last 6 digits of the fingerprint, ((?:[0-9a-f]{2}:){2}[0-9a-f]{2}), to delete it/.exec(asked)?.[1];
    assert.ok(tail, asked);
    assert.equal(
      await input.locator('input').getAttribute('placeholder'),
      tail,
      '6 digits are asked for, not the 47-character fingerprint',
    );
    assert.ok(WHOLE_FINGERPRINT.exec(asked)?.[0].endsWith(tail), 'they are the end of the fingerprint the title names');
    await screenshot(page, 'delete-typed-confirmation');
    await page.keyboard.press('Escape');
    await row(page, FINGERPRINT).waitFor();
  });
});
