/**
 * The contract's Object Storage access keys (IONOS Object Storage Management API) through the real
 * IONOS adapter against the emulator: listed under their own entry beside the users and paged;
 * created with the secret stored first; renewed; described; deleted; PROVISIONING and DESTROYING
 * followed to their end; a FAILED key shown with its message and a failed creation reported with it;
 * every request and response checked against the contract extract.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { cloudModule } from '../../../src/clouds/ionos';
import { CONTRACT_KEYS_ENTRY_ID } from '../../../src/clouds/ionos/objectStorageKeys';
import { IonosProvider, type IonosProviderOptions } from '../../../src/clouds/ionos/provider';
import { CloudError } from '../../../src/model/cloudError';
import type { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { createKeyStoringSecret, type KeySecretSink } from '../../../src/operations/keyOperations';
import { startIonosEmulator, type IonosEmulator } from '../../emulators/ionos';
import { basicEnv, CollectingLogger, FAST, makeContext, tokenEnv } from './support';

let emulator: IonosEmulator;
const logger = new CollectingLogger();

async function connect(
  env: Record<string, string>,
  options: IonosProviderOptions = FAST,
  settings: Record<string, string> = {},
): Promise<IonosProvider> {
  const ctx = makeContext({ env, logger, settings });
  const { accounts } = await cloudModule.discoverAccounts(ctx);
  return new IonosProvider(accounts[0], ctx, options);
}

function envWithStorage(extra: Record<string, string> = {}): Record<string, string> {
  return basicEnv(emulator, { IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT: emulator.objectStorage.url, ...extra });
}

async function rejection(promise: Promise<unknown>, code: string): Promise<CloudError> {
  const error = await promise.then(
    () => assert.fail(`expected a ${code} CloudError`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  return error;
}

class MemorySink implements KeySecretSink {
  readonly stored = new Map<string, Secret>();
  async storeKeySecret(key: AccessKey, secret: Secret): Promise<void> {
    this.stored.set(key.id, secret);
  }
  async deleteKeySecret(key: AccessKey): Promise<void> {
    this.stored.delete(key.id);
  }
}

const storageCalls = () => emulator.objectStorage.calls;

before(async () => {
  emulator = await startIonosEmulator({ seed: 'test', asyncWrites: { queuedMs: 15, runningMs: 15 } });
});
after(async () => {
  assert.equal(emulator.objectStorage.contract?.violations[0], undefined, 'the Object Storage Management contract was kept');
  await emulator.close();
});
beforeEach(() => {
  emulator.state.reset();
  emulator.objectStorage.calls.length = 0;
});

describe('IONOS contract access keys: listing', () => {
  it('lists them under an entry of their own that heads the users, paged by offset and limit', async () => {
    const provider = await connect(envWithStorage(), { ...FAST, pageSize: 2 });
    const { items } = await provider.listUsers();
    assert.equal(items[0].id, CONTRACT_KEYS_ENTRY_ID);
    assert.deepEqual(items[0].keyKinds, ['object-storage-access-key']);
    const keys = await provider.listKeys(CONTRACT_KEYS_ENTRY_ID);
    const seeded = emulator.state.objectStorage.list();
    assert.deepEqual(
      keys.map((k) => k.resourceId),
      seeded.map((k) => k.id),
    );
    // Three keys at two a page: two requests, the second at offset 2.
    assert.deepEqual(storageCalls(), ['GET /accesskeys', 'GET /accesskeys']);
    const admin = keys.find((k) => k.displayName === 'contract admin');
    assert.equal(admin?.id, seeded[0].accessKey, 'the id is the 92-character access key S3 tools use');
    assert.equal(admin?.id.length, 92);
    assert.equal(admin?.kind, 'object-storage-access-key');
    assert.equal(admin?.state, 'active');
    assert.equal(admin?.administrative, true);
    assert.deepEqual(admin?.regions, ['eu-central-3', 'eu-central-4', 'us-central-1']);
    assert.ok(admin?.createdAt && Date.now() - admin.createdAt.getTime() > 199 * 86_400_000);
  });

  it('shows a FAILED key as failed, with the message IONOS gives', async () => {
    const provider = await connect(envWithStorage());
    const broken = (await provider.listKeys(CONTRACT_KEYS_ENTRY_ID)).find((k) => k.displayName === 'broken');
    assert.equal(broken?.state, 'failed');
    assert.equal(broken?.stateMessage, 'Provisioning the key in region eu-central-4 failed.');
  });

  it('signs in with a token too, and follows the cloudKeys.ionos.objectStorageApiUrl setting', async () => {
    const provider = await connect(tokenEnv(emulator), FAST, { 'ionos.objectStorageApiUrl': `${emulator.objectStorage.url}/` });
    assert.equal((await provider.listKeys(CONTRACT_KEYS_ENTRY_ID)).length, 3);
  });

  it('refuses a wrong password with an auth error, and an unusable URL with a config error naming the variable', async () => {
    const wrong = await connect({ ...envWithStorage(), IONOS_PASSWORD: 'not-it' });
    await rejection(wrong.listKeys(CONTRACT_KEYS_ENTRY_ID), 'auth');
    const bad = await connect(envWithStorage({ IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT: 'http://s3.example.com' }));
    const error = await rejection(bad.listKeys(CONTRACT_KEYS_ENTRY_ID), 'config');
    assert.match(error.message, /IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT uses plain http/);
  });
});

describe('IONOS contract access keys: writes', () => {
  it('creates a key with its description, follows PROVISIONING to AVAILABLE, and stores the secret first', async () => {
    const provider = await connect(envWithStorage());
    const entry = (await provider.listUsers()).items[0];
    const sink = new MemorySink();
    const created = await createKeyStoringSecret(provider, entry, 'object-storage-access-key', { displayName: 'uploads' }, sink);
    assert.equal(created.key.state, 'active', 'the key is returned once AVAILABLE');
    assert.equal(created.key.displayName, 'uploads');
    const held = emulator.state.objectStorage.keys.get(created.key.resourceId!);
    assert.equal(held?.status, 'AVAILABLE');
    assert.equal(sink.stored.get(created.key.id)?.reveal(), held?.secretKey);
    assert.ok(storageCalls().filter((c) => c === `GET /accesskeys/${held?.id}`).length >= 1, 'the status was read until it settled');
  });

  it('reports a creation that ends FAILED with the message IONOS gives', async () => {
    const provider = await connect(envWithStorage());
    emulator.state.objectStorage.failNextCreates(1, 'No capacity in eu-central-3.');
    const error = await rejection(provider.createKey(CONTRACT_KEYS_ENTRY_ID, 'object-storage-access-key', { displayName: 'x' }), 'server');
    assert.match(error.message, /No capacity in eu-central-3\..*FAILED/);
  });

  it('renews a key: same key, a new secret returned, the old one gone', async () => {
    const provider = await connect(envWithStorage());
    const key = (await provider.listKeys(CONTRACT_KEYS_ENTRY_ID)).find((k) => k.displayName === 'ci uploads')!;
    const before = emulator.state.objectStorage.keys.get(key.resourceId!)!.secretKey;
    const renewed = await provider.renewKey(key);
    const after = emulator.state.objectStorage.keys.get(key.resourceId!)!;
    assert.equal(renewed.key.resourceId, key.resourceId);
    assert.equal(renewed.key.id, key.id);
    assert.equal(renewed.key.state, 'active');
    assert.notEqual(after.secretKey, before);
    assert.equal(renewed.secret.reveal(), after.secretKey);
    assert.ok(storageCalls().includes(`PUT /accesskeys/${key.resourceId}/renew`));
  });

  it('changes the description, and refuses to deactivate or expire a key', async () => {
    const provider = await connect(envWithStorage());
    const key = (await provider.listKeys(CONTRACT_KEYS_ENTRY_ID))[1];
    const updated = await provider.updateKey(key, { displayName: 'ci uploads (prod)' });
    assert.equal(updated.displayName, 'ci uploads (prod)');
    assert.equal(emulator.state.objectStorage.keys.get(key.resourceId!)?.description, 'ci uploads (prod)');
    await rejection(provider.updateKey(key, { state: 'inactive' }), 'invalid');
  });

  it('deletes a key and waits until IONOS has destroyed it', async () => {
    const provider = await connect(envWithStorage());
    const key = (await provider.listKeys(CONTRACT_KEYS_ENTRY_ID))[1];
    await provider.deleteKey(key);
    assert.equal(emulator.state.objectStorage.keys.has(key.resourceId!), false, 'gone once deleteKey returns');
    assert.deepEqual(
      (await provider.listKeys(CONTRACT_KEYS_ENTRY_ID)).map((k) => k.resourceId),
      emulator.state.objectStorage.list().map((k) => k.id),
    );
  });

  it('verifies a key as listed and AVAILABLE', async () => {
    const provider = await connect(envWithStorage());
    const keys = await provider.listKeys(CONTRACT_KEYS_ENTRY_ID);
    const secret = (await provider.renewKey(keys[0])).secret;
    assert.equal(await provider.verifyKey(keys[0], secret), true);
    assert.equal(
      await provider.verifyKey(
        keys.find((k) => k.state === 'failed')!,
        secret,
      ),
      false,
    );
  });

  it('gives up following a key that stays PROVISIONING, saying it will finish on its own', async () => {
    const provider = await connect(envWithStorage(), { ...FAST, poll: { initialDelayMs: 5, maxDelayMs: 10, timeoutMs: 60 } });
    emulator.state.asyncWrites = { queuedMs: 10_000, runningMs: 0 };
    const error = await rejection(provider.createKey(CONTRACT_KEYS_ENTRY_ID, 'object-storage-access-key', {}), 'server');
    assert.match(error.message, /still provisioning the key after 0 s.*finish on its own/);
  });
});
