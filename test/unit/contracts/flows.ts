/**
 * What a user does with each cloud, through the real adapters against the emulators: every read and
 * write the adapter has, with the checks a user would notice (the users and keys shown are the
 * cloud's, a new key's secret is the cloud's, a deactivated key is inactive, a deleted key is gone).
 * The contract tests run these with every answer at its fullest and with seeded spec-valid variants.
 */
import assert from 'node:assert/strict';
import { CONTRACT_KEYS_ENTRY_ID } from '../../../src/clouds/ionos/constants';
import type { CloudProvider } from '../../../src/clouds/provider';
import type { AccessKey, CloudUser } from '../../../src/model/types';
import type { IonosEmulator } from '../../emulators/ionos';
import type { RunningOciEmulator } from '../../emulators/oci';
import type { RunningOutscaleEmulator } from '../../emulators/outscale/index';

const DAY = 86_400_000;

export async function allUsers(provider: CloudProvider): Promise<CloudUser[]> {
  const users: CloudUser[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const { items, next } = await provider.listUsers(cursor);
    users.push(...items);
    if (next === undefined) return users;
    cursor = next;
  }
  assert.fail('the user list did not end');
}

/** Keys listed without a creation date (their age unknown): the variants at work. */
export const undated = { count: 0 };

/** A key's creation date is either the cloud's or unknown; never an invalid date. */
function plausibleDates(key: AccessKey): void {
  for (const date of [key.createdAt, key.expiresAt]) {
    if (date !== undefined) assert.ok(!Number.isNaN(date.getTime()), `key ${key.id} has an invalid date`);
  }
  if (key.createdAt === undefined) undated.count += 1;
}

export async function outscaleFlow(provider: CloudProvider, emulator: RunningOutscaleEmulator): Promise<void> {
  await provider.whoAmI();
  const users = await allUsers(provider);
  assert.deepEqual(
    users.slice(1).map((u) => u.name),
    emulator.state.users.map((u) => u.userName),
    'every EIM user is listed, after the account',
  );
  for (const user of users) {
    const keys = await provider.listKeys(user.id);
    const owner = user.id === users[0].id ? '' : user.id;
    assert.deepEqual(
      keys.map((k) => k.id).sort(),
      emulator.state
        .keysOf(owner)
        .map((k) => k.accessKeyId)
        .sort(),
      `the keys of ${user.name}`,
    );
    for (const key of keys) {
      assert.equal(key.state, emulator.state.keys.get(key.id)!.state.toLowerCase());
      plausibleDates(key);
    }
  }
  const expiresAt = new Date(emulator.now() + 30 * DAY);
  const created = await provider.createKey('bob', 'access-key', { displayName: 'contract', expiresAt });
  const held = emulator.state.keys.get(created.key.id);
  assert.ok(held && created.secret?.reveal() === held.secretKey, 'the new secret is the one OUTSCALE holds');
  assert.equal(await provider.verifyKey(created.key, created.secret!), true);
  const renamed = await provider.updateKey(created.key, { displayName: 'contract renamed' });
  assert.equal(held.tag, 'contract renamed');
  const inactive = await provider.updateKey(renamed, { state: 'inactive' });
  assert.equal(held.state, 'INACTIVE');
  assert.equal(held.expirationDate?.getTime(), expiresAt.getTime(), 'a state change keeps the expiry');
  await provider.deleteKey(inactive);
  assert.equal(emulator.state.keys.has(created.key.id), false);
}

