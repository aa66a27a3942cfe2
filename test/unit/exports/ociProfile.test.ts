import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigFileReader } from 'oci-common';
import { parseConfigFile, resolveProfile } from '../../../src/clouds/oci/configFile';
import { fingerprintOf, generateRsaKeyPair, type GeneratedKeyPair } from '../../../src/clouds/oci/publicKey';
import { CloudError } from '../../../src/model/cloudError';
import type { AccessKey } from '../../../src/model/types';
import { ExportUpdater } from '../../../src/operations/exports/exportUpdater';
import {
  applyOciProfile,
  defaultOciConfigFile,
  planOciProfile,
  suggestKeyFile,
  suggestProfileName,
  validateOciProfileName,
  type OciProfileTarget,
} from '../../../src/operations/exports/ociConfigProfile';
import { ExportRecords, MemoryExportStorage, type ExportRecord } from '../../../src/operations/exports/records';
import { RecordingLogger } from '../../support/testDoubles';
import * as ociProfileModule from '../../../src/operations/exports/ociProfileModule';

const homes: string[] = [];
process.on('exit', () => {
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

function tempHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-ociprofile-'));
  homes.push(home);
  return home;
}

// Two pairs serve every test: generating RSA keys is the slow part.
const PAIR: GeneratedKeyPair = generateRsaKeyPair(2048);
const OTHER: GeneratedKeyPair = generateRsaKeyPair(2048);

const ENTRIES = {
  user: 'ocid1.user.oc1..aaaaalice',
  fingerprint: PAIR.publicKey.fingerprint,
  tenancy: 'ocid1.tenancy.oc1..aaaatenancy',
  region: 'eu-frankfurt-1',
};

const EXISTING = [
  '# my OCI config: keep this comment',
  '[DEFAULT]',
  'user=ocid1.user.oc1..aaaadefault',
  'fingerprint=11:22:33:44:55:66:77:88:99:00:aa:bb:cc:dd:ee:ff',
  'tenancy=ocid1.tenancy.oc1..aaaatenancy',
  'region=us-ashburn-1',
  'key_file=~/.oci/default.pem',
  '',
  '# the CI profile',
  '[ci]',
  'region = eu-amsterdam-1',
  '',
].join('\n');

function target(home: string, overrides: Partial<OciProfileTarget> = {}): OciProfileTarget {
  return {
    configFile: path.join(home, '.oci', 'config'),
    profile: 'alice',
    keyFile: path.join(home, '.oci', 'alice.pem'),
    entries: ENTRIES,
    ...overrides,
  };
}

function writeConfig(home: string, text: string): string {
  const file = path.join(home, '.oci', 'config');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o644 });
  return file;
}

function mode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

/** The profile as the OCI SDK for TypeScript reads it (its own config file reader, not ours). */
function sdkProfile(configFile: string, profile: string): Record<string, string | null> {
  const info = console.info;
  console.info = () => undefined; // the reader announces a missing [DEFAULT] on the console
  try {
    const file = ConfigFileReader.parseFileFromPath(configFile, profile);
    return Object.fromEntries(
      ['user', 'fingerprint', 'tenancy', 'region', 'key_file', 'pass_phrase'].map((key) => [key, file.get(key) ?? null]),
    );
  } finally {
    console.info = info;
  }
}

