// Cloud Keys installed into a fresh profile on a machine with no cloud configured: an empty home,
// no OCI_*, OSC_* or IONOS_* variables, VS Code's default for opening a new extension's walkthrough.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { activations, cloudKeysLogs, pickQuickItem, showCloudKeysAgain } from './support/reload';
import { contextMenu, openCloudKeys, row, sidebar } from './support/tree';
import { waitUntil } from './support/wait';
import { openWorkbench, runCommand, screenshot } from './support/workbench';

type FirstRunWorkbench = Awaited<ReturnType<typeof openWorkbench>>;

/** The walkthrough's page in the editor area. */
const walkthrough = (page: Page) => page.locator('.part.editor .gettingStartedContainer', { hasText: 'Find or add an account' });
const emptyView = (page: Page) => sidebar(page).locator('.welcome-view-content', { hasText: 'No cloud accounts found.' });

/** How many times the log says the walkthrough was opened on first run, over every extension host so far. */
function walkthroughOpenings(userDataDir: string): number {
  return cloudKeysLogs(userDataDir).reduce(
    (n, file) => n + (fs.readFileSync(file, 'utf8').match(/First run: opened the "Get started with Cloud Keys" walkthrough/g)?.length ?? 0),
    0,
  );
}

/** Answers the open input box whose title contains `title` with `value`. */
async function answerInput(page: Page, title: string, value: string): Promise<void> {
  const widget = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: title }) });
  await widget.waitFor();
  await widget.locator('input').fill(value);
  await widget.locator('input').press('Enter');
}

/** Closes the walkthrough's tab with its close button. */
async function closeWalkthrough(page: Page): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first();
  await tab.click();
  await tab.locator('.tab-actions .action-label[aria-label^="Close"]').click();
  await walkthrough(page).waitFor({ state: 'detached' });
}

describe('first run, with no cloud configured', () => {
  let workbench: FirstRunWorkbench;

  before(async () => {
    // code-server's extension host inherits this process's environment: no cloud may leak in.
    for (const name of Object.keys(process.env)) if (/^(OCI|OSC|IONOS)_/.test(name)) delete process.env[name];
    // The test harness turns this off for every other test (each starts a fresh profile); here it is
    // VS Code's default, as for a user.
    workbench = await openWorkbench({
      settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true, 'cloudKeys.firstRun.openWalkthrough': true },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens the Get Started walkthrough when Cloud Keys first starts', async () => {
    const { page, userDataDir } = workbench;
    await openCloudKeys(page);
    await walkthrough(page).waitFor();
    assert.match(await walkthrough(page).innerText(), /Get started with Cloud Keys/);
    await waitUntil('the log to say the walkthrough was opened', () => walkthroughOpenings(userDataDir) === 1);
    await screenshot(page, 'first-run-walkthrough');
  });

  it('leads the empty view with Add Account… and Get Started, and names the files it looked in', async () => {
    const { page } = workbench;
    const welcome = emptyView(page);
    await welcome.waitFor();
    const buttons = (await welcome.locator('.monaco-button').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(buttons, ['Add Account…', 'Get Started', 'Refresh', 'Open Settings', 'Show Logs']);
    const text = (await welcome.innerText()).replace(/\u00a0/g, ' ');
    for (const file of ['~/.oci/config', '~/.osc/config.json', '~/.osc_sdk/config.json'])
      assert.ok(text.includes(file), `the empty view does not name ${file}: ${text}`);
    await screenshot(page, 'first-run-empty-view');
  });

  it('opens the walkthrough again from Get Started', async () => {
    const { page } = workbench;
    await closeWalkthrough(page);
    await emptyView(page).getByRole('button', { name: 'Get Started' }).click();
    await walkthrough(page).waitFor();
  });

  it('asks which cloud from Add Account…', async () => {
    const { page } = workbench;
    await emptyView(page).getByRole('button', { name: 'Add Account…' }).click();
    const pick = page.locator('.quick-input-widget');
    await pick.locator('input[placeholder="Which cloud?"]').waitFor();
    for (const cloud of ['OCI', 'OUTSCALE', 'IONOS Cloud']) {
      assert.equal(await pick.locator('.monaco-list-row', { hasText: cloud }).first().isVisible(), true, `no ${cloud} in the pick`);
    }
    await page.keyboard.press('Escape');
    await pick.waitFor({ state: 'hidden' });
  });

  it('does not open the walkthrough again after a reload', async () => {
    const { page, userDataDir } = workbench;
    await closeWalkthrough(page);
    // Reloaded as a user does, by the command, which lets VS Code save its state first (a browser
    // reload may not, and then restores the closed editor). Cloud Keys activating in the new
    // extension host is where it would open the walkthrough.
    const activatedBefore = activations(userDataDir);
    await runCommand(page, 'Developer: Reload Window');
    await waitUntil('Cloud Keys to activate after the reload', () => activations(userDataDir) > activatedBefore);
    await page.locator('.monaco-workbench').waitFor();
    await showCloudKeysAgain(page);
    await emptyView(page).waitFor();
    assert.equal(walkthroughOpenings(userDataDir), 1, 'Cloud Keys opened the walkthrough again');
    assert.equal(await walkthrough(page).count(), 0, 'the walkthrough is open again');
  });

  it('says so when every account is hidden, and brings them back', async () => {
    const { page } = workbench;
    // An IONOS account entered by hand, with a token and an API URL that refuses connections.
    await emptyView(page).getByRole('button', { name: 'Add Account…' }).click();
    await pickQuickItem(page, 'IONOS Cloud');
    await answerInput(page, 'Add a IONOS Cloud account', 'spare');
    await answerInput(page, 'spare: Username', '');
    await answerInput(page, 'spare: Password', '');
    await answerInput(page, 'spare: Token', 'not-a-real-token');
    await answerInput(page, 'spare: Contract number', '');
    await answerInput(page, 'spare: API URL', 'http://127.0.0.1:9');
    await row(page, 'spare').waitFor();
    await contextMenu(page, 'spare', 'Hide Account');
    const allHidden = sidebar(page).locator('.welcome-view-content', { hasText: 'Every account Cloud Keys found is hidden.' });
    await allHidden.waitFor();
    assert.equal(await emptyView(page).count(), 0, 'the view says no account was found while one is hidden');
    await screenshot(page, 'first-run-all-hidden');
    await allHidden.getByRole('button', { name: 'Show Hidden Accounts…' }).click();
    // A multi-select pick with every hidden account ticked: accept it as it is.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'spare' }).first().waitFor();
    await page.locator('.quick-input-widget input').press('Enter');
    await row(page, 'spare').waitFor();
  });
});
