// The integration tier: the mocha suite in test/integration/suite, run inside a real VS Code
// extension host (code-server) by the runner extension, with the packaged Cloud Keys installed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../lib/browser.mjs';
import { startCodeServer } from '../lib/code-server.mjs';
import { startEmulators } from '../lib/emulators.mjs';
import { dumpBrowserStorage } from '../lib/canary-search.mjs';
import { newCanary, reportCanarySearch } from './canary.mjs';

const RESULTS_TIMEOUT_MS = 180_000;

/**
 * One check: every request the extension sent to the emulators, and every answer they gave, was one
 * its vendor's spec allows (the emulators record them, see test/emulators/shared/contract/).
 */
function reportContracts(running, log) {
  // An emulator may serve a second API on a port of its own (IONOS: the Object Storage Management API).
  const servers = Object.values(running).flatMap((emulator) => [emulator, ...(emulator.objectStorage ? [emulator.objectStorage] : [])]);
  const reports = servers.flatMap((server) => (server.contract ? [server.contract] : []));
  for (const r of reports)
    log(
      `  contract ${r.cloud}: ${r.requests} requests and ${r.responses} responses validated against ${r.spec}, ${r.violations.length} violations`,
    );
  const violations = reports.flatMap((r) => r.violations);
  for (const violation of [...new Set(violations)].slice(0, 10)) log(`  ✖ contract violation: ${violation}`);
  return violations.length ? { passed: 0, failed: 1 } : { passed: 1, failed: 0 };
}

export async function runIntegrationTier({ root, vsix, runnerVsix, log }) {
  const suite = path.join(root, 'out', 'test', 'integration', 'suite', 'index.js');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-integration-'));
  const resultsFile = path.join(work, 'results.json');
  const folder = path.join(work, 'workspace');
  fs.cpSync(path.join(root, 'test', 'integration', 'workspace'), folder, { recursive: true });
  // A temporary home with the emulators' demo accounts, so the suite never sees the machine's own.
  const home = path.join(work, 'home');
  // Every key secret the emulators hand out starts with this canary; after the suite, everything
  // written is searched for it (see canary.mjs).
  const canary = newCanary();
  const emulators = await startEmulators(home, { seed: 'demo', canary });
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
        throw new Error(
          `no results from the extension host within ${RESULTS_TIMEOUT_MS / 1000} s; code-server log: ${path.join(work, 'code-server.log')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    const output = [];
    for (const test of results.tests) {
      const mark = test.state === 'passed' ? '✔' : test.state === 'skipped' ? '-' : '✖';
      output.push(`  ${mark} ${test.title}${test.durationMs ? ` (${test.durationMs} ms)` : ''}`);
      if (test.error) output.push(`      ${test.error.split('\n').slice(0, 8).join('\n      ')}`);
    }
    // Leave the workbench (so it flushes its state) for a page of the same origin, whose storage is the workbench's.
    await page.goto(new URL('/healthz', server.url).href);
    const browserStorage = await dumpBrowserStorage(page);
    await browser.close();
    browser = undefined;
    await server.stop({ keepProfile: true });
    const canaryCheck = reportCanarySearch({
      canary,
      work,
      home,
      folder,
      profile: server.profile,
      userDataDir: server.userDataDir,
      browserStorage,
      output: output.join('\n'),
      log,
    });
    for (const line of output) log(line);
    const contractCheck = reportContracts(emulators.running, log);
    fs.rmSync(server.profile, { recursive: true, force: true });
    if (canaryCheck.passed) fs.rmSync(work, { recursive: true, force: true });
    return {
      passed: results.passed + canaryCheck.passed + contractCheck.passed,
      failed: results.failed + canaryCheck.failed + contractCheck.failed,
      skipped: results.skipped,
    };
  } finally {
    await browser?.close();
    await server.stop();
    await emulators.stop();
  }
}
