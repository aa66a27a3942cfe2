import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { Secret } from '../../../src/model/secret';
import { startOciEmulator, type RunningOciEmulator } from '../../emulators/oci';
import { assertCallerIsAdmin, isCloudError, providerFor, useOciEmulator, userId } from './harness';

describe('OCI adapter against the emulator', () => {
  let emulator: RunningOciEmulator;
  useOciEmulator((started) => {
    emulator = started;
  });

  it('knows who it is and marks the caller among the users', async () => {
    const { provider } = await providerFor(emulator);
    await assertCallerIsAdmin(provider);
  });

  it('pages through all users with opc-next-page, sorted by name', async () => {
    const { provider } = await providerFor(emulator, { pageSize: 3 });
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await provider.listUsers(cursor);
      names.push(...page.items.map((user) => user.name));
      cursor = page.next;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(names, [...emulator.state.users.map((user) => user.name)].sort());
  });

  it('lists both kinds of keys, API keys named by fingerprint, deleted keys left out', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-old-keys');
    emulator.state.secretKeys.push({
      ...emulator.state.secretKeys.find((key) => key.userId === owner)!,
      id: 'gone',
      lifecycleState: 'DELETED',
    });
    const keys = await provider.listKeys(owner);
    assert.deepEqual(
      keys.map((key) => key.kind),
      ['access-key', 'api-signing-key'],
    );
    const apiKey = keys[1];
    assert.equal(apiKey.id, apiKey.fingerprint);
    assert.equal(apiKey.id, emulator.state.apiKeys.find((key) => key.userId === owner)!.fingerprint);
    assert.equal(keys[0].displayName, 'legacy');
    assert.ok(keys[0].createdAt!.getTime() < Date.now() - 399 * 86_400_000, 'a 400-day-old key shows its age');
  });

  it('creates a customer secret key whose secret comes back once, as a Secret, and never in the log', async () => {
    const { provider, ctx } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-plain');
    const created = await provider.createKey(owner, 'access-key', { displayName: 'terraform' });
    assert.ok(created.secret instanceof Secret);
    assert.equal(created.secret.reveal().length, 44);
    assert.equal(String(created.secret), '[redacted]');
    assert.match(created.key.id, /^[0-9a-f]{40}$/);
    assert.equal(created.key.displayName, 'terraform');
    assert.equal(created.key.state, 'active');
    assert.ok(!ctx.logger.lines.join('\n').includes(created.secret.reveal()));
    const listed = await provider.listKeys(owner);
    assert.deepEqual(
      listed.map((key) => key.id),
      [created.key.id],
    );
  });

  it('creates a secret key with an empty display name when none is given', async () => {
    const { provider } = await providerFor(emulator);
    const created = await provider.createKey(userId(emulator, 'ck-plain'), 'access-key', {});
    assert.equal(emulator.state.secretKeys.find((key) => key.id === created.key.id)?.displayName, '');
  });

  it('renames and deletes a customer secret key', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-full-secret');
    const [first] = await provider.listKeys(owner);
    const renamed = await provider.updateKey(first, { displayName: 'renamed' });
    assert.equal(renamed.displayName, 'renamed');
    await provider.deleteKey(renamed);
    const left = await provider.listKeys(owner);
    assert.equal(left.length, 1);
    assert.ok(!left.some((key) => key.id === first.id));
  });

  it('says that OCI keys cannot be deactivated or expire, without sending anything', async () => {
    const { provider } = await providerFor(emulator);
    assert.equal(provider.capabilities('access-key').canDeactivate, false);
    assert.equal(provider.capabilities('access-key').maxKeysPerUser, 2);
    assert.equal(provider.capabilities('api-signing-key').maxKeysPerUser, 3);
    const [key] = await provider.listKeys(userId(emulator, 'ck-full-secret'));
    emulator.calls.length = 0;
    await assert.rejects(provider.updateKey(key, { state: 'inactive' }), isCloudError('invalid', /cannot be deactivated.*delete/));
    await assert.rejects(provider.createKey(key.userId, 'access-key', { expiresAt: new Date() }), isCloudError('invalid', /expiry/));
    assert.deepEqual(emulator.calls, []);
  });

  it('refuses a third customer secret key before sending the create, naming user, limit and keys', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-full-secret');
    await assert.rejects(
      provider.createKey(owner, 'access-key', { displayName: 'one more' }),
      isCloudError('quota', /ck-full-secret already has 2 customer secret keys.*\(2\).*"ci".*"backup"/),
    );
    assert.ok(!emulator.calls.some((call) => call.startsWith('POST')), emulator.calls.join('\n'));
  });

  it('refuses a fourth API key before uploading it, naming the keys in the way', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-full-api');
    const fingerprints = emulator.state.apiKeys.filter((key) => key.userId === owner).map((key) => key.fingerprint);
    await assert.rejects(provider.createKey(owner, 'api-signing-key', {}), (error: unknown) => {
      isCloudError('quota', /ck-full-api already has 3 API signing keys.*\(3\)/)(error);
      for (const fingerprint of fingerprints) assert.ok((error as Error).message.includes(fingerprint));
      return true;
    });
    assert.ok(!emulator.calls.some((call) => call.startsWith('POST')));
  });

  it('generates a key pair, uploads the public half, and the private half signs the next request', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-plain');
    const created = await provider.createKey(owner, 'api-signing-key', {});
    assert.ok(created.secret, 'the private key comes back');
    assert.match(created.secret.reveal(), /^-----BEGIN PRIVATE KEY-----/);
    const stored = emulator.state.apiKeys.find((key) => key.fingerprint === created.key.fingerprint);
    assert.ok(stored, 'the emulator holds the uploaded key under the fingerprint we computed');
    assert.equal(await provider.verifyKey(created.key, created.secret), true);
    const wrong = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.equal(await provider.verifyKey(created.key, new Secret(wrong)), false);
  });

  it('generates 4096-bit key pairs when asked', async () => {
    const { provider } = await providerFor(emulator);
    const created = await provider.createKey(userId(emulator, 'ck-plain'), 'api-signing-key', { keyBits: 4096 });
    const stored = emulator.state.apiKeys.find((key) => key.fingerprint === created.key.fingerprint)!;
    const bits = execFileSync('openssl', ['rsa', '-pubin', '-noout', '-text'], { input: stored.keyValue }).toString();
    assert.match(bits, /4096 bit/);
  });

  it('uploads an existing RSA public key with the fingerprint openssl computes, and returns no secret', async () => {
    const { provider } = await providerFor(emulator);
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const der = execFileSync('openssl', ['rsa', '-pubin', '-outform', 'DER'], { input: pem, stdio: ['pipe', 'pipe', 'ignore'] });
    const md5 = execFileSync('openssl', ['md5', '-c'], { input: der }).toString().trim().split('= ').pop();
    const created = await provider.createKey(userId(emulator, 'ck-plain'), 'api-signing-key', { publicKeyPem: pem });
    assert.equal(created.key.fingerprint, md5);
    assert.equal(created.secret, undefined);
    await assert.rejects(
      provider.createKey(userId(emulator, 'ck-plain'), 'api-signing-key', { publicKeyPem: pem }),
      isCloudError('conflict', /already has this public key/),
    );
  });

  it('refuses each kind of bad public key with a message that says which, before any request', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-plain');
    const ssh = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
    const cases: [string, RegExp][] = [
      [`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ ${String(ssh).length} me@host`, /OpenSSH/],
      [
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        /EC key.*must be RSA/,
      ],
      [
        generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        /1024 bits.*at least 2048/,
      ],
      ['hello, I am not a key', /not a PEM public key/],
      ['-----BEGIN PUBLIC KEY-----\nAAAAnotbase64!!\n-----END PUBLIC KEY-----', /damaged or incomplete/],
      [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /private key/],
    ];
    emulator.calls.length = 0;
    for (const [pem, message] of cases) {
      await assert.rejects(provider.createKey(owner, 'api-signing-key', { publicKeyPem: pem }), isCloudError('invalid', message));
    }
    assert.deepEqual(emulator.calls, []);
  });

  it('rotates an API key: upload a new one, sign with it, delete the old one', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-old-keys');
    const [, old] = await provider.listKeys(owner);
    const created = await provider.createKey(owner, 'api-signing-key', {});
    assert.equal(await provider.verifyKey(created.key, created.secret!), true);
    await provider.deleteKey(old);
    const keys = await provider.listKeys(owner);
    assert.deepEqual(
      keys.filter((key) => key.kind === 'api-signing-key').map((key) => key.id),
      [created.key.id],
    );
  });

  it('waits for a new API key that is still CREATING before declaring it verified', async () => {
    const slow = await startOciEmulator({ seed: 'test', apiKeyActivationMs: 300 });
    try {
      const { provider } = await providerFor(slow, { verifyAttempts: 20, verifyDelayMs: 50 });
      const created = await provider.createKey(userId(slow, 'ck-plain'), 'api-signing-key', {});
      assert.equal(created.key.state, 'creating');
      assert.equal(await provider.verifyKey(created.key, created.secret!), true);
    } finally {
      await slow.close();
    }
  });

  it('sends identity writes to the home region and reads to the profile region', async () => {
    const { provider } = await providerFor(emulator, { endpointForRegion: (region) => emulator.regionUrl(region) }, {}, { settings: {} });
    const owner = userId(emulator, 'ck-plain');
    await provider.createKey(owner, 'access-key', { displayName: 'routed' });
    const routed = emulator.requests.map((request) => `${request.method} ${request.path.split('/20160918')[0]}`);
    assert.ok(routed.includes('GET /r/us-ashburn-1'), routed.join('\n'));
    assert.ok(routed.includes('POST /r/eu-frankfurt-1'), routed.join('\n'));
    assert.ok(!routed.includes('POST /r/us-ashburn-1'));
  });
});
