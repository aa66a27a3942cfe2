// In a browser: the tree at the default side-bar width in both themes, expansion kept
// across a refresh and a collapse, commands that do not apply hidden, the wide Key Age Overview,
// and the log's prefixes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { cloudKeysLogs, reloadWindow, showCloudKeysAgain } from './support/reload';
import { contextMenu, expand, notification, row, sidebar } from './support/tree';
import { webview } from './support/webview';
import { openWorkbench, runCommand, screenshot } from './support/workbench';

/** Whether the first `chars` characters of a row's description are inside the row (not cut off). */
async function descriptionShows(target: Locator, chars: number): Promise<{ shown: boolean; text: string }> {
  return target.evaluate((element, count) => {
    const description = element.querySelector('.label-description') as HTMLElement | null;
    const text = description?.textContent ?? '';
    const node = description?.firstChild;
    if (!description || !node) return { shown: false, text };
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(count, text.length));
    const edge = (description.closest('.monaco-icon-label-container') ?? element).getBoundingClientRect().right;
    return { shown: range.getBoundingClientRect().right <= edge + 0.5, text };
  }, chars);
}

/** The CSS `content` of a row icon's ::before: a codicon draws its glyph there; an unknown one draws nothing. */
async function iconGlyph(target: Locator): Promise<{ classes: string; content: string }> {
  return target.evaluate((element) => {
    const icon = element.querySelector('.custom-view-tree-node-item-icon') as HTMLElement;
    return { classes: icon.className, content: getComputedStyle(icon, '::before').content };
  });
}

async function iconImage(target: Locator): Promise<string> {
  return target.evaluate(
    (element) => getComputedStyle(element.querySelector('.custom-view-tree-node-item-icon') as HTMLElement).backgroundImage,
  );
}

async function expanded(target: Locator): Promise<boolean> {
  return (await target.getAttribute('aria-expanded')) === 'true';
}

/** Picks a colour theme as a user does, through "Preferences: Color Theme", and waits until the workbench wears it. */
async function setTheme(page: Page, theme: string, bodyClass: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Preferences: Color Theme');
  await quickPickRows(page)
    .filter({ hasText: 'Preferences: Color Theme', hasNotText: /Browse|Product Icon/ })
    .first()
    .click();
  await quickPickRows(page).filter({ hasText: 'Light Modern' }).first().waitFor();
  await input.fill(theme);
  await quickPickRows(page).filter({ hasText: theme }).first().waitFor();
  await input.press('Enter');
  await page.locator(`.monaco-workbench.${bodyClass}`).waitFor();
}

