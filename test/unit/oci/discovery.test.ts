import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseConfigFile, resolveProfile } from '../../../src/clouds/oci/configFile';
import { cloudModule } from '../../../src/clouds/oci';
import { context, tempHome } from './harness';

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const FINGERPRINT = '12:34:56:78:90:ab:cd:ef:12:34:56:78:90:ab:cd:ef';
const PROFILE = (name: string, extra = '') =>
  `[${name}]\nuser=ocid1.user.oc1..u${name}\nfingerprint=${FINGERPRINT}\ntenancy=ocid1.tenancy.oc1..t\nregion=eu-frankfurt-1\nkey_file=~/.oci/${name}.pem\n${extra}`;

/** The key files PROFILE names, so that discovery finds them (their content is read only at the first call). */
function keyFiles(home: string, ...names: string[]): void {
  for (const name of names) write(path.join(home, '.oci', `${name}.pem`), 'a key file\n');
}

describe('OCI config file', () => {
  it('falls back to [DEFAULT] for keys a profile lacks, and ignores comments', () => {
    const file = parseConfigFile('# comment\n[DEFAULT]\ntenancy = t0\nregion=r0\n\n[dev]\n; also a comment\nregion = r1\n');
    const dev = resolveProfile(file, 'dev')!;
    assert.equal(dev.get('tenancy'), 't0');
    assert.equal(dev.get('region'), 'r1');
    assert.equal(resolveProfile(file, 'nope'), undefined);
    assert.deepEqual(file.problems, []);
  });

  it('reports malformed lines by number without their values', () => {
    const file = parseConfigFile('user=before-any-section\n[]\n[ok]\nthis line has no equals sign secretvalue\n=novalue\n');
    assert.equal(file.problems.length, 4);
    assert.ok(file.problems.every((problem) => /^line \d+:/.test(problem)));
    assert.ok(!file.problems.join(' ').includes('secretvalue'));
  });
});

