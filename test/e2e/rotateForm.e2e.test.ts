import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorkbench, runCommand, screenshot, type Workbench } from './support/workbench';
import { contextMenu, expand, openCloudKeys } from './support/tree';
import { choose, webview } from './support/webview';

const THEMES = [
  { name: 'dark', theme: 'Default Dark Modern', full: true },
  { name: 'light', theme: 'Default Light Modern', full: true },
  // High contrast: the plan only, for a screenshot of a form in that theme.
  { name: 'high-contrast', theme: 'Default High Contrast', full: false },
];

/** Claire Dubois, the IONOS demo caller, has an active key 12 days old and an inactive one; the active one is rotated. */
const ACTIVE = 'vscode-checkbox[label*="· active ·"]';

for (const { name, theme, full } of THEMES) {
  describe(`The Rotate form and the Create Key follow-ups in a browser (${name} theme)`, () => {
    let workbench: Workbench;

    before(async () => {
      workbench = await openWorkbench({ emulators: true, settings: { 'workbench.colorTheme': theme } });
      await openCloudKeys(workbench.page);
      await expand(workbench.page, 'IONOS Cloud', /Claire Dubois/);
    });

    after(async () => {
      await workbench?.close();
    });

    it('opens from a user node with the plan: steps in order, what is created, deactivated and deleted, and the exports', async () => {
      const { page } = workbench;
      await contextMenu(page, /Claire Dubois/, 'Rotate with Form…');
      const form = webview(page);
      await form.locator('#keys vscode-checkbox').nth(1).waitFor({ state: 'attached' });
      // The form gets the whole window, as a user filling it would give it.
      await runCommand(page, 'View: Close Primary Side Bar');
      assert.equal(await form.locator('.plan-item').count(), 0, 'nothing is planned before a key is ticked');
      assert.equal(await form.locator('#start[disabled]').count(), 1, 'Rotate is pressable with nothing to rotate');
      await form.locator(ACTIVE).click();
      await form.locator('.plan-item').waitFor();
      const steps = await form.locator('.plan-item ol.steps li strong').allInnerTexts();
      assert.deepEqual(steps, ['1. Check', '2. Create', '3. Verify', '4. Update exports', '5. Deactivate', '6. Delete']);
      const plan = await form.locator('.plan-item').innerText();
      assert.match(plan, /after 7 days/, 'the default grace period is 7 days');
      assert.match(plan, /Exports updated\s+None/);
      await form.locator('vscode-radio[value="now"]').click();
      await form.locator('.plan-item', { hasText: /as soon as the new one works/ }).waitFor();
      assert.equal(await form.locator('#start[disabled]').count(), 0);
      await screenshot(page, `form-rotate-plan-${name}`);
    });

    if (!full) return;

    it('rotates the key step by step and says what changed; the old key is gone from the form', async () => {
      const { page } = workbench;
      const form = webview(page);
      const oldKeyId = await form.locator(ACTIVE).getAttribute('value');
      assert.ok(oldKeyId);
      await form.locator('#start').click();
      await form.locator('#outcome-title', { hasText: 'Rotation finished' }).waitFor();
      const states = await form.locator('.plan-item ol.steps li').evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
      assert.ok(!states.includes('failed') && !states.includes('pending'), `step states: ${states.join(', ')}`);
      assert.equal(states.filter((s) => s === 'finished').length >= 5, true, `step states: ${states.join(', ')}`);
      const outcome = await form.locator('#outcome').innerText();
      assert.match(
        outcome,
        new RegExp(
          `Rotated ${oldKeyId}: the new key \\S+ works and its secret is in VS Code secret storage; 0 exports updated; the old key is deleted`,
        ),
      );
      await form.locator(`#keys vscode-checkbox[value="${oldKeyId}"]`).waitFor({ state: 'detached' });
      await screenshot(page, `form-rotate-outcome-${name}`);
    });

    it('opens Key Details of the new key from the outcome, and Rotate with Form… from there ticks that key', async () => {
      const { page } = workbench;
      const form = webview(page);
      const show = form.getByRole('button', { name: /^Show / });
      const newKeyId = (await show.innerText()).replace(/^Show /, '').trim();
      await show.click();
      await page.locator('.tabs-container .tab.active', { hasText: /^Key / }).waitFor();
      const details = webview(page);
      await details.locator('dl.attributes').waitFor();
      assert.match(await details.locator('dl.attributes').innerText(), new RegExp(newKeyId));
      await details.getByRole('button', { name: 'Rotate with Form…' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: /^Rotate Keys/ }).waitFor();
      const again = webview(page);
      await again.locator(`#keys vscode-checkbox[value="${newKeyId}"][checked]`).waitFor({ state: 'attached' });
      await again.locator('.plan-item', { hasText: newKeyId }).waitFor();
    });

    it('offers Export… and Generate Terraform on the Create Key result, running the existing commands for the new key', async () => {
      const { page } = workbench;
      await runCommand(page, 'Cloud Keys: Create Key with Form…');
      const form = webview(page);
      await form.locator('#accountId vscode-option').first().waitFor({ state: 'attached' });
      await choose(form, 'accountId', /IONOS/);
      await form.locator('#userId-help', { hasText: /slots free/ }).waitFor();
      await form.locator('#submit').click();
      await form.locator('#result-title', { hasText: /Created/ }).waitFor();
      const keyId = (await form.locator('#created-key-id').innerText()).trim();
      await screenshot(page, `form-create-followups-${name}`);

      await form.locator('#terraform').click();
      const editor = page.locator('.monaco-editor .view-lines', { hasText: 'ionoscloud_s3_key' }).first();
      await editor.waitFor();
      assert.doesNotMatch(await editor.innerText(), /secret_key\s*=\s*"/, 'the generated Terraform holds a secret');

      await page.locator('.tabs-container .tab', { hasText: 'Create Key' }).click();
      const result = webview(page);
      await result.locator('#export').click();
      const input = page.locator('.quick-input-widget');
      await input.locator('.monaco-list-row', { hasText: 'AWS profile' }).waitFor();
      assert.match((await input.locator('input').getAttribute('placeholder')) ?? '', new RegExp(`Export ${keyId} to`));
      await page.keyboard.press('Escape');
    });
  });
}
