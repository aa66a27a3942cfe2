import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cloudModule, writePrivateKeyFile } from '../../../src/clouds/oci';
import { passphraseCredentialName } from '../../../src/clouds/oci/signingCredentials';
import { Secret } from '../../../src/model/secret';
import { manualCredentialName, type Account } from '../../../src/model/types';
import { startOciEmulator, type RunningOciEmulator } from '../../emulators/oci';
import { context, encryptedKey, isCloudError, onlyAccount, prompts, tempHome, writeProfile } from './harness';

describe('OCI account credentials', () => {
  let emulator: RunningOciEmulator;
  const passphrase = 'open sesame 42';
  before(async () => {
    emulator = await startOciEmulator({ seed: 'test' });
  });
  after(() => emulator.close());

  function setUp(profile: Parameters<typeof writeProfile>[2] = {}, answer: () => Secret | undefined = () => undefined) {
    const home = tempHome();
    const files = writeProfile(home, emulator, profile);
    const ask = prompts(answer);
    const ctx = context(home, { settings: { 'oci.endpoint': emulator.url }, prompts: ask });
    return { home, files, ask, ctx };
  }

  it('asks once for the passphrase of an encrypted key, keeps it in secret storage, and reuses it', async () => {
    const { ask, ctx } = setUp({ keyPem: encryptedKey(emulator.caller.privateKeyPem, passphrase) }, () => new Secret(passphrase));
    const account = await onlyAccount(ctx);
    const provider = cloudModule.createProvider(account, ctx);
    const [me] = await Promise.all([provider.whoAmI(), provider.listUsers()]);
    assert.equal(me.name, 'ck-admin');
    assert.equal(ask.asked.length, 1, 'one question for concurrent calls');
    assert.equal(ctx.credentials.values.get(passphraseCredentialName(account.id))?.reveal(), passphrase);
    // A new session: the stored passphrase is used, nobody is asked.
    const again = cloudModule.createProvider(account, ctx);
    await again.whoAmI();
    assert.equal(ask.asked.length, 1);
  });

  it('does not keep a wrong passphrase, says it is wrong, and forgets a stored one that stopped working', async () => {
    const { ask, ctx } = setUp({ keyPem: encryptedKey(emulator.caller.privateKeyPem, passphrase) }, () => new Secret('wrong'));
    const account = await onlyAccount(ctx);
    await assert.rejects(cloudModule.createProvider(account, ctx).whoAmI(), isCloudError('auth', /passphrase for .*key\.pem is wrong/));
    assert.equal(ctx.credentials.values.size, 0);
    await ctx.credentials.store(passphraseCredentialName(account.id), new Secret('stale'));
    await assert.rejects(cloudModule.createProvider(account, ctx).whoAmI(), isCloudError('auth', /is wrong/));
    assert.equal(ctx.credentials.values.size, 0, 'the stale passphrase is forgotten');
    assert.equal(ask.asked.length, 1, 'the stored one was tried without asking');
  });

  it('uses pass_phrase from the config file without asking, and says so when it is wrong', async () => {
    const good = setUp({ keyPem: encryptedKey(emulator.caller.privateKeyPem, passphrase), extraLines: [`pass_phrase=${passphrase}`] });
    await cloudModule.createProvider(await onlyAccount(good.ctx), good.ctx).whoAmI();
    assert.equal(good.ask.asked.length, 0);
    const bad = setUp({ keyPem: encryptedKey(emulator.caller.privateKeyPem, passphrase), extraLines: ['pass_phrase=nope'] });
    await assert.rejects(
      cloudModule.createProvider(await onlyAccount(bad.ctx), bad.ctx).whoAmI(),
      isCloudError('auth', /pass_phrase in the config file/),
    );
  });

  it('treats a cancelled passphrase question as cancelled', async () => {
    const { ctx } = setUp({ keyPem: encryptedKey(emulator.caller.privateKeyPem, passphrase) });
    await assert.rejects(
      cloudModule.createProvider(await onlyAccount(ctx), ctx).whoAmI(),
      isCloudError('cancelled', /No passphrase was given/),
    );
  });

  it('names a missing key file, an unreadable one and one that holds no key', async () => {
    const missing = setUp();
    const account = await onlyAccount(missing.ctx);
    fs.rmSync(missing.files.keyFile);
    await assert.rejects(
      cloudModule.createProvider(account, missing.ctx).whoAmI(),
      isCloudError('config', /key file .*key\.pem of profile DEFAULT does not exist/),
    );

    const unreadable = setUp();
    const listed = await onlyAccount(unreadable.ctx);
    fs.rmSync(unreadable.files.keyFile);
    fs.mkdirSync(unreadable.files.keyFile);
    await assert.rejects(
      cloudModule.createProvider(listed, unreadable.ctx).whoAmI(),
      isCloudError('config', /key\.pem of profile DEFAULT is a folder, not a file/),
    );
    // Found at discovery too, before any call (discovery.test.ts has the other profile checks).
    const { accounts, problems } = await cloudModule.discoverAccounts(unreadable.ctx);
    assert.deepEqual(accounts, []);
    assert.match(problems.map((p) => p.message).join('\n'), /is a folder, not a file/);

    const garbage = setUp({ keyPem: 'not a key at all' });
    await assert.rejects(
      cloudModule.createProvider(await onlyAccount(garbage.ctx), garbage.ctx).whoAmI(),
      isCloudError('config', /not a PEM private key/),
    );
  });

  it('names an unknown profile and a session-token profile', async () => {
    const { ctx, files } = setUp();
    const account = await onlyAccount(ctx);
    const gone: Account = { ...account, origin: { kind: 'config-file', path: files.configFile, profile: 'GONE' } };
    await assert.rejects(
      cloudModule.createProvider(gone, ctx).listUsers(),
      isCloudError('config', /Profile GONE is not in .*config \(it has DEFAULT\)/),
    );
    fs.appendFileSync(files.configFile, 'security_token_file=~/.oci/token\n');
    // Now a session-token profile whose token file is missing.
    await assert.rejects(
      cloudModule.createProvider(account, ctx).listUsers(),
      isCloudError(
        'config',
        /session token file .*\.oci\/token of profile DEFAULT does not exist; run `oci session authenticate --profile-name DEFAULT`/,
      ),
    );
  });

  it('signs with a hand-entered account: details in the account, key and passphrase in secret storage', async () => {
    const ctx = context(tempHome(), { settings: { 'oci.endpoint': emulator.url } });
    const account: Account = {
      id: 'oci:manual:1',
      cloud: 'oci',
      label: 'typed in',
      source: 'entered by hand',
      origin: { kind: 'manual' },
      details: {
        tenancy: emulator.caller.tenancyId,
        user: emulator.caller.userId,
        fingerprint: emulator.caller.fingerprint,
        region: 'eu-frankfurt-1',
      },
    };
    const provider = () => cloudModule.createProvider(account, ctx);
    await assert.rejects(provider().whoAmI(), isCloudError('config', /not in secret storage/));
    await ctx.credentials.store(manualCredentialName(account.id), new Secret('{"privateKey": 42}'));
    await assert.rejects(provider().whoAmI(), isCloudError('config', /unreadable/));
    const secrets = { privateKey: encryptedKey(emulator.caller.privateKeyPem, passphrase), passphrase };
    await ctx.credentials.store(manualCredentialName(account.id), new Secret(JSON.stringify(secrets)));
    assert.equal((await provider().whoAmI()).name, 'ck-admin');
  });

  it('writes a generated private key to a file with mode 0600, never over an existing file', async () => {
    const dir = tempHome();
    const file = path.join(dir, 'keys', 'new.pem');
    await writePrivateKeyFile(file, new Secret('-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    await assert.rejects(writePrivateKeyFile(file, new Secret('other')), isCloudError('config', /already exists/));
    assert.match(fs.readFileSync(file, 'utf8'), /\nx\n/);
  });
});