describe('OCI account discovery', () => {
  it('finds every complete profile of ~/.oci/config, with ~ in key_file expanded against the given home', async () => {
    const home = tempHome();
    write(
      path.join(home, '.oci', 'config'),
      `[DEFAULT]\ntenancy=ocid1.tenancy.oc1..t\nregion=eu-frankfurt-1\n\n${PROFILE('dev')}\n${PROFILE('prod')}`,
    );
    keyFiles(home, 'dev', 'prod');
    const { accounts, problems } = await cloudModule.discoverAccounts(context(home));
    assert.deepEqual(problems, []);
    assert.deepEqual(
      accounts.map((account) => account.label),
      ['dev', 'prod'],
      'a partial [DEFAULT] next to other profiles is a base, not an account',
    );
    const dev = accounts[0];
    assert.equal(dev.id, `oci:${path.join(home, '.oci', 'config')}#dev`);
    assert.equal(dev.details?.keyFile, path.join(home, '.oci', 'dev.pem'));
    assert.deepEqual(dev.origin, { kind: 'config-file', path: path.join(home, '.oci', 'config'), profile: 'dev' });
    assert.equal(dev.region, 'eu-frankfurt-1');
    assert.equal(dev.endpoint, undefined);
  });

  it('reads OCI_CONFIG_FILE, the default file and the setting, each once', async () => {
    const home = tempHome();
    const fromEnv = write(path.join(home, 'env-config'), PROFILE('env'));
    write(path.join(home, '.oci', 'config'), PROFILE('home'));
    const fromSetting = write(path.join(home, 'setting-config'), PROFILE('setting'));
    keyFiles(home, 'env', 'home', 'setting');
    const ctx = context(home, {
      env: { OCI_CONFIG_FILE: fromEnv },
      settings: { 'oci.configFile': '~/setting-config', 'oci.endpoint': 'http://127.0.0.1:9/' },
    });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      accounts.map((account) => account.label),
      ['env', 'home', 'setting'],
    );
    assert.ok(accounts.every((account) => account.endpoint === 'http://127.0.0.1:9'));
    assert.deepEqual(cloudModule.configFiles(ctx), [fromEnv, path.join(home, '.oci', 'config'), fromSetting]);
  });

  it('uses the legacy ~/.oraclebmc/config when ~/.oci/config is absent', async () => {
    const home = tempHome();
    write(path.join(home, '.oraclebmc', 'config'), PROFILE('legacy'));
    keyFiles(home, 'legacy');
    const { accounts } = await cloudModule.discoverAccounts(context(home));
    assert.deepEqual(
      accounts.map((account) => account.label),
      ['legacy'],
    );
  });

  it('turns each kind of bad config into a problem while the good profiles still load', async () => {
    const home = tempHome();
    write(
      path.join(home, '.oci', 'config'),
      [
        PROFILE('good'),
        '[incomplete]\nuser=ocid1.user.oc1..x\nregion=eu-frankfurt-1',
        '[session]\nsecurity_token_file=~/.oci/sessions/token\nkey_file=~/.oci/s.pem\nuser=u\nfingerprint=f\ntenancy=t\nregion=r',
        'garbage line',
      ].join('\n'),
    );
    keyFiles(home, 'good', 's');
    const ctx = context(home, { env: { OCI_CONFIG_FILE: path.join(home, 'missing-config') } });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(
      accounts.map((account) => account.label),
      ['good'],
    );
    const text = problems.map((problem) => `${problem.source}: ${problem.message}`).join('\n');
    assert.match(text, /missing-config: The OCI config file named by OCI_CONFIG_FILE does not exist/);
    assert.match(text, /\[incomplete\]: Profile incomplete lacks fingerprint, tenancy, key_file/);
    assert.match(
      text,
      /\[session\]: The session token file .*sessions\/token of profile session does not exist; run `oci session authenticate --profile-name session`/,
    );
    assert.match(text, /Ignored a malformed line .*line \d+/);
  });

  it('reports a profile whose key file is missing or whose fingerprint is malformed, before any call', async () => {
    const home = tempHome();
    write(
      path.join(home, '.oci', 'config'),
      [PROFILE('good'), PROFILE('nokey'), PROFILE('badprint').replace(FINGERPRINT, 'aa:bb'), PROFILE('folder')].join('\n'),
    );
    keyFiles(home, 'good', 'badprint');
    fs.mkdirSync(path.join(home, '.oci', 'folder.pem'));
    const { accounts, problems } = await cloudModule.discoverAccounts(context(home));
    assert.deepEqual(
      accounts.map((account) => account.label),
      ['good'],
    );
    const text = problems.map((problem) => `${problem.source}: ${problem.message}`).join('\n');
    assert.match(text, /\[nokey\]: The key file .*nokey\.pem of profile nokey does not exist\. Fix key_file in .*config/);
    assert.match(text, /\[badprint\]: The fingerprint "aa:bb" of profile badprint .* is not an OCI key fingerprint \(16 hex pairs/);
    assert.match(text, /\[folder\]: The key file .*folder\.pem of profile folder is a folder, not a file/);
    assert.equal(problems.length, 3);
  });

  it('reports a file with no profile, an unreadable file, and a bad endpoint setting', async () => {
    const home = tempHome();
    write(path.join(home, '.oci', 'config'), '# nothing here\n');
    const unreadable = write(path.join(home, 'locked'), PROFILE('locked'));
    fs.chmodSync(unreadable, 0o000);
    const ctx = context(home, { settings: { 'oci.configFile': unreadable, 'oci.endpoint': 'not a url' } });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    const text = problems.map((problem) => problem.message).join('\n');
    assert.match(text, /no \[PROFILE\] section/);
    assert.match(text, /cloudKeys\.oci\.endpoint .* is not a URL/);
    if (process.getuid?.() !== 0) {
      assert.match(text, /could not be read \(EACCES\)/);
      assert.deepEqual(accounts, []);
    }
  });

  it('describes the fields of a hand-entered account, the key and passphrase as secrets', () => {
    const secret = cloudModule.manualFields.filter((field) => field.secret).map((field) => field.name);
    assert.deepEqual(secret, ['privateKey', 'passphrase']);
    assert.ok(cloudModule.manualFields.find((field) => field.name === 'privateKey')?.multiline);
  });
});
