// Helpers for the Cloud Keys tree as a user sees it in the browser. VS Code's tree is a virtualised
// list: only the rows inside its viewport exist in the page, so a row below (or above) the visible
// part is scrolled to, as a user scrolls, before it is looked for or clicked.
import type { Locator, Page } from 'playwright-core';
import { waitUntil } from './wait';

export function sidebar(page: Page): Locator {
  return page.locator('.part.sidebar');
}

/**
 * The rows of the tree's list. Not the copies of the ancestors of the top row that VS Code's sticky
 * scroll pins above the list: those stand for rows scrolled out of view.
 */
const LIST_ROW = '.monaco-list-rows .monaco-list-row';

/** A row of the Accounts tree, rendered now, whose text contains `text` (it may be outside the viewport: see `revealRow`). */
export function row(page: Page, text: string | RegExp, attributes = ''): Locator {
  return sidebar(page).locator(`${LIST_ROW}${attributes}:visible`, { hasText: text }).first();
}

/** The Accounts tree's list (the Cloud Keys container holds that one view). */
function treeList(page: Page): Locator {
  return sidebar(page).locator('.monaco-list[role="tree"]').first();
}

/** Where the list is scrolled: VS Code moves its rows container by `top: -scrollTop` and sizes it to the full height. */
interface ScrollState {
  top: number;
  height: number;
  viewport: number;
}

/** The bits of the list's DOM read here (the test code compiles without the DOM library). */
interface RowsContainer {
  style: { top: string; height: string };
  parentElement: { clientHeight: number } | null;
}

async function scrollState(list: Locator): Promise<ScrollState> {
  return list
    .locator('.monaco-list-rows')
    .first()
    .evaluate((node) => {
      const rows = node as unknown as RowsContainer;
      return {
        top: -parseFloat(rows.style.top || '0') || 0,
        height: parseFloat(rows.style.height || '0') || 0,
        viewport: rows.parentElement?.clientHeight ?? 0,
      };
    });
}

/** Whether `target` is rendered and wholly inside the list's viewport, so a click lands on it. */
async function inView(list: Locator, target: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false;
  const [box, viewport] = await Promise.all([target.boundingBox(), list.boundingBox()]);
  return !!box && !!viewport && box.y >= viewport.y - 1 && box.y + box.height <= viewport.y + viewport.height + 1;
}

/**
 * Scrolls the tree from its top to its bottom with the mouse wheel, less than a viewport at a time (so
 * every row is wholly in view at some step), calling `visit` at each step until it returns true.
 * Returns whether it did. Each step waits for the list to have moved, not for a time.
 */
async function scrollThrough(page: Page, visit: () => Promise<boolean>): Promise<boolean> {
  const list = treeList(page);
  if ((await list.count()) === 0) return false;
  const box = await list.boundingBox();
  if (!box) return false;
  let state = await scrollState(list);
  try {
    // Below the top, where sticky scroll pins rows that do not pass the wheel on to the list.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
    while (state.top > 0) {
      const from = state.top;
      await page.mouse.wheel(0, -Math.max(state.viewport, 100));
      state = await waitUntil('the Cloud Keys tree to scroll up', async () => {
        const now = await scrollState(list);
        return now.top !== from ? now : undefined;
      });
    }
    for (;;) {
      if (await visit()) return true;
      if (state.top + state.viewport >= state.height - 1) return false;
      const from = state.top;
      // VS Code scrolls by its own step per wheel event (50 px for a 300 px wheel in code-server 4.139).
      await page.mouse.wheel(0, Math.max(20, Math.floor(state.viewport * 0.4)));
      state = await waitUntil('the Cloud Keys tree to scroll down', async () => {
        const now = await scrollState(list);
        return now.top !== from || now.top + now.viewport >= now.height - 1 ? now : undefined;
      });
    }
  } finally {
    // Away from the rows, so no row's hover covers what the test clicks next.
    await page.mouse.move(0, 0);
  }
}

/**
 * Waits until a row whose text contains `text` is in the tree, scrolling to it when it is outside the
 * rendered part of the list, and returns it (in view, ready to click or read).
 */
export async function revealRow(page: Page, text: string | RegExp): Promise<Locator> {
  return reveal(page, row(page, text), `a row ${String(text)}`);
}

