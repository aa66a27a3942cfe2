// Helpers for the Cloud Keys tree as a user sees it in the browser.
import type { Locator, Page } from 'playwright-core';

export function sidebar(page: Page): Locator {
  return page.locator('.part.sidebar');
}

/** A row of the Accounts tree whose accessible label contains `text`. */
export function row(page: Page, text: string | RegExp): Locator {
  return sidebar(page).locator('.monaco-list-row:visible', { hasText: text }).first();
}

export async function openCloudKeys(page: Page): Promise<void> {
  await page.locator('.activitybar .action-item a[aria-label^="Cloud Keys"]').click();
  await sidebar(page).locator('.composite.title', { hasText: /Cloud Keys/i }).waitFor({ timeout: 15_000 });
  await widenSidebar(page, 620);
}

/** Drags the sash between the side bar and the editor so rows show their whole description. */
export async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await sidebar(page).boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/** Expands a collapsed row (a no-op on an expanded one) and waits until a child matching `child` shows. */
export async function expand(page: Page, text: string | RegExp, child: string | RegExp): Promise<void> {
  const target = row(page, text);
  await target.waitFor({ timeout: 20_000 });
  if ((await target.getAttribute('aria-expanded')) !== 'true') await target.click();
  await target.locator('xpath=self::*[@aria-expanded="true"]').waitFor({ timeout: 20_000 });
  await row(page, child).waitFor({ timeout: 20_000 });
}

/** Right-clicks a row and chooses a context-menu entry. */
export async function contextMenu(page: Page, text: string | RegExp, entry: string): Promise<void> {
  await row(page, text).click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { hasText: entry }).first();
  await item.waitFor({ timeout: 10_000 });
  // The workbench menu ignores a click that lands right after it opened; choose by keyboard instead.
  await item.hover();
  await page.keyboard.press('Enter');
}

/** Waits for a notification toast matching `text` and returns its message. */
export async function notification(page: Page, text: RegExp): Promise<string> {
  const toast = page.locator('.notification-toast .notification-list-item-message', { hasText: text }).first();
  await toast.waitFor({ timeout: 20_000 });
  return (await toast.innerText()).replace(/\u00a0/g, ' ');
}
