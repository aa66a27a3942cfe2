#!/usr/bin/env node
// The integration suite under @vscode/test-electron, for machines that can download VS Code
// desktop (this one cannot; `npm test` runs the same suite in code-server instead).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/build-tests.mjs'], { cwd: root, stdio: 'inherit' });
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-electron-'));
fs.cpSync(path.join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  process.stderr.write(`test:electron failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
