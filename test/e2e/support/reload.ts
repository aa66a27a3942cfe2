// Helpers for killing the extension host mid-operation: reload the browser window (which makes
// code-server end the window's extension host and start a new one), prove that it happened, and
// answer what the new extension host asks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { sidebar } from './tree';
import { waitUntil } from './wait';

/** The ids of the extension host processes of the code-server that uses `userDataDir` (one per open window). */
export function extensionHostPids(userDataDir: string): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  // code-server (started with the user data dir) forks its server, which forks the extension hosts.
  const family = new Set(rows.filter((r) => r.args.includes(userDataDir)).map((r) => r.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) {
      if (family.has(r.ppid) && !family.has(r.pid)) {
        family.add(r.pid);
        grew = true;
      }
    }
  }
  return rows.filter((r) => family.has(r.pid) && r.args.includes('--type=extensionHost')).map((r) => r.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Cloud Keys' log of each extension host the window has had, oldest first (`exthost1`, `exthost2`…). */
export function cloudKeysLogs(userDataDir: string): string[] {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  return (fs.readdirSync(logs, { recursive: true }) as string[])
    .filter((f) => f.endsWith(path.join('cloud-keys.cloud-keys', 'Cloud Keys.log')))
    .map((f) => path.join(logs, f))
    .sort((a, b) => hostNumber(a) - hostNumber(b));
}

function hostNumber(file: string): number {
  return Number(/exthost(\d+)/.exec(file)?.[1] ?? 0);
}

/** How many times Cloud Keys has activated in this window, counted from its "activated" log lines. */
export function activations(userDataDir: string): number {
  return cloudKeysLogs(userDataDir).reduce(
    (n, f) => n + (fs.readFileSync(f, 'utf8').match(/\] Cloud Keys \S+ activated in/g)?.length ?? 0),
    0,
  );
}

/** The log of the newest extension host. */
export function latestLog(userDataDir: string): string {
  const newest = cloudKeysLogs(userDataDir).at(-1);
  return newest ? fs.readFileSync(newest, 'utf8') : '';
}

export interface Reload {
  readonly oldHost: number;
  readonly newHost: number;
}

/**
 * Reloads the window as a user does, and proves the extension host was really restarted: the old
 * extension host process has exited, a new one runs, and Cloud Keys activated once more (a new log).
 * `whileOldHostGone` runs right after the old process is seen to exit, before the workbench is back.
 */
export async function reloadWindow(page: Page, userDataDir: string, whileOldHostGone?: () => void): Promise<Reload> {
  const [oldHost, ...others] = extensionHostPids(userDataDir);
  if (oldHost === undefined || others.length > 0)
    throw new Error(`expected one extension host before the reload, found ${others.length + (oldHost ? 1 : 0)}`);
  const activatedBefore = activations(userDataDir);
  const reloaded = page.reload({ waitUntil: 'load' });
  await waitUntil(`the old extension host (pid ${oldHost}) to exit`, () => !alive(oldHost));
  whileOldHostGone?.();
  await reloaded;
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.activitybar').waitFor();
  const newHost = await waitUntil('a new extension host', () => extensionHostPids(userDataDir).find((pid) => pid !== oldHost));
  await waitUntil('Cloud Keys to activate in the new extension host', () => activations(userDataDir) > activatedBefore);
  return { oldHost, newHost };
}

/** Clicks a button of the notification toast whose message matches `message`. */
export async function answerNotification(page: Page, message: RegExp, button: string): Promise<void> {
  const toast = page.locator('.notification-toast', { has: page.locator('.notification-list-item-message', { hasText: message }) }).first();
  await toast.waitFor();
  await toast
    .locator('.monaco-button', { hasText: new RegExp(`^${button}$`) })
    .first()
    .click();
}

/** Types into the open quick pick and accepts the row that matches with Enter. */
export async function pickQuickItem(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // The pick that lists it must be the one showing before typing (one pick may follow another).
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor();
  await input.fill(text);
  // Enter accepts the focused row: wait until the filter has put the wanted one there.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first().waitFor();
  await input.press('Enter');
}

/**
 * Answers the input box titled `title` with `value` (its default value when undefined). The quick
 * input widget is reused from one question to the next, so the box is known by its title: typing
 * before it shows would go to the question before.
 */
export async function answerInputBox(page: Page, title: string, value?: string): Promise<void> {
  const input = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: title }) }).locator('input');
  await input.waitFor();
  if (value !== undefined) await input.fill(value);
  await input.press('Enter');
}

/** The hover (tooltip) of a tree row, as text. */
export async function tooltipOf(page: Page, row: ReturnType<Page['locator']>): Promise<string> {
  await page.mouse.move(0, 0);
  await row.hover();
  const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
  await hover.waitFor();
  const text = await hover.innerText();
  await page.mouse.move(0, 0);
  return text;
}

/**
 * After a reload the workbench restores the Cloud Keys view by itself: Cloud Keys activates when its
 * view opens (it has no other start-up activation), so once `reloadWindow` saw it activate, the view
 * is there or about to show. Waits for it (a click on the activity bar would close it).
 */
export async function showCloudKeysAgain(page: Page): Promise<void> {
  await sidebar(page)
    .locator('.composite.title', { hasText: /Cloud Keys/i })
    .waitFor();
}

/** Collapses every row of the Cloud Keys tree (its "Collapse All" title action), so the rows a test expands are on screen. */
export async function collapseTree(page: Page): Promise<void> {
  // The container has one view, so the view's actions sit in the side bar's title.
  await sidebar(page).locator('.composite.title').first().hover();
  const action = sidebar(page).locator('.action-label[aria-label^="Collapse All"]').first();
  await action.click();
}
