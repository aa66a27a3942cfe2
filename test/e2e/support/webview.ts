// Helpers for Cloud Keys webview panels as a user sees them: the page lives two iframes deep.
import type { FrameLocator, Page } from 'playwright-core';

/** The page of the webview panel that is showing (VS Code keeps only visible webviews loaded). */
export function webview(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').filter({ visible: true }).last().contentFrame().locator('iframe#active-frame').contentFrame();
}

/** Opens a vscode-single-select and picks the option whose text matches. */
export async function choose(frame: FrameLocator, selectId: string, option: RegExp): Promise<void> {
  await frame.locator(`#${selectId}`).click();
  await frame.locator(`#${selectId}`).getByRole('option', { name: option }).first().click();
}
