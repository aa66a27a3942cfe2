/**
 * The BUILT `cloud-keys` executable, run as a child process against the three emulators (demo
 * seed, every key secret starting with a canary): exit codes, stdout in each format, stderr.
 * The harness (cliHarness.ts) builds the bundle into a temporary folder first.
 */
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { cloudModule as outscaleModule } from '../../../src/clouds/outscale/index';
import { redactText } from '../../../src/util/redact';
import type { RunningOciEmulator } from '../../emulators/oci';
import { MemoryCredentials, RecordingLogger } from '../../support/testDoubles';
import { clearFaults, fault, ROOT, run, startCliHarness, type CliHarness } from './cliHarness';
import { sarifValidator } from './sarifSchema';

describe('the cloud-keys executable against the emulators', () => {
  let harness: CliHarness;
  let home: string;
  let cli: string;
  let env: Record<string, string>;
  let oci: RunningOciEmulator;
  let secrets: string[];
  const cloudKeys = (args: string[], extraEnv: Record<string, string> = {}) => harness.cloudKeys(args, extraEnv);

  before(async () => {
    harness = await startCliHarness();
    ({ home, cli, env, oci, secrets } = harness);
  });

  after(async () => {
    await harness?.close();
  });

  it('prints its version, the same as package.json', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(await cloudKeys(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it("audits every key of the three accounts as JSON when piped, exits 1 for the demo's old keys, and shows no progress", async () => {
    const { code, stdout, stderr } = await cloudKeys(['audit']);
    assert.equal(code, 1);
    assert.equal(stderr, '', 'nothing on stderr when piped and all was read');
    const doc = JSON.parse(stdout);
    assert.equal(doc.summary.accounts, 3);
    assert.equal(doc.summary.complete, true);
    assert.deepEqual([...new Set(doc.keys.map((k: { cloud: string }) => k.cloud))].sort(), ['ionos', 'oci', 'outscale']);
    assert.equal(doc.summary.keys, doc.keys.length);
    assert.ok(doc.summary.failing > 0 && doc.summary.byStatus.old > 0);
    for (const key of doc.keys) {
      assert.equal(key.findings.length > 0, ['old', 'expired', 'expiring'].includes(key.status), `${key.keyId} ${key.status}`);
    }
  });

  it('exits 0 when every key meets the policy: IONOS keys against a lenient one', async () => {
    const { code, stdout } = await cloudKeys(['audit', '--cloud', 'ionos', '--max-age-days', '100000', '--format', 'json']);
    assert.equal(code, 0);
    const doc = JSON.parse(stdout);
    assert.equal(doc.summary.failing, 0);
    assert.ok(doc.keys.length > 0);
    assert.ok(doc.keys.every((k: { cloud: string }) => k.cloud === 'ionos'));
  });

  it('narrows to one account by --account, and writes CSV that csv-parse reads back', async () => {
    const json = JSON.parse((await cloudKeys(['audit', '--account', 'demo', '--format', 'json'])).stdout);
    const { code, stdout } = await cloudKeys(['audit', '--account', 'demo', '--format', 'csv']);
    assert.equal(code, 1);
    const records = parse(stdout, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, json.keys.length);
    assert.ok(records.every((r) => r.Cloud === 'OUTSCALE' && r.Account === 'demo'));
    assert.deepEqual(records.map((r) => r['Key ID']).sort(), json.keys.map((k: { keyId: string }) => k.keyId).sort());
  });

  it('writes Markdown and SARIF that the OASIS schema accepts', async () => {
    const md = await cloudKeys(['audit', '--format', 'markdown']);
    assert.equal(md.code, 1);
    assert.match(md.stdout, /^# Cloud key ages, \d{4}-\d{2}-\d{2}\n\nPolicy: rotate after 90 days/);
    const sarif = await cloudKeys(['audit', '--format', 'sarif', '--max-age-days', '60']);
    assert.equal(sarif.code, 1);
    const log = JSON.parse(sarif.stdout);
    assert.deepEqual(sarifValidator()(log), []);
    assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'CK001'));
    assert.equal(log.runs[0].properties.maxAgeDays, 60);
  });

  it('on a terminal, prints a table by default and shows progress on stderr (util-linux script gives it a pseudo-terminal)', async (t) => {
    if (!fs.existsSync('/usr/bin/script')) return t.skip('util-linux script is not installed');
    const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, cli, 'audit'].map(quote).join(' ');
    // script exits with the command's code; the terminal carries stdout and stderr together.
    let code = 0;
    let screen = '';
    try {
      ({ stdout: screen } = await run('/usr/bin/script', ['-qec', command, '/dev/null'], { env }));
    } catch (error) {
      const failed = error as { code?: number; stdout?: string };
      code = failed.code ?? -1;
      screen = failed.stdout ?? '';
    }
    assert.equal(code, 1);
    assert.match(screen, /CLOUD\s+ACCOUNT\s+USER\s+KEY\s+STATE\s+AGE\s+EXPIRES\s+POLICY/);
    assert.match(screen, /keys in 3 accounts/);
    assert.ok(
      screen.includes('\r\u001b[KFinding accounts') || screen.includes('\r\u001b[KReading keys'),
      'a progress line, redrawn in place',
    );
    for (const secret of secrets) assert.ok(!screen.includes(secret), 'the terminal showed a secret');
  });

  it('exits 3 when an account cannot be read, naming it on stderr, and still prints the other accounts', async () => {
    await fault(oci.url, { route: '*', kind: 'status', status: 401 });
    try {
      const { code, stdout, stderr } = await cloudKeys(['audit', '--format', 'json']);
      assert.equal(code, 3);
      assert.match(stderr, /^cloud-keys: cloud-keys-demo: .+/m);
      const doc = JSON.parse(stdout);
      assert.equal(doc.summary.complete, false);
      assert.deepEqual([...new Set(doc.keys.map((k: { cloud: string }) => k.cloud))].sort(), ['ionos', 'outscale']);
      assert.equal(doc.problems[0].kind, 'cloud');
    } finally {
      await clearFaults(oci.url);
    }
  });

  it("exits 2 for an unreadable config file, with the extension's own message, and audits the rest", async () => {
    const broken = path.join(home, 'broken-osc.json');
    fs.writeFileSync(broken, '{ "demo": ', { mode: 0o600 });
    const extension = await outscaleModule.discoverAccounts({
      logger: new RecordingLogger(),
      credentials: new MemoryCredentials(),
      prompts: { askPassphrase: async () => undefined },
      settings: {},
      env: { OSC_CONFIG_FILE: broken },
      homeDir: home,
      http: {},
    });
    assert.equal(extension.problems.length, 1);
    const { code, stdout, stderr } = await cloudKeys(['audit', '--format', 'json'], { OSC_CONFIG_FILE: broken });
    assert.equal(code, 2);
    // The extension's message, through the same redaction as its log (it names secret_key, so that part reads [redacted]).
    assert.ok(stderr.includes(redactText(extension.problems[0].message)), `stderr: ${stderr}`);
    assert.ok(stderr.includes(broken));
    const doc = JSON.parse(stdout);
    assert.ok(doc.keys.some((k: { cloud: string }) => k.cloud === 'oci'));
  });

  it('exits 2 for a bad flag value or an unknown account, saying how to fix it, before reading any cloud', async () => {
    const before = oci.calls.length;
    const bad = await cloudKeys(['audit', '--expiry-warning-days', 'soon']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /--expiry-warning-days takes a whole number of days, 0 or more/);
    const unknown = await cloudKeys(['audit', '--account', 'nosuch']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /--account "nosuch" matches no account\. Accounts found: .*cloud-keys-demo \(oci\).*demo \(outscale\)/);
    assert.equal(oci.calls.length, before, 'no OCI call was made');
  });

  it('never prompts for an OCI key passphrase when not on a terminal: it says which variable to set', async () => {
    const { code, stderr } = await cloudKeys(['audit', '--cloud', 'oci'], { OCI_CONFIG_FILE: encryptedProfile(home, oci) });
    assert.equal(code, 3);
    assert.match(
      stderr,
      /is encrypted and needs a passphrase\. Add pass_phrase to the profile cloud-keys-demo, or set CLOUD_KEYS_OCI_PASSPHRASE/,
    );
  });

  it('opens an encrypted OCI key with CLOUD_KEYS_OCI_PASSPHRASE', async () => {
    const { code, stdout } = await cloudKeys(['audit', '--cloud', 'oci'], {
      OCI_CONFIG_FILE: encryptedProfile(home, oci),
      CLOUD_KEYS_OCI_PASSPHRASE: 'correct horse',
    });
    assert.equal(code, 1);
    assert.ok(JSON.parse(stdout).keys.length > 0);
  });
});

/** A copy of the demo OCI profile whose key file is encrypted with the passphrase "correct horse". */
function encryptedProfile(home: string, oci: RunningOciEmulator): string {
  const dir = path.join(home, 'oci-encrypted');
  fs.mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'key.pem');
  const pem = createPrivateKey(oci.caller.privateKeyPem).export({
    type: 'pkcs8',
    format: 'pem',
    cipher: 'aes-256-cbc',
    passphrase: 'correct horse',
  });
  fs.writeFileSync(keyFile, pem, { mode: 0o600 });
  const config = fs.readFileSync(path.join(home, 'oci', '.oci', 'config'), 'utf8').replace(/^key_file=.*$/m, `key_file=${keyFile}`);
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, config, { mode: 0o600 });
  return file;
}
