#!/usr/bin/env node
// `npm test`: every tier, each bounded in time, each saying which tier failed and why, then one
// summary line "N passed, N failed[, N skipped]" over all of them. Exit code 1 if anything failed.
//   --tier <static|unit|integration|e2e>   run only that tier (repeatable); the build runs as needed
//   CLOUD_KEYS_E2E_FILTER=<text>           e2e: only the files whose path contains <text>
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep } from './lib/run-step.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const MIN = 60_000;
const VSIX = path.join(root, 'dist-package', 'cloud-keys.vsix');
const RUNNER_VSIX = path.join(root, 'out', 'test', 'runner.vsix');

const args = process.argv.slice(2);
const only = args.flatMap((a, i) => (args[i - 1] === '--tier' ? [a] : []));
const wanted = (tier) => only.length === 0 || only.includes(tier);

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const say = (line) => process.stdout.write(`${line}\n`);

function record(tier, { passed = 0, failed = 0, skipped = 0 }, why) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  if (failed > 0) problems.push(`${tier}: ${why ?? `${failed} failed`}`);
  say(`[${tier}] ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${failed && why ? ` — ${why}` : ''}`);
}

/** A command that either works or not, counted as one check. */
async function check(tier, command, commandArgs, timeoutMs) {
  const { code, timedOut } = await runStep(tier, command, commandArgs, { timeoutMs });
  const ok = code === 0 && !timedOut;
  record(tier, ok ? { passed: 1 } : { failed: 1 }, timedOut ? `timed out after ${timeoutMs / 1000} s` : `exited with ${code}`);
  return ok;
}

/** Runs node:test files, echoing the spec report and counting with our reporter. */
async function nodeTestTier(tier, files, timeoutMs, env = {}) {
  if (files.length === 0) return record(tier, { failed: 1 }, 'no test files found');
  const countFile = path.join(os.tmpdir(), `cloud-keys-${tier}-${process.pid}.json`);
  fs.rmSync(countFile, { force: true });
  const { code, timedOut } = await runStep(
    tier,
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/lib/count-reporter.mjs',
      `--test-reporter-destination=${countFile}`,
      ...files,
    ],
    { timeoutMs, env },
  );
  if (timedOut || !fs.existsSync(countFile)) {
    return record(
      tier,
      { failed: 1 },
      timedOut ? `timed out after ${timeoutMs / 1000} s` : `the test runner exited with ${code} before reporting`,
    );
  }
  const counts = JSON.parse(fs.readFileSync(countFile, 'utf8'));
  fs.rmSync(countFile, { force: true });
  record(tier, counts, counts.failures.length ? `failed: ${counts.failures.join('; ')}` : undefined);
}

function testFiles(dir, suffix) {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .filter((f) => f.endsWith(suffix))
        .map((f) => path.join(dir, f))
        .sort()
    : [];
}

async function build() {
  const steps = [
    ['package', process.execPath, ['scripts/package.mjs']],
    ['build-tests', process.execPath, ['scripts/build-tests.mjs']],
    [
      'runner',
      'npx',
      ['vsce', 'package', '--skip-license', '--no-dependencies', '--out', RUNNER_VSIX],
      'test/integration/runner-extension',
    ],
  ];
  for (const [label, command, commandArgs, cwd] of steps) {
    const { code, timedOut } = await runStep(label, command, commandArgs, { timeoutMs: 5 * MIN, cwd });
    if (code !== 0 || timedOut) {
      record('build', { failed: 1 }, `${label} ${timedOut ? 'timed out' : `exited with ${code}`}`);
      return false;
    }
  }
  return true;
}

let vscodeReady;
async function realVsCodeTier(tier, runTier) {
  vscodeReady ??= runStep('setup-vscode', process.execPath, ['scripts/setup-vscode.mjs'], { timeoutMs: 20 * MIN });
  const setup = await vscodeReady;
  if (setup.code !== 0 || setup.timedOut) {
    return record(tier, { failed: 1 }, 'real VS Code (code-server) could not be set up; see [setup-vscode] above');
  }
  await runTier();
}

const started = Date.now();
if (wanted('static')) {
  await check('lint', 'npx', ['eslint', '--max-warnings', '0', '.'], 5 * MIN);
  await check('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.'], 2 * MIN);
  await check('import-cycles', process.execPath, ['scripts/check-import-cycles.mjs'], MIN);
  await check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.'], 5 * MIN);
  await check('typecheck-webview', 'npx', ['tsc', '--noEmit', '-p', 'webview'], 5 * MIN);
}
const needsBuild = wanted('unit') || wanted('integration') || wanted('e2e');
const built = needsBuild ? await build() : true;
if (built) {
  if (wanted('unit')) await nodeTestTier('unit', testFiles('test/unit', '.test.ts'), 10 * MIN);
  if (wanted('integration')) {
    await realVsCodeTier('integration', async () => {
      const { runIntegrationTier } = await import('./tiers/integration.mjs');
      try {
        const counts = await withTimeout(
          runIntegrationTier({ root, vsix: VSIX, runnerVsix: RUNNER_VSIX, log: (line) => say(`[integration] ${line}`) }),
          8 * MIN,
        );
        record('integration', counts);
      } catch (error) {
        record('integration', { failed: 1 }, error.message);
      }
    });
  }
  if (wanted('e2e')) {
    // CLOUD_KEYS_E2E_FILTER=<text> runs only the e2e files whose path contains it (e.g. reloadFaults).
    const e2eFilter = process.env.CLOUD_KEYS_E2E_FILTER;
    const e2eFiles = testFiles('test/e2e', '.e2e.test.ts').filter((f) => !e2eFilter || f.includes(e2eFilter));
    await realVsCodeTier('e2e', () => nodeTestTier('e2e', e2eFiles, 15 * MIN, { CLOUD_KEYS_VSIX: VSIX }));
  }
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}

say('');
for (const problem of problems) say(`FAILED ${problem}`);
say(`(all tiers in ${Math.round((Date.now() - started) / 1000)} s)`);
say(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
