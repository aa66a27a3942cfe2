import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openWorkbench, root, screenshot, type Workbench } from './support/workbench';

describe('Terraform code lenses in the demo workspace, in a browser', () => {
  let workbench: Workbench;
  let folder: string;

  before(async () => {
    // The demo's own workspace, so this checks what `npm run demo` shows.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-e2e-tf-'));
    fs.cpSync(path.join(root, 'scripts', 'demo-workspace'), folder, { recursive: true });
    workbench = await openWorkbench({ emulators: true, folder });
  });

  after(async () => {
    await workbench?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('main.tf shows each key resource with its live state and actions', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('main.tf');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'main.tf' }).first().waitFor();
    await input.press('Enter');

    const lenses = page.locator('.monaco-editor .codelens-decoration');
    await lenses
      .filter({ hasText: /ACTIVE · \d+ days/ })
      .first()
      .waitFor();
    await lenses
      .filter({ hasText: /Show in Cloud Keys/ })
      .first()
      .waitFor();
    const text = (await lenses.allInnerTexts()).join('\n');
    assert.match(text, /ACTIVE · 30 days(?! · overdue)/, text); // alice.admin's "terraform-state", within the policy
    // bob.builder's "ci-artifacts": what the tree's 90-day policy says of it, as the file's comment promises.
    assert.match(text, /ACTIVE · 412 days · overdue: older than 90 days/, text);
    assert.match(fs.readFileSync(path.join(folder, 'main.tf'), 'utf8'), /412-day-old key: its lens says it is overdue/);
    assert.match(text, /not yet created/, text);
    assert.match(text, /Import existing key/, text);
    await screenshot(page, 'terraform-lenses');

    // The editor draws only what is in view: the last resource's lens appears once scrolled to.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await lenses
      .filter({ hasText: /live state unknown: user_id is not a literal value/ })
      .first()
      .waitFor();
  });
});