export async function ionosFlow(provider: CloudProvider, emulator: IonosEmulator): Promise<void> {
  const me = await provider.whoAmI();
  assert.equal(me.id, emulator.caller.userId);
  const listed = await allUsers(provider);
  const users = listed.filter((u) => u.id !== CONTRACT_KEYS_ENTRY_ID);
  assert.deepEqual(users.map((u) => u.id).sort(), [...emulator.state.users.keys()].sort(), 'every user is listed');
  await contractKeysFlow(
    provider,
    emulator,
    listed.find((u) => u.id === CONTRACT_KEYS_ENTRY_ID),
  );
  for (const user of users) {
    const keys = await provider.listKeys(user.id);
    assert.deepEqual(
      keys.map((k) => k.id).sort(),
      emulator.state
        .keysOf(user.id)
        .map((k) => k.id)
        .sort(),
      `the keys of ${user.name}`,
    );
    for (const key of keys) {
      assert.equal(key.state, emulator.state.keys.get(key.id)!.active ? 'active' : 'inactive');
      plausibleDates(key);
    }
  }
  const nina = emulator.state.userByEmail('nina.none@example.com')!.id;
  const created = await provider.createKey(nina, 'access-key', {});
  const held = emulator.state.keys.get(created.key.id);
  assert.ok(held && created.secret?.reveal() === held.secretKey, 'the new secret is the one IONOS holds');
  assert.equal(await provider.verifyKey(created.key, created.secret!), true);
  assert.equal((await provider.revealSecret!(created.key)).reveal(), held.secretKey);
  const inactive = await provider.updateKey(created.key, { state: 'inactive' });
  assert.equal(inactive.state, 'inactive');
  assert.equal(emulator.state.keys.get(created.key.id)?.active, false);
  await provider.deleteKey(inactive);
  assert.deepEqual(await provider.listKeys(nina), []);
  assert.equal(emulator.state.keys.has(created.key.id), false);
}

/** The contract's Object Storage access keys: every call of the Object Storage Management API. */
async function contractKeysFlow(provider: CloudProvider, emulator: IonosEmulator, entry: CloudUser | undefined): Promise<void> {
  assert.ok(entry, 'the contract access keys are listed beside the users');
  const keys = await provider.listKeys(entry.id);
  assert.deepEqual(
    keys.map((k) => k.resourceId),
    emulator.state.objectStorage.list().map((k) => k.id),
  );
  const created = await provider.createKey(entry.id, 'object-storage-access-key', { displayName: 'contract flow' });
  assert.equal(created.secret?.reveal(), emulator.state.objectStorage.keys.get(created.key.resourceId!)?.secretKey);
  const described = await provider.updateKey(created.key, { displayName: 'contract flow, renamed' });
  assert.equal(described.displayName, 'contract flow, renamed');
  const renewed = await provider.renewKey!(described);
  assert.equal(renewed.secret.reveal(), emulator.state.objectStorage.keys.get(created.key.resourceId!)?.secretKey);
  await provider.deleteKey(renewed.key);
  assert.equal(emulator.state.objectStorage.keys.has(created.key.resourceId!), false);
}

export async function ociFlow(provider: CloudProvider, emulator: RunningOciEmulator): Promise<void> {
  const me = await provider.whoAmI();
  assert.equal(me.name, 'ck-admin');
  const users = await allUsers(provider);
  assert.deepEqual(users.map((u) => u.id).sort(), emulator.state.users.map((u) => u.id).sort(), 'every user is listed');
  for (const user of users) {
    const keys = await provider.listKeys(user.id);
    const live = [
      ...emulator.state.secretKeys.filter((k) => k.userId === user.id && k.lifecycleState !== 'DELETED').map((k) => k.id),
      ...emulator.state.apiKeys.filter((k) => k.userId === user.id && k.lifecycleState !== 'DELETED').map((k) => k.fingerprint),
    ];
    assert.deepEqual(keys.map((k) => k.id).sort(), live.sort(), `the keys of ${user.name}`);
    for (const key of keys) {
      assert.equal(key.userId, user.id, 'a key without userId is its user’s');
      plausibleDates(key);
    }
  }
  const plain = users.find((u) => u.name === 'ck-plain')!.id;
  const created = await provider.createKey(plain, 'access-key', { displayName: 'contract' });
  assert.ok(created.secret, 'the new secret is handed over');
  const renamed = await provider.updateKey(created.key, { displayName: 'contract renamed' });
  assert.equal(renamed.displayName, 'contract renamed');
  await provider.deleteKey(renamed);
  const signing = await provider.createKey(plain, 'api-signing-key', { keyBits: 2048 });
  assert.equal(emulator.state.apiKeys.find((k) => k.fingerprint === signing.key.id)?.lifecycleState, 'ACTIVE');
  await provider.deleteKey(signing.key);
  assert.deepEqual(await provider.listKeys(plain), []);
}