const quickPickRows = (page: Page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

describe('the Accounts tree as a user sees it', () => {
  let workbench: Awaited<ReturnType<typeof openWorkbench>>;
  before(async () => {
    workbench = await openWorkbench({ emulators: true, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    const { page } = workbench;
    // The view at the side bar's default width: not widened, unlike the other e2e files.
    await page.locator('.activitybar .action-item a[aria-label^="Cloud Keys"]').click();
    await sidebar(page)
      .locator('.composite.title', { hasText: /Cloud Keys/i })
      .waitFor();
  });
  after(async () => {
    await workbench?.close();
  });

  it('at the default width, rows lead with name, state and age; icons per cloud and key kind; inactive users marked', async () => {
    const { page } = workbench;
    await row(page, 'OCI').waitFor();
    const width = (await sidebar(page).boundingBox())?.width ?? 0;
    assert.ok(width < 400, `the side bar is ${width}px wide, not its default`);
    await expand(page, 'OCI', /dave\.data/);
    await expand(page, /dave\.data/, /temp-export/);
    await expand(page, /erin\.readonly/, /old-reporting/);

    // The state and the age of a key are visible, not cut off behind its id.
    const tempExport = row(page, /temp-export/);
    const shown = await descriptionShows(tempExport, 'active · created'.length);
    assert.ok(shown.shown, `"active · created" is cut off at the default width in "${shown.text}"`);
    assert.match(shown.text, /^active · created 80d ago/);

    // An OCI API signing key has an icon of its own kind (a codicon that exists, so a glyph is drawn).
    const apiKey = sidebar(page)
      .locator('.monaco-list-row:visible', { hasText: /inactive · created 240d ago/ })
      .first();
    const glyph = await iconGlyph(apiKey);
    assert.ok(!['none', 'normal', '""'].includes(glyph.content), `the API signing key's icon draws nothing (${glyph.classes})`);
    const secretGlyph = await iconGlyph(
      sidebar(page)
        .locator('.monaco-list-row:visible', { hasText: /old-reporting/ })
        .first(),
    );
    assert.ok(secretGlyph.content !== glyph.content || secretGlyph.classes.includes('warning'), 'both key kinds draw the same icon');

    // The inactive user says so.
    assert.match(await row(page, /erin\.readonly/).innerText(), /inactive/);

    // Each cloud its own icon, light here.
    const icons = await Promise.all(['OCI', 'OUTSCALE', 'IONOS Cloud'].map(async (cloud) => iconImage(row(page, cloud))));
    assert.equal(new Set(icons).size, 3, `the clouds share an icon: ${icons.join(', ')}`);
    assert.match(icons[0], /oci-light\.svg/);
    await page.mouse.move(900, 700);
    await screenshot(page, 'tree-default-width-light');

    await setTheme(page, 'Dark Modern', 'vs-dark');
    assert.match(await iconImage(row(page, 'OCI')), /oci-dark\.svg/);
    await screenshot(page, 'tree-default-width-dark');
    await setTheme(page, 'Light Modern', 'vs');
  });

  it('keeps the users that were expanded when their account is refreshed or collapsed, and across a reload', async () => {
    const { page } = workbench;
    const account = row(page, 'OCI');
    await expand(page, 'OCI', /dave\.data/);
    await expand(page, /dave\.data/, /temp-export/);

    await account.hover();
    await account.locator('.action-label[aria-label^="Refresh"]').click();
    // The account's users are read again; dave.data comes back expanded, its keys showing.
    await row(page, /temp-export/).waitFor();
    assert.ok(await expanded(row(page, /dave\.data/)), 'dave.data was collapsed by the refresh');

    await account.click(); // collapse
    await row(page, /dave\.data/).waitFor({ state: 'detached' });
    await account.click(); // expand again
    await row(page, /dave\.data/).waitFor();
    await row(page, /temp-export/).waitFor();
    assert.ok(await expanded(row(page, /dave\.data/)), 'dave.data forgot it was expanded when its account was collapsed');

    // Across a window reload too, as the Explorer keeps its folders.
    await reloadWindow(page, workbench.userDataDir);
    await showCloudKeysAgain(page);
    await row(page, /temp-export/)
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(page, 'tree-after-reload');
        throw error;
      });
    assert.ok(await expanded(row(page, 'OCI')), 'the OCI account was collapsed by the reload');
    assert.ok(await expanded(row(page, /dave\.data/)), 'dave.data was collapsed by the reload');
  });

  it('hides commands that do not apply, and says when a command has nothing to do', async () => {
    const { page } = workbench;
    // No account has more users to page in, and none is filtered.
    for (const title of ['Cloud Keys: Load More Users', 'Cloud Keys: Clear User Filter']) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      // A command that applies is listed; once the palette has filtered it out again, it has answered for `title`.
      await input.fill('>View: Toggle Zen Mode');
      const known = quickPickRows(page).filter({ hasText: 'View: Toggle Zen Mode' }).first();
      await known.waitFor();
      await input.fill(`>${title}`);
      await known.waitFor({ state: 'detached' });
      assert.equal(await quickPickRows(page).filter({ hasText: title }).count(), 0, `"${title}" is offered though it does not apply`);
      await page.keyboard.press('Escape');
    }
    await row(page, 'OCI').click({ button: 'right' });
    const menu = page.locator('.monaco-menu');
    await menu.locator('.action-item', { hasText: 'Filter Users' }).first().waitFor();
    assert.equal(
      await menu.locator('.action-item', { hasText: 'Clear User Filter' }).count(),
      0,
      'Clear User Filter is offered on an account without a filter',
    );
    await page.keyboard.press('Escape');

    await runCommand(page, 'Cloud Keys: Recover Interrupted Key Creations');
    await notification(page, /No interrupted key creations to recover/);
  });

  it('the status-bar list names cloud, account, user and key, for keys of users nobody expanded', async () => {
    const { page } = workbench;
    const item = page.locator('.part.statusbar [id="cloud-keys.cloud-keys.cloudKeys.keyAlerts"]');
    await item.waitFor();
    // Counting ends (the spinner stops) with the keys of every user read.
    await item.locator('.codicon-key').waitFor();
    const counts = /(\d+) overdue · (\d+) expiring/.exec(await item.innerText());
    assert.ok(counts, await item.innerText());
    await item.click();
    await quickPickRows(page).first().waitFor();
    await screenshot(page, 'status-bar-list-every-key');
    // The list is virtual: each row knows the length of the whole list.
    const total = Number(await quickPickRows(page).first().getAttribute('aria-setsize'));
    assert.equal(total, Number(counts[1]) + Number(counts[2]), 'the list does not match the count');
    // bob.builder was never expanded: his 412-day-old key is listed with its cloud, account and user.
    await page.locator('.quick-input-widget input').fill('ci-artifacts');
    const bob = quickPickRows(page).filter({ hasText: 'ci-artifacts' }).first();
    await bob.waitFor();
    const text = await bob.innerText();
    assert.match(text, /OCI · cloud-keys-demo · bob\.builder/);
    assert.match(text, /412 days old \(maximum 90\) · customer secret key \S+/);
    await page.keyboard.press('Escape');
  });

  it('renames a key and logs it, every cloud with one prefix style', async () => {
    const { page } = workbench;
    await expand(page, 'OCI', /dave\.data/);
    await expand(page, /dave\.data/, /temp-export/);
    await contextMenu(page, /temp-export/, 'Rename');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('temp-export-renamed');
    await input.press('Enter');
    await notification(page, /Renamed key/).catch(async (error: unknown) => {
      await screenshot(page, 'rename-failed');
      throw error;
    });
    await row(page, /temp-export-renamed/).waitFor();
    const log = cloudKeysLogs(workbench.userDataDir)
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    assert.match(log, /OCI: renamed customer secret key/);
    const styles = new Set([...log.matchAll(/\] (oci|OCI|OUTSCALE|IONOS|IONOS Cloud)[: ]/g)].map((m) => m[1]));
    assert.ok(!styles.has('oci'), `a log line starts with "oci:":\n${[...styles].join(', ')}`);
  });

  it("Create Key ends on the new key's details: its secret masked, with Reveal and Copy", async () => {
    const { page } = workbench;
    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    await contextMenu(page, /Claire Dubois/, 'Create Key…');
    const details = webview(page);
    await details.locator('.secret-value').waitFor();
    assert.match(await details.locator('.secret-value').innerText(), /^•+$/);
    await details.getByRole('button', { name: 'Reveal' }).waitFor();
    await details.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    assert.match(await details.locator('#secret-status').innerText(), /Stored in VS Code secret storage/);
    await screenshot(page, 'create-key-quick-details');
    await page.keyboard.press('Control+W');
  });

  it("the Key Age Overview table uses the panel's width", async () => {
    const { page } = workbench;
    await runCommand(page, 'Cloud Keys: Key Age Overview');
    // The side bar closed: the editor is about 1,200 px wide.
    await page.keyboard.press('Control+B');
    const overview = webview(page);
    await overview.locator('table.keys tbody tr').first().waitFor();
    const table = await overview.locator('table.keys').boundingBox();
    assert.ok(table && table.width > 1000, `the table is ${table?.width}px wide in a panel of about 1,200 px`);
    // temp-export expires in about 10 days: its date is written as people read it, not in ISO.
    const expires = await overview.locator('table.keys tbody tr', { hasText: 'temp-export' }).locator('td').nth(6).innerText();
    assert.doesNotMatch(expires, /\d{4}-\d{2}-\d{2}|^—$/, `the table shows no date or an ISO one: ${expires}`);
    assert.match(expires, /20\d\d/);
    await screenshot(page, 'overview-full-width');
    await page.keyboard.press('Control+B');
  });
});
