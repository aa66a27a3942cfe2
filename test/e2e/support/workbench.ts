// Drives real VS Code (code-server) in Debian's Chromium: start it with the packaged extension,
// open the workbench, run commands from the Command Palette, save screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openCloudKeys } from './tree';
import { SAFETY_BOUND_MS } from './wait';

export const root = path.resolve(__dirname, '..', '..', '..');
export const resultsDir = path.join(root, 'test-results');

interface CodeServer {
  url: string;
  userDataDir: string;
  stop(): Promise<void>;
}

export interface Workbench {
  page: Page;
  close(): Promise<void>;
}

interface Emulators {
  env: Record<string, string>;
  settings: Record<string, string>;
  urls: Record<string, string>;
  running: Record<string, unknown>;
  stop(): Promise<void>;
}

/**
 * Starts code-server with the packaged extension and opens its workbench in a fresh browser. With
 * `emulators`, the three cloud emulators run and their demo accounts are configured in a temporary
 * home; without, that home is empty. `settings` are added to the user settings (e.g. a colour theme).
 */
export async function openWorkbench(
  options: { folder?: string; emulators?: boolean; settings?: Record<string, unknown> } = {},
): Promise<Workbench & { urls: Record<string, string>; emulators: Record<string, unknown>; userDataDir: string; home: string }> {
  const { startCodeServer } = (await import(path.join(root, 'scripts/lib/code-server.mjs'))) as {
    startCodeServer(o: object): Promise<CodeServer>;
  };
  const { launchBrowser } = (await import(path.join(root, 'scripts/lib/browser.mjs'))) as { launchBrowser(): Promise<Browser> };
  const vsix = process.env.CLOUD_KEYS_VSIX ?? path.join(root, 'dist-package', 'cloud-keys.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-e2e-'));
  const folder = options.folder ?? path.join(work, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  const home = path.join(work, 'home');
  fs.mkdirSync(home, { recursive: true });
  let emulators: Emulators | undefined;
  if (options.emulators) {
    const { startEmulators } = (await import(path.join(root, 'scripts/lib/emulators.mjs'))) as {
      startEmulators(home: string, o: object): Promise<Emulators>;
    };
    emulators = await startEmulators(home, { seed: 'demo' });
  }
  const server = await startCodeServer({
    extensions: [vsix],
    folder,
    settings: { ...(emulators?.settings ?? {}), ...(options.settings ?? {}) },
    env: { ...(emulators?.env ?? {}), HOME: home },
  });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Every Playwright wait (a locator's waitFor, a click waiting for its element) waits for a state;
  // the only limit is the safety bound, never a guess at how long a step takes.
  page.setDefaultTimeout(SAFETY_BOUND_MS);
  await page.goto(server.url);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.activitybar').waitFor();
  return {
    page,
    urls: emulators?.urls ?? {},
    // The running emulators by cloud id (their state, faults and calls) and VS Code's user data
    // (its logs), for tests that check what happened behind the workbench.
    emulators: emulators?.running ?? {},
    userDataDir: server.userDataDir,
    // The temporary home code-server runs with (its HOME): the emulators' demo config files live under it.
    home,
    async close() {
      await browser.close();
      await server.stop();
      await emulators?.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * For the enclosing `describe`: a workbench with the emulators' demo accounts and the Cloud Keys view
 * open before its tests, closed after them. `opened` receives it.
 */
export function useDemoWorkbench(opened: (workbench: Workbench) => void): void {
  let workbench: Workbench | undefined;
  before(async () => {
    workbench = await openWorkbench({ emulators: true });
    await openCloudKeys(workbench.page);
    opened(workbench);
  });
  after(async () => {
    await workbench?.close();
  });
}

/**
 * Opens the Command Palette, types a command's title and runs it. If the command's row does not show
 * (the keypress went to a webview, or another quick input was open and took the text), the quick
 * input is closed and the palette opened again, at most three times; the last failure says what the
 * quick input showed instead.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('F1');
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: attempt < 3 ? 30_000 : 60_000 });
      break;
    } catch (error) {
      if (attempt >= 3) {
        const shown = await page
          .locator('.quick-input-widget')
          .innerText()
          .catch(() => '(no quick input)');
        throw new Error(`"${title}" did not show in the Command Palette; the quick input showed: ${shown.slice(0, 300)}`, {
          cause: error,
        });
      }
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }
  }
  await input.press('Enter');
}

/**
 * A notification's message, read from the notification center, which keeps it after its toast has
 * gone (VS Code hides an information toast after a while, sooner than a loaded machine may look).
 * Leaves the center open.
 */
export async function notificationInCenter(page: Page, text: RegExp): Promise<string> {
  await runCommand(page, 'Notifications: Show Notifications');
  const item = page.locator('.notifications-center .notification-list-item-message', { hasText: text }).first();
  await item.waitFor();
  return (await item.innerText()).replace(/\u00a0/g, ' ');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
