import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorkbench, runCommand, screenshot, type Workbench } from './support/workbench';

describe('Cloud Keys in VS Code, seen in a browser', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows a Cloud Keys container in the activity bar that opens the Accounts view', async () => {
    const { page } = workbench;
    const item = page.locator('.activitybar .action-item a[aria-label^="Cloud Keys"]');
    await item.waitFor();
    await item.click();
    const title = page.locator('.part.sidebar .composite.title', { hasText: /Cloud Keys: Accounts/i });
    await title.waitFor();
    assert.equal(await title.isVisible(), true);
  });

  it('explains the empty state with welcome content and its buttons', async () => {
    const { page } = workbench;
    const welcome = page.locator('.welcome-view-content', { hasText: 'No cloud accounts found.' });
    await welcome.waitFor();
    for (const label of ['Refresh', 'Open Settings', 'Show Logs']) {
      assert.equal(await welcome.getByRole('button', { name: label }).isVisible(), true, `no ${label} button`);
    }
    await screenshot(page, 'accounts-view');
  });

  it('runs "Cloud Keys: Show Logs" from the Command Palette and shows the log', async () => {
    const { page } = workbench;
    await runCommand(page, 'Cloud Keys: Show Logs');
    // The editor renders spaces as no-break spaces; \s matches both.
    const activated = /\[info\]\s+Cloud\sKeys\s\S+\sactivated/;
    const output = page.locator('.part.panel .view-lines').filter({ hasText: activated });
    await output.waitFor();
    assert.equal(await page.locator('.part.panel select[aria-label="Switch Output"]').first().inputValue(), 'Cloud Keys');
    await screenshot(page, 'show-logs');
  });
});
