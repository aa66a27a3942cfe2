// The integration suite's entry point. `run` is the contract of @vscode/test-electron's
// extensionTestsPath; `runWithResults` is what the code-server runner extension calls.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  skipped: number;
  tests: TestResult[];
}

export async function runWithResults(): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'dot' });
  // CLOUD_KEYS_INTEGRATION_FILTER=<text> runs only the files whose name contains it (e.g. treeTruth).
  const only = process.env.CLOUD_KEYS_INTEGRATION_FILTER;
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && (!only || f.includes(only)))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const tests: TestResult[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'skipped' }));
    runner.on('fail', (test, error: Error) =>
      tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message }),
    );
  });
  const count = (state: TestResult['state']) => tests.filter((t) => t.state === state).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests };
}

export async function run(): Promise<void> {
  const results = await runWithResults();
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}