async function reveal(page: Page, target: Locator, what: string): Promise<Locator> {
  const list = treeList(page);
  await waitUntil(
    `${what} in the Cloud Keys tree`,
    async () => (await inView(list, target)) || scrollThrough(page, () => inView(list, target)),
  );
  return target;
}

/** Waits until no row of the whole tree (scrolled through, top to bottom) contains `text`. */
export async function waitForNoRow(page: Page, text: string | RegExp): Promise<void> {
  const target = sidebar(page).locator(LIST_ROW, { hasText: text });
  await waitUntil(
    `no row ${String(text)} in the Cloud Keys tree`,
    async () => !(await scrollThrough(page, async () => (await target.count()) > 0)) && (await target.count()) === 0,
  );
}

/** The text of every row of the tree, top to bottom, scrolling through the whole list. */
export async function allRows(page: Page): Promise<string[]> {
  const byIndex = new Map<number, string>();
  const rows = sidebar(page).locator(LIST_ROW);
  await scrollThrough(page, async () => {
    for (const [index, text] of await rows.evaluateAll((nodes) =>
      nodes.map(
        (n) =>
          [
            Number((n as unknown as { dataset: { index?: string } }).dataset.index),
            (n as unknown as { innerText: string }).innerText,
          ] as const,
      ),
    )) {
      byIndex.set(index, text);
    }
    return false;
  });
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

export async function openCloudKeys(page: Page): Promise<void> {
  const title = sidebar(page).locator('.composite.title', { hasText: /Cloud Keys/i });
  // The activity bar button toggles: on a window that restores the view while we click (a reload),
  // the click closes it again. So click only while the view is not showing, until it shows.
  await waitUntil('the Cloud Keys view to show', async () => {
    if (await title.isVisible()) return true;
    await page.locator('.activitybar .action-item a[aria-label^="Cloud Keys"]').click();
    return title.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
  });
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

/**
 * Expands a row that has children (a no-op on an expanded one) and waits until a row one level below
 * it matches `child`. VS Code marks the row expanded at once and then loads its children, so the
 * child row is the sign that they loaded.
 */
export async function expand(page: Page, text: string | RegExp, child: string | RegExp): Promise<void> {
  // Only a row that can expand carries aria-expanded: a key row whose text also matches is skipped.
  const target = await reveal(page, row(page, text, '[aria-expanded]'), `an expandable row ${String(text)}`);
  const level = Number(await target.getAttribute('aria-level'));
  let clicked = false;
  await waitUntil(`the row ${String(text)} to expand`, async () => {
    const expanded = await target.getAttribute('aria-expanded');
    if (expanded === 'true') return true;
    if (expanded === 'false' && !clicked) {
      await target.click();
      clicked = true;
    }
    return false;
  });
  await reveal(page, row(page, child, `[aria-level="${level + 1}"]`), `a row ${String(child)} under ${String(text)}`);
}

/** Right-clicks a row and chooses a context-menu entry. */
export async function contextMenu(page: Page, text: string | RegExp, entry: string): Promise<void> {
  await (await revealRow(page, text)).click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { hasText: entry }).first();
  await item.waitFor();
  // The workbench menu ignores a click that lands right after it opened; choose by keyboard instead.
  await item.hover();
  await page.keyboard.press('Enter');
}

/** Waits for a notification toast matching `text` and returns its message. */
export async function notification(page: Page, text: RegExp): Promise<string> {
  const toast = page.locator('.notification-toast .notification-list-item-message', { hasText: text }).first();
  try {
    await toast.waitFor();
  } catch (error) {
    // Say what was on screen instead, so a failure in CI can be read without the browser.
    const shown = await page
      .locator('.notification-toast .notification-list-item-message')
      .allInnerTexts()
      .catch(() => []);
    const dialogs = await page
      .locator('.monaco-dialog-box')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(
      `no notification matching ${String(text)}; toasts shown: ${JSON.stringify(shown)}; dialogs: ${JSON.stringify(dialogs)}`,
      { cause: error },
    );
  }
  return (await toast.innerText()).replace(/\u00a0/g, ' ');
}

/** Waits until the toast matching `text` has finished sliding in (VS Code marks it so), e.g. before a screenshot. */
export async function settledNotification(page: Page, text: RegExp): Promise<void> {
  await page.locator('.notification-toast.notification-fade-in-done', { hasText: text }).first().waitFor();
}
