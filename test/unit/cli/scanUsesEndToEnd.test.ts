/**
 * `cloud-keys scan` and `cloud-keys uses`, the BUILT executable against the three emulators: a
 * planted emulator key id is found with its owner and a decoy is not; SARIF that the OASIS schema
 * accepts, located in files; a pre-commit hook in a temporary git repository that blocks a staged
 * key and lets the commit through once it is gone; `uses` printing file:line. No secret is ever
 * printed (the harness checks every run, the planted secret included).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clearFaults, fault, run, startCliHarness, type CliHarness } from './cliHarness';
import { sarifValidator } from './sarifSchema';

/** A value of the OUTSCALE secret key's shape (40 letters and digits): planted, and never to be printed. */
const PLANTED_SECRET = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXw';
/** The shape of an OUTSCALE access key id, assigned to a name that says nothing: a decoy. */
const DECOY = 'Q7RT5KX2M9ZP4WVN8LJ3';

interface AuditedKey {
  readonly cloud: string;
  readonly account: string;
  readonly user: string;
  readonly keyId: string;
  readonly state: string;
}

describe('cloud-keys scan and uses against the emulators', () => {
  let harness: CliHarness;
  /** An active OUTSCALE key of the demo's "terraform" user, as `cloud-keys audit` lists it. */
  let key: AuditedKey;
  let work: string;

  const git = (cwd: string, ...args: string[]) => run('git', args, { cwd, env: { ...harness.env, GIT_CONFIG_NOSYSTEM: '1' } });

  before(async () => {
    harness = await startCliHarness();
    harness.secrets.push(PLANTED_SECRET);
    const audit = JSON.parse((await harness.cloudKeys(['audit', '--cloud', 'outscale', '--format', 'json'])).stdout) as {
      keys: AuditedKey[];
    };
    key = audit.keys.find((k) => k.user === 'terraform' && k.state === 'active')!;
    assert.ok(key, 'the demo has an active key of user terraform');
    work = fs.mkdtempSync(path.join(harness.home, 'work-'));
  });

  after(async () => {
    await harness?.close();
  });

  /** A fresh repository with a planted file and a decoy, committed nowhere yet. */
  async function plantedRepo(name: string): Promise<string> {
    const repo = path.join(work, name);
    fs.mkdirSync(path.join(repo, 'deploy'), { recursive: true });
    fs.writeFileSync(
      path.join(repo, 'deploy', 'app.env'),
      `# deploy settings\nREGION=eu-west-2\nOSC_ACCESS_KEY=${key.keyId}\nOSC_SECRET_KEY=${PLANTED_SECRET}\n`,
    );
    fs.writeFileSync(path.join(repo, 'notes.txt'), `build = "${DECOY}"\nchecksum: ${DECOY}\n`);
    await git(repo, 'init', '-q', '-b', 'main');
    await git(repo, 'config', 'user.email', 'ci@example.com');
    await git(repo, 'config', 'user.name', 'CI');
    return repo;
  }

  it("finds a planted emulator key id with its owner, the secret next to it as probably that key's, and not the decoy", async () => {
    const repo = await plantedRepo('scan-json');
    const { code, stdout, stderr } = await harness.cloudKeys(['scan', '--format', 'json'], {}, repo);
    assert.equal(stderr, '');
    assert.equal(code, 0, 'no finding reaches --fail-on error: the CLI holds no secret, so an id and an unknown secret are warnings');
    const doc = JSON.parse(stdout);
    assert.deepEqual(
      doc.findings.map((f: { file: string; line: number; part: string; severity: string }) => [f.file, f.line, f.part, f.severity]),
      [
        ['deploy/app.env', 3, 'key-id', 'warning'],
        ['deploy/app.env', 4, 'secret', 'warning'],
      ],
    );
    const [id, secret] = doc.findings;
    assert.deepEqual(id.owner, {
      cloud: 'outscale',
      account: 'demo',
      user: 'terraform',
      keyId: key.keyId,
      keyKind: 'access-key',
      state: 'active',
    });
    assert.match(id.message, /^Key id of terraform's active OUTSCALE access key .+ days old, in account "demo"\.$/);
    assert.equal(id.snippet, 'OSC_ACCESS_KEY=[key id]');
    assert.equal(secret.probableOwner.user, 'terraform');
    assert.match(secret.message, /^Probably the secret key of terraform's active OUTSCALE access key/);
    assert.ok(!stdout.includes(DECOY), 'the decoy is not reported');
    assert.equal(doc.summary.filesScanned, 2);
    assert.equal(doc.summary.inventory.accounts, 3);
    assert.equal(doc.summary.inventory.secretsCompared, false);

    const failing = await harness.cloudKeys(['scan', '--fail-on', 'warning'], {}, repo);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /^deploy\/app\.env:3:16: warning: Key id of terraform's active OUTSCALE access key/m);
    assert.match(failing.stdout, /^ {4}OSC_SECRET_KEY=\[(secret|redacted)\]$/m);
    assert.ok(
      !failing.stdout.split('\n').some((line) => line.startsWith('    ') && line.includes(key.keyId)),
      'the value is masked in the lines shown (the id is named only in the message)',
    );
  });

  it('offline, finds the same values by shape only, with no owner and no cloud call', async () => {
    const repo = await plantedRepo('scan-offline');
    const before = harness.outscale.calls.length;
    const { code, stdout } = await harness.cloudKeys(
      ['scan', 'deploy', 'notes.txt', '--offline', '--format', 'json', '--fail-on', 'info'],
      {},
      repo,
    );
    assert.equal(code, 1);
    const doc = JSON.parse(stdout);
    assert.deepEqual(
      doc.findings.map((f: { part: string; owner?: unknown }) => [f.part, f.owner ?? null]),
      [
        ['key-id', null],
        ['secret', null],
      ],
    );
    assert.match(doc.findings[0].message, /not a key of your configured accounts/);
    assert.equal(doc.summary.inventory, null);
    assert.equal(harness.outscale.calls.length, before, 'no OUTSCALE call was made');
  });

  it('writes SARIF that the OASIS schema accepts, each result located in its file, relative to the repository, and masked', async () => {
    const repo = await plantedRepo('scan-sarif');
    const { code, stdout } = await harness.cloudKeys(['scan', '--format', 'sarif', '--fail-on', 'warning'], {}, path.join(repo, 'deploy'));
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assert.deepEqual(sarifValidator()(log), []);
    const results = log.runs[0].results;
    assert.deepEqual(
      results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
      [
        ['CK102', 'warning'],
        ['CK101', 'warning'],
      ],
    );
    const location = results[0].locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'deploy/app.env', uriBaseId: '%SRCROOT%' });
    assert.equal(location.region.startLine, 3);
    assert.equal(location.region.startColumn, 16);
    assert.equal(location.region.snippet.text, 'OSC_ACCESS_KEY=[key id]');
    assert.ok(
      results.every(
        (r: { locations: { physicalLocation: { region: { snippet: { text: string } } } }[] }) =>
          !r.locations[0].physicalLocation.region.snippet.text.includes(key.keyId),
      ),
    );
  });

  it('still prints its findings and exits 3 when an account cannot be read', async () => {
    const repo = await plantedRepo('scan-fault');
    await fault(harness.oci.url, { route: '*', kind: 'status', status: 401 });
    try {
      const { code, stdout, stderr } = await harness.cloudKeys(['scan', '--format', 'json'], {}, repo);
      assert.equal(code, 3);
      assert.match(stderr, /^cloud-keys: cloud-keys-demo: .+/m);
      const doc = JSON.parse(stdout);
      assert.equal(doc.summary.complete, false);
      assert.equal(doc.findings[0].owner.user, 'terraform');
    } finally {
      await clearFaults(harness.oci.url);
    }
  });

  it('as a pre-commit hook, blocks a commit that stages a key and lets it through once the key is gone; it reads the index, not the working tree', async () => {
    const repo = await plantedRepo('hook');
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    // The README's hook, with the built bundle in place of `npx cloud-keys`.
    fs.writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${harness.cli}" scan --staged --fail-on warning\n`, { mode: 0o755 });
    await git(repo, 'add', 'deploy/app.env', 'notes.txt');
    const blocked = await git(repo, 'commit', '-m', 'add deploy settings').then(
      () => assert.fail('the commit went through'),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    assert.notEqual(blocked.code, 0);
    const printed = `${blocked.stdout}${blocked.stderr}`;
    assert.match(printed, /deploy\/app\.env:3:16: warning: Key id of terraform's active OUTSCALE access key/);
    for (const secret of harness.secrets) assert.ok(!printed.includes(secret), 'the hook printed a secret');
    await assert.rejects(git(repo, 'rev-parse', 'HEAD'), 'nothing was committed');

    // The key moves to the environment; the staged file no longer holds it, and the commit passes.
    fs.writeFileSync(path.join(repo, 'deploy', 'app.env'), '# deploy settings\nREGION=eu-west-2\nOSC_ACCESS_KEY=${OSC_ACCESS_KEY}\n');
    await git(repo, 'add', 'deploy/app.env');
    // Only the index counts: the key written back into the working tree, unstaged, does not block.
    fs.appendFileSync(path.join(repo, 'deploy', 'app.env'), `OSC_SECRET_KEY=${PLANTED_SECRET}\n`);
    await git(repo, 'commit', '-q', '-m', 'add deploy settings');
    assert.match((await git(repo, 'log', '--oneline')).stdout, /add deploy settings/);
  });

  it('on a terminal, shows progress on stderr (util-linux script gives it a pseudo-terminal); piped, none', async (t) => {
    if (!fs.existsSync('/usr/bin/script')) return t.skip('util-linux script is not installed');
    const repo = await plantedRepo('scan-tty');
    const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, harness.cli, 'scan', '--offline'].map(quote).join(' ');
    const { stdout: screen } = await run('/usr/bin/script', ['-qec', command, '/dev/null'], { env: harness.env, cwd: repo });
    assert.ok(screen.includes('\r\u001b[KScanning 1: '), 'a progress line, redrawn in place');
    assert.match(screen, /deploy\/app\.env:4:16: warning: Looks like an OUTSCALE secret key/);
    for (const secret of harness.secrets) assert.ok(!screen.includes(secret), 'the terminal showed a secret');
    assert.equal((await harness.cloudKeys(['scan', '--offline'], {}, repo)).stderr, '');
  });

  it('refuses --staged outside a git repository and a path that does not exist, with exit 2', async () => {
    const outside = fs.mkdtempSync(path.join(harness.home, 'plain-'));
    const staged = await harness.cloudKeys(['scan', '--staged', '--offline'], { GIT_CEILING_DIRECTORIES: harness.home }, outside);
    assert.equal(staged.code, 2);
    assert.match(staged.stderr, /--staged scans the files staged in a git repository: run it inside one/);
    const missing = await harness.cloudKeys(['scan', 'nowhere', '--offline'], {}, outside);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or folder: "nowhere"/);
  });

  it('uses: finds a planted id in a folder and prints file:line, exits 1; an unknown key exits 2 naming it', async () => {
    const folder = path.join(work, 'uses');
    fs.mkdirSync(path.join(folder, 'ci'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'ci', '.env'),
      `# ci\nREGION=eu-west-2\nOSC_ACCESS_KEY=${key.keyId}\nOSC_SECRET_KEY=${PLANTED_SECRET}\n`,
    );
    fs.writeFileSync(path.join(folder, 'README.md'), 'nothing here\n');
    const text = await harness.cloudKeys(['uses', key.keyId, '--no-shell-files'], {}, folder);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^Uses of the OUTSCALE access key .+ of terraform \(active\) in account "demo":$/m);
    assert.match(text.stdout, /^ci\/\.env:3:16: key id \(dotenv; managed: unknown\)$/m);
    assert.match(text.stdout, /^1 use in \d+ files searched/m);

    const json = JSON.parse(
      (await harness.cloudKeys(['uses', key.keyId, '--format', 'json', '--no-cli-files', '--no-shell-files'], {}, folder)).stdout,
    );
    assert.deepEqual(
      json.uses.map((u: { file: string; line: number; matched: string }) => [u.file, u.line, u.matched]),
      [[path.join(folder, 'ci', '.env'), 3, 'key-id']],
    );

    const none = await harness.cloudKeys(
      [
        'uses',
        key.keyId,
        '--no-current-folder',
        '--no-cli-files',
        '--no-shell-files',
        '--path',
        path.join(folder, 'README.md', '..', 'nowhere'),
      ],
      {},
      folder,
    );
    assert.equal(none.code, 0);
    assert.match(none.stdout, /^No use found/m);

    const unknown = await harness.cloudKeys(['uses', 'NOSUCHKEY0000000000'], {}, folder);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /No key "NOSUCHKEY0000000000" among the \d+ keys of 3 accounts read/);
  });
});
