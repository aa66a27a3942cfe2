#!/usr/bin/env node
// `npm run demo`: builds and packages the extension, serves real VS Code (code-server) with it
// installed on a loopback port, prints the URL and runs until Ctrl-C, then cleans up.
//   CLOUD_KEYS_DEMO_PORT   the port to serve on (default: 8765, or a free one if taken)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startCodeServer } from './lib/code-server.mjs';
import { startEmulators } from './lib/emulators.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stdout.write(`[demo] ${line}\n`);

async function portToUse() {
  const wanted = Number(process.env.CLOUD_KEYS_DEMO_PORT ?? 8765);
  const net = await import('node:net');
  const free = await new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? wanted : freePort();
}

execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/setup-vscode.mjs'], { cwd: root, stdio: 'inherit' });

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-demo-'));
const folder = path.join(home, 'workspace');
fs.cpSync(path.join(root, 'scripts', 'demo-workspace'), folder, { recursive: true });

// The cloud emulators, with demo accounts whose config lives in this temporary home only.
const demoHome = path.join(home, 'home');
const emulators = await startEmulators(demoHome, { seed: 'demo' });
for (const [cloud, url] of Object.entries(emulators.urls)) say(`${cloud} emulator on ${url}`);

const server = await startCodeServer({
  extensions: [path.join(root, 'dist-package', 'cloud-keys.vsix')],
  folder,
  // As a newly installed extension does, Cloud Keys opens its walkthrough on its first activation.
  settings: { ...emulators.settings, 'workbench.welcomePage.walkthroughs.openOnInstall': true, 'cloudKeys.firstRun.openWalkthrough': true },
  env: { ...emulators.env, HOME: demoHome },
  port: await portToUse(),
  logFile: path.join(home, 'code-server.log'),
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await server.stop();
  await emulators.stop();
  fs.rmSync(home, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

say('Cloud Keys is running in VS Code (code-server). Open:');
process.stdout.write(`\n    ${server.url}\n\n`);
say('Click the Cloud Keys icon in the activity bar. Press Ctrl-C to stop.');
setInterval(() => {}, 1 << 30);
