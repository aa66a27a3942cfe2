// The integration tier: the mocha suite in test/integration/suite, run inside a real VS Code
// extension host (code-server) by the runner extension, with the packaged Cloud Keys installed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../lib/browser.mjs';
import { startCodeServer } from '../lib/code-server.mjs';
import { startEmulators } from '../lib/emulators.mjs';

const RESULTS_TIMEOUT_MS = 180_000;

export async function runIntegrationTier({ root, vsix, runnerVsix, log }) {
  const suite = path.join(root, 'out', 'test', 'integration', 'suite', 'index.js');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-integration-'));
  const resultsFile = path.join(work, 'results.json');
  const folder = path.join(work, 'workspace');
  fs.cpSync(path.join(root, 'test', 'integration', 'workspace'), folder, { recursive: true });
  // A temporary home with the emulators' demo accounts, so the suite never sees the machine's own.
  const home = path.join(work, 'home');
  const emulators = await startEmulators(home, { seed: 'demo' });
  let server;
  try {
    server = await startCodeServer({
      extensions: [vsix, runnerVsix],
      folder,
      settings: emulators.settings,
      env: {
        ...emulators.env,
        HOME: home,
        CLOUD_KEYS_TEST_API: '1',
        CLOUD_KEYS_EMULATORS: JSON.stringify(emulators.urls),
        CLOUD_KEYS_TEST_SUITE: suite,
        CLOUD_KEYS_TEST_RESULTS: resultsFile,
      },
      logFile: path.join(work, 'code-server.log'),
    });
  } catch (error) {
    await emulators.stop();
    throw error;
  }
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    // The window's extension host starts when a browser opens the window.
    await page.goto(server.url);
    const deadline = Date.now() + RESULTS_TIMEOUT_MS;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        throw new Error(`no results from the extension host within ${RESULTS_TIMEOUT_MS / 1000} s; code-server log: ${path.join(work, 'code-server.log')}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    for (const test of results.tests) {
      const mark = test.state === 'passed' ? '✔' : test.state === 'skipped' ? '-' : '✖';
      log(`  ${mark} ${test.title}${test.durationMs ? ` (${test.durationMs} ms)` : ''}`);
      if (test.error) log(`      ${test.error.split('\n').slice(0, 8).join('\n      ')}`);
    }
    fs.rmSync(work, { recursive: true, force: true });
    return { passed: results.passed, failed: results.failed, skipped: results.skipped };
  } finally {
    await browser?.close();
    await server.stop();
    await emulators.stop();
  }
}