function refused(code: string, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('OCI profile export: plan, diff and write', () => {
  it('creates the config file and the key file, both 0600, read back by our parser and by the OCI SDK reader', async () => {
    const home = tempHome();
    const t = target(home);
    const plan = planOciProfile(t);
    assert.equal(fs.existsSync(t.configFile), false, 'planning writes nothing');
    await applyOciProfile(plan, PAIR.privateKey);

    assert.equal(mode(t.configFile), 0o600);
    assert.equal(mode(t.keyFile), 0o600);
    assert.equal(fs.readFileSync(t.keyFile, 'utf8'), PAIR.privateKey.reveal());
    const ours = resolveProfile(parseConfigFile(fs.readFileSync(t.configFile, 'utf8')), 'alice');
    assert.deepEqual(Object.fromEntries(ours ?? []), { ...ENTRIES, key_file: t.keyFile });
    assert.deepEqual(sdkProfile(t.configFile, 'alice'), { ...ENTRIES, key_file: t.keyFile, pass_phrase: null });
    // The key the profile names is the key it says: its public half has the profile's fingerprint.
    assert.equal(fingerprintOf(createPublicKey(createPrivateKey(fs.readFileSync(t.keyFile, 'utf8')))), ENTRIES.fingerprint);
  });

  it('adds a profile to an existing file, keeping every other profile and comment byte for byte, and tightens the mode to 0600', async () => {
    const home = tempHome();
    const file = writeConfig(home, EXISTING);
    const t = target(home);
    await applyOciProfile(planOciProfile(t), PAIR.privateKey);
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(
      after,
      `${EXISTING}\n[alice]\nuser=${ENTRIES.user}\nfingerprint=${ENTRIES.fingerprint}\ntenancy=${ENTRIES.tenancy}\nregion=${ENTRIES.region}\nkey_file=${t.keyFile}\n`,
    );
    assert.equal(mode(file), 0o600);
    assert.equal(sdkProfile(file, 'ci').region, 'eu-amsterdam-1', 'the other profile still reads the same');
  });

  it('keeps Windows line endings', async () => {
    const home = tempHome();
    const file = writeConfig(home, EXISTING.replace(/\n/g, '\r\n'));
    await applyOciProfile(planOciProfile(target(home)), PAIR.privateKey);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.startsWith(EXISTING.replace(/\n/g, '\r\n')));
    assert.ok(!/[^\r]\n/.test(after), 'every line ends in CRLF');
  });

  it('updates an existing profile in place: key entries replaced, pass_phrase dropped, its comments and other entries kept', async () => {
    const home = tempHome();
    const before = [
      '[DEFAULT]',
      'region=us-ashburn-1',
      '',
      '[alice]',
      '# alice works on the data platform',
      'user=ocid1.user.oc1..aaaaold',
      'fingerprint = aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99',
      'key_file=~/.oci/alice-old.pem',
      'pass_phrase=old-secret-passphrase',
      'compartment=ocid1.compartment.oc1..keep',
      '',
      '[zed]',
      'region=eu-paris-1',
      '',
    ].join('\n');
    const file = writeConfig(home, before);
    const t = target(home);
    const plan = planOciProfile(t);
    assert.equal(plan.replaces, 'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99');
    assert.match(plan.notes.join('\n'), /exists: its key entries are replaced/);
    await applyOciProfile(plan, PAIR.privateKey);
    assert.equal(
      fs.readFileSync(file, 'utf8'),
      [
        '[DEFAULT]',
        'region=us-ashburn-1',
        '',
        '[alice]',
        '# alice works on the data platform',
        `user=${ENTRIES.user}`,
        `fingerprint=${ENTRIES.fingerprint}`,
        `key_file=${t.keyFile}`,
        'compartment=ocid1.compartment.oc1..keep',
        `tenancy=${ENTRIES.tenancy}`,
        `region=${ENTRIES.region}`,
        '',
        '[zed]',
        'region=eu-paris-1',
        '',
      ].join('\n'),
    );
    assert.equal(sdkProfile(file, 'alice').pass_phrase, null, 'no passphrase is left for the unencrypted key');
  });

  it('shows a unified diff of the config file that holds no private key and masks passphrases', () => {
    const home = tempHome();
    writeConfig(
      home,
      EXISTING.replace('[ci]\nregion = eu-amsterdam-1\n', '[ci]\nregion = eu-amsterdam-1\npass_phrase = ci-passphrase-secret\n'),
    );
    const plan = planOciProfile(target(home));
    assert.match(plan.diff, /^--- .*config\tcurrent\n\+\+\+ .*config\tproposed\n@@ /);
    assert.match(plan.diff, new RegExp(`^\\+fingerprint=${ENTRIES.fingerprint}$`, 'm'));
    assert.match(plan.diff, /^\+key_file=.*alice\.pem$/m);
    assert.match(plan.diff, /^ pass_phrase = \*\*\*\*$/m, 'a passphrase in the context lines is masked');
    const shown = `${plan.diff}\n${plan.notes.join('\n')}`;
    assert.ok(!shown.includes('ci-passphrase-secret'));
    assert.ok(!/PRIVATE KEY/.test(shown));
    const body = PAIR.privateKey.reveal().split('\n')[1];
    assert.ok(body.length > 20 && !shown.includes(body), 'no line of the private key appears');
  });

  it('names the parts of a new file as a new file', () => {
    const plan = planOciProfile(target(tempHome()));
    assert.match(plan.diff, /^--- .*\tnew file$/m);
    assert.match(plan.notes.join('\n'), /added to a new file/);
  });

  it('refuses profile names an OCI tool would misread, and [DEFAULT] when other profiles inherit from it', () => {
    for (const bad of ['', ' alice', 'al ice', 'a]b', '[x', 'a=b', '#x', 'x;y', 'é', '-leading', 'a'.repeat(65)]) {
      assert.ok(validateOciProfileName(bad), `"${bad}" is refused`);
      assert.throws(() => planOciProfile(target(tempHome(), { profile: bad })), refused('invalid', /profile name/));
    }
    for (const good of ['alice', 'ALICE_2', 'alice@example.com', 'prod.eu-frankfurt-1', 'a+b'])
      assert.equal(validateOciProfileName(good), undefined, good);
    const home = tempHome();
    writeConfig(home, EXISTING);
    assert.throws(
      () => planOciProfile(target(home, { profile: 'DEFAULT' })),
      refused('invalid', /takes? missing entries from \[DEFAULT\]/),
    );
    // Alone in a file, [DEFAULT] is an ordinary profile.
    assert.doesNotThrow(() => planOciProfile(target(tempHome(), { profile: 'DEFAULT' })));
  });

  it('refuses to overwrite a key file, and writes nothing', async () => {
    const home = tempHome();
    const file = writeConfig(home, EXISTING);
    const t = target(home);
    fs.writeFileSync(t.keyFile, 'a key in use');
    assert.throws(() => planOciProfile(t), refused('conflict', /already exists; choose another file name/));
    // A key file that appears between the confirmation and the write is not overwritten either.
    const home2 = tempHome();
    const t2 = target(home2);
    const plan = planOciProfile(t2);
    fs.mkdirSync(path.dirname(t2.keyFile), { recursive: true });
    fs.writeFileSync(t2.keyFile, 'appeared meanwhile');
    await assert.rejects(applyOciProfile(plan, PAIR.privateKey), refused('config', /already exists/));
    assert.equal(fs.readFileSync(t.keyFile, 'utf8'), 'a key in use');
    assert.equal(fs.readFileSync(t2.keyFile, 'utf8'), 'appeared meanwhile');
    assert.equal(fs.readFileSync(file, 'utf8'), EXISTING);
    assert.equal(fs.existsSync(t2.configFile), false);
  });

  it('refuses a config file it cannot read, saying what is wrong', () => {
    const home = tempHome();
    const dirInstead = path.join(home, '.oci', 'config');
    fs.mkdirSync(dirInstead, { recursive: true });
    assert.throws(() => planOciProfile(target(home)), refused('config', /could not be read \(EISDIR\)/));
  });

  it('refuses to write when the config file changed after the diff was shown', async () => {
    const home = tempHome();
    const file = writeConfig(home, EXISTING);
    const t = target(home);
    const plan = planOciProfile(t);
    fs.appendFileSync(file, '[late]\nregion=x\n');
    await assert.rejects(applyOciProfile(plan, PAIR.privateKey), refused('conflict', /changed after the change was shown/));
    assert.equal(fs.existsSync(t.keyFile), false, 'not even the key file is written');
  });

  it('refuses a private key that is not the key the profile names', async () => {
    const home = tempHome();
    const t = target(home);
    await assert.rejects(applyOciProfile(planOciProfile(t), OTHER.privateKey), refused('invalid', /belongs to key/));
    assert.equal(fs.existsSync(t.keyFile), false);
    assert.equal(fs.existsSync(t.configFile), false);
  });

  it("refuses to point the account's own profile at another key, and explains why; the same key is fine", () => {
    const home = tempHome();
    const file = writeConfig(home, `[admin]\nuser=u\nfingerprint=${OTHER.publicKey.fingerprint}\ntenancy=t\nregion=r\nkey_file=/k.pem\n`);
    const signsWith = { configFile: file, profile: 'admin' };
    assert.throws(
      () => planOciProfile(target(home, { profile: 'admin', signsWith })),
      refused('conflict', /the one this account signs in with .* would change the credentials of the account itself/),
    );
    assert.doesNotThrow(() =>
      planOciProfile(target(home, { profile: 'admin', signsWith, entries: { ...ENTRIES, fingerprint: OTHER.publicKey.fingerprint } })),
    );
    // Another profile of the same file can be written.
    assert.doesNotThrow(() => planOciProfile(target(home, { profile: 'alice', signsWith })));
  });

  it('keeps a symlinked config file linked', async () => {
    const home = tempHome();
    const real = path.join(home, 'dotfiles', 'oci-config');
    fs.mkdirSync(path.dirname(real), { recursive: true });
    fs.writeFileSync(real, EXISTING);
    fs.mkdirSync(path.join(home, '.oci'));
    fs.symlinkSync(real, path.join(home, '.oci', 'config'));
    await applyOciProfile(planOciProfile(target(home)), PAIR.privateKey);
    assert.ok(fs.lstatSync(path.join(home, '.oci', 'config')).isSymbolicLink());
    assert.match(fs.readFileSync(real, 'utf8'), /\[alice\]/);
  });

  it('refuses a key file that is the config file itself, however the path is spelled, and writes nothing', () => {
    const home = tempHome();
    const t = target(home);
    fs.mkdirSync(path.join(home, 'linked'));
    fs.symlinkSync(path.join(home, 'linked'), path.join(home, 'alias'));
    const spellings = [t.configFile, path.join(home, '.oci', '..', '.oci', 'config'), path.join(home, 'alias', 'config')];
    for (const [configFile, keyFile] of [
      ...spellings.slice(0, 2).map((file) => [t.configFile, file]),
      [path.join(home, 'linked', 'config'), spellings[2]],
    ]) {
      assert.throws(() => planOciProfile({ ...t, configFile, keyFile }), refused('invalid', /the same file as the config file/), keyFile);
      assert.equal(fs.existsSync(configFile), false);
    }
  });

  it('refuses a config file given as a relative path, saying it must be absolute', () => {
    assert.throws(
      () => planOciProfile(target(tempHome(), { configFile: path.join('.oci', 'config') })),
      refused('invalid', /config file must be an absolute path/),
    );
  });

  it('refuses a profile that uses a session token, naming where the token entry is', () => {
    const own = tempHome();
    writeConfig(own, '[alice]\nsecurity_token_file=/t/token\n');
    assert.throws(
      () => planOciProfile(target(own)),
      (error: unknown) => {
        refused('invalid', /Profile \[alice\] has its own security_token_file/)(error);
        assert.doesNotMatch((error as Error).message, /DEFAULT/);
        return true;
      },
    );
    const inherited = tempHome();
    writeConfig(inherited, '[DEFAULT]\nsecurity_token_file=/t/token\n');
    assert.throws(
      () => planOciProfile(target(inherited)),
      refused('invalid', /would take a session token \(security_token_file\) from \[DEFAULT\]/),
    );
  });

  it('refuses to rewrite a profile whose key entries the OCI CLI reads differently, and masks a "key: value" passphrase in the diff', () => {
    const home = tempHome();
    writeConfig(home, '[alice]\nkey_file: /k/old.pem\n\n[ci]\npass_phrase: ci-colon-secret\n');
    assert.throws(() => planOciProfile(target(home)), refused('config', /Line 2 of profile \[alice\] gives key_file/));
    const plan = planOciProfile(target(home, { profile: 'bob' }));
    assert.ok(!plan.diff.includes('ci-colon-secret'), plan.diff);
    assert.match(plan.diff, /^ pass_phrase: \*\*\*\*$/m);
  });

  it('chooses the account file, then OCI_CONFIG_FILE, then ~/.oci/config; suggests names that are free', () => {
    const home = '/home/me';
    assert.equal(
      defaultOciConfigFile({ accountConfigFile: '/work/oci.conf', env: { OCI_CONFIG_FILE: '/x' }, homeDir: home }),
      '/work/oci.conf',
    );
    assert.equal(defaultOciConfigFile({ env: { OCI_CONFIG_FILE: '~/alt/config' }, homeDir: home }), '/home/me/alt/config');
    assert.equal(defaultOciConfigFile({ env: {}, homeDir: home, exists: () => false }), '/home/me/.oci/config');
    assert.equal(defaultOciConfigFile({ env: {}, homeDir: home, exists: (f) => f.includes('.oraclebmc') }), '/home/me/.oraclebmc/config');
    const now = Date.parse('2025-03-04T10:00:00Z');
    assert.equal(
      suggestKeyFile('/k', 'alice', now, () => false),
      '/k/alice_2025-03-04.pem',
    );
    assert.equal(
      suggestKeyFile('/k', 'alice', now, (f) => f === '/k/alice_2025-03-04.pem'),
      '/k/alice_2025-03-04_2.pem',
    );
    assert.equal(suggestProfileName('alice.admin', new Set(['DEFAULT'])), 'alice.admin');
    assert.equal(suggestProfileName('Alice Admin', new Set(['Alice-Admin'])), 'Alice-Admin-2');
  });
});

