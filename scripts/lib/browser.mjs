// Debian's Chromium, driven by playwright-core, with the flags this closed network needs.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './tools.mjs';

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
