// Starts real VS Code (code-server) on a loopback port with given extensions installed, in a
// throw-away profile. Used by the integration and e2e tiers and by the demo.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerEntry, node24Bin } from './tools.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, deadlineMs, isAlive) {
  const deadline = Date.now() + deadlineMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('code-server exited before it answered');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
      lastError = new Error(`HTTP ${res.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${deadlineMs} ms: ${lastError?.message}`);
}

/**
 * @param {object} options
 * @param {string[]} options.extensions  .vsix files to install
 * @param {string} options.folder        the workspace folder to open
 * @param {Record<string, unknown>} [options.settings] user settings
 * @param {Record<string, string>} [options.env] extra environment for the server and its extension host
 * @param {number} [options.port]
 * @param {string} [options.logFile]     where the server's output goes
 */
export async function startCodeServer({ extensions, folder, settings = {}, env = {}, port, logFile }) {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error('code-server is not installed: run `npm run setup:vscode`');
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-vscode-'));
  const userDataDir = path.join(profile, 'data');
  const extensionsDir = path.join(profile, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  // In a server setup, VS Code reads machine-scoped settings (Cloud Keys' endpoints and config
  // paths) from the server's Machine settings, not from the browser's User settings.
  fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        // Every run is a fresh profile, so Cloud Keys would open its walkthrough in each (it opens it
        // once, on first activation, unless its setting is off), covering the editor area the tests
        // use. The first-run e2e test and the demo turn it back on.
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'cloudKeys.firstRun.openWalkthrough': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of extensions) {
    const r = spawnSync(node24Bin, [codeServerEntry, ...dirs, '--install-extension', vsix], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
  const chosenPort = port ?? (await freePort());
  const out = fs.openSync(logFile ?? path.join(profile, 'code-server.log'), 'a');
  const child = spawn(
    node24Bin,
    [
      codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${chosenPort}`,
      ...dirs,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      folder,
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: true },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${chosenPort}/?folder=${encodeURIComponent(folder)}`;
  // `keepProfile` leaves the user-data-dir in place (the caller removes `profile`), e.g. to search it.
  let stopped = false;
  const stop = async ({ keepProfile = false } = {}) => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 5000;
      while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (!exited)
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
    }
    fs.closeSync(out);
    if (!keepProfile) fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${chosenPort}/healthz`, 60_000, () => !exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port: chosenPort, profile, userDataDir, stop };
}