/** An API signing key as the model names it: by its fingerprint. */
function apiKey(pair: GeneratedKeyPair): AccessKey {
  return {
    id: pair.publicKey.fingerprint,
    fingerprint: pair.publicKey.fingerprint,
    accountId: 'acct',
    userId: ENTRIES.user,
    kind: 'api-signing-key',
    state: 'active',
  };
}

async function savedProfile(home: string): Promise<{ records: ExportRecords; record: ExportRecord; t: OciProfileTarget }> {
  const t = target(home);
  writeConfig(home, EXISTING);
  await applyOciProfile(planOciProfile(t), PAIR.privateKey);
  const records = new ExportRecords(new MemoryExportStorage());
  const stamp = new Date().toISOString();
  const record: ExportRecord = {
    version: 1,
    id: 'oci-1',
    kind: 'oci-config',
    accountId: 'acct',
    cloud: 'oci',
    userId: ENTRIES.user,
    keyKind: 'api-signing-key',
    keyId: PAIR.publicKey.fingerprint,
    file: t.configFile,
    profile: 'alice',
    keyFile: t.keyFile,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await records.put(record);
  return { records, record, t };
}

describe('OCI profile export: rotation repoints the profile', () => {
  const NOW = Date.parse('2025-06-01T08:00:00Z');

  it('writes the new private key next to the old one, switches fingerprint and key_file, and leaves the old file in place', async () => {
    const home = tempHome();
    const { records, t } = await savedProfile(home);
    const log = new RecordingLogger('raw');
    const updater = new ExportUpdater(
      records,
      undefined,
      log,
      () => NOW,
      () => ociProfileModule,
    );
    const changed = await updater.repoint('acct', PAIR.publicKey.fingerprint, apiKey(OTHER), OTHER.privateKey);
    assert.deepEqual(changed, ['oci-1']);

    const newKeyFile = path.join(path.dirname(t.keyFile), 'alice_2025-06-01.pem');
    assert.equal(fs.readFileSync(newKeyFile, 'utf8'), OTHER.privateKey.reveal());
    assert.equal(mode(newKeyFile), 0o600);
    assert.equal(fs.readFileSync(t.keyFile, 'utf8'), PAIR.privateKey.reveal(), 'the old key file is left as it was');
    assert.deepEqual(sdkProfile(t.configFile, 'alice'), {
      ...ENTRIES,
      fingerprint: OTHER.publicKey.fingerprint,
      key_file: newKeyFile,
      pass_phrase: null,
    });
    assert.equal(mode(t.configFile), 0o600);
    assert.ok(fs.readFileSync(t.configFile, 'utf8').startsWith(EXISTING), 'the other profiles and comments are kept');
    const [record] = records.all();
    assert.equal(record.keyId, OTHER.publicKey.fingerprint);
    assert.equal(record.kind === 'oci-config' && record.keyFile, newKeyFile);
    assert.ok(
      log.lines.some((line) => line.includes(`old private key file ${t.keyFile} is left in place`)),
      'the log says where the old key file is',
    );
    for (const secret of [PAIR.privateKey.reveal(), OTHER.privateKey.reveal()]) {
      assert.ok(!log.lines.some((line) => line.includes(secret.split('\n')[1])), 'no private key reaches the log');
      assert.ok(!JSON.stringify(records.all()).includes(secret.split('\n')[1]), 'no private key reaches the records');
    }
  });

  it('drops the record with a warning when the profile no longer holds the old key, and changes nothing', async () => {
    const home = tempHome();
    const { records, t } = await savedProfile(home);
    const edited = fs.readFileSync(t.configFile, 'utf8').replace(`fingerprint=${PAIR.publicKey.fingerprint}`, 'fingerprint=de:ad:be:ef');
    fs.writeFileSync(t.configFile, edited);
    const log = new RecordingLogger('raw');
    const changed = await new ExportUpdater(
      records,
      undefined,
      log,
      () => NOW,
      () => ociProfileModule,
    ).repoint('acct', PAIR.publicKey.fingerprint, apiKey(OTHER), OTHER.privateKey);
    assert.deepEqual(changed, []);
    assert.deepEqual(records.all(), []);
    assert.equal(fs.readFileSync(t.configFile, 'utf8'), edited);
    assert.deepEqual(
      fs.readdirSync(path.dirname(t.keyFile)).filter((f) => f.endsWith('.pem')),
      ['alice.pem'],
    );
    assert.ok(log.lines.some((line) => line.startsWith('warn') && line.includes('OCI profile [alice]') && line.includes('left alone')));
  });

  it('finishes the record of a switch an interrupted attempt already wrote, without another key file', async () => {
    const home = tempHome();
    const { records } = await savedProfile(home);
    const updater = new ExportUpdater(
      records,
      undefined,
      new RecordingLogger('raw'),
      () => NOW,
      () => ociProfileModule,
    );
    await updater.repoint('acct', PAIR.publicKey.fingerprint, apiKey(OTHER), OTHER.privateKey);
    const [done] = records.all();
    // The record as it was before the interrupted attempt, with the profile already switched.
    await records.put({
      ...done,
      keyId: PAIR.publicKey.fingerprint,
      ...(done.kind === 'oci-config' ? { keyFile: path.join(home, '.oci', 'alice.pem') } : {}),
    } as ExportRecord);
    const files = fs.readdirSync(path.join(home, '.oci')).sort();
    assert.deepEqual(await updater.repoint('acct', PAIR.publicKey.fingerprint, apiKey(OTHER), OTHER.privateKey), ['oci-1']);
    assert.deepEqual(fs.readdirSync(path.join(home, '.oci')).sort(), files, 'no new file');
    const [record] = records.all();
    assert.equal(record.keyId, OTHER.publicKey.fingerprint);
    assert.equal(record.kind === 'oci-config' && path.basename(record.keyFile), 'alice_2025-06-01.pem');
  });

  it('leaves OCI profiles out of access-key rotations and AWS exports out of API-key rotations', async () => {
    const home = tempHome();
    const { records, t } = await savedProfile(home);
    const before = fs.readFileSync(t.configFile, 'utf8');
    const accessKey: AccessKey = { ...apiKey(OTHER), kind: 'access-key' };
    assert.deepEqual(
      await new ExportUpdater(
        records,
        undefined,
        new RecordingLogger('raw'),
        () => NOW,
        () => ociProfileModule,
      ).repoint('acct', PAIR.publicKey.fingerprint, accessKey, OTHER.privateKey),
      [],
    );
    assert.equal(fs.readFileSync(t.configFile, 'utf8'), before);
  });
});
