/**
 * Credentials that belong to an EIM user rather than to the account: OUTSCALE acts on "the user who
 * sends the request" when `UserName` is omitted, so that user must be named as it is, and its own
 * active keys deactivated before they are deleted, as for any EIM user. Also: a state change resends
 * the key's expiry in a form the spec names.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ACCOUNT_USER_ID } from '../../../src/clouds/outscale/index';
import { CloudError } from '../../../src/model/cloudError';
import { startOutscaleEmulator, TEST_SEED, type RunningOutscaleEmulator } from '../../emulators/outscale/index';
import type { CloudMemory } from '../../../src/clouds/cloudModule';
import { FAST, makeContext, providerFor, rawCall } from './support';

const DAY = 86_400_000;

describe('OUTSCALE: who signs, the account or an EIM user', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  /** Erin's seeded key, plus a second active key she can delete while signing with the first. */
  async function signAsErin(options: { eimAdmin?: boolean } = {}) {
    if (options.eimAdmin) emulator.state.user('erin')!.eimAdmin = true;
    const signing = emulator.state.keysOf('erin')[0];
    const { provider } = await providerFor(emulator, { keys: { accessKeyId: signing.accessKeyId, secretKey: signing.secretKey } });
    return { provider, signing };
  }

  it('an EIM user that may not list users is shown as an EIM user, not as the account, with its own keys', async () => {
    const { provider, signing } = await signAsErin();
    const me = await provider.whoAmI();
    assert.equal(me.isCaller, true);
    assert.doesNotMatch(me.name, /root|Account/);
    assert.match(me.name, /EIM user/);
    assert.match(me.note ?? '', /does not say its name/);
    assert.deepEqual((await provider.listUsers()).items, [], 'no "Account (root)" row, and no failure for the user list');
    assert.deepEqual(
      (await provider.listKeys(me.id)).map((k) => k.id),
      [signing.accessKeyId],
    );
  });

  it("deletes the EIM caller's own active key by deactivating it first, as OUTSCALE requires", async () => {
    const { provider } = await signAsErin();
    const me = await provider.whoAmI();
    const extra = await provider.createKey(me.id, 'access-key', { displayName: 'spare' });
    assert.equal(extra.key.state, 'active');
    emulator.calls.length = 0;
    await provider.deleteKey(extra.key);
    assert.deepEqual(
      emulator.calls.filter((c) => c !== 'ReadAccessKeys' && c !== 'ReadUsers'),
      ['UpdateAccessKey', 'DeleteAccessKey'],
    );
    assert.equal(emulator.state.keys.has(extra.key.id), false, 'the key is gone from OUTSCALE');
  });

  it("refuses to delete the EIM caller's signing key without calling it the account's last key", async () => {
    const { provider, signing } = await signAsErin();
    const me = await provider.whoAmI();
    const [key] = (await provider.listKeys(me.id)).filter((k) => k.id === signing.accessKeyId);
    emulator.calls.length = 0;
    await assert.rejects(
      provider.deleteKey(key),
      (e: unknown) =>
        e instanceof CloudError &&
        e.code === 'conflict' &&
        /signs with/.test(e.message) &&
        !/last active key of the account/.test(e.message),
    );
    assert.ok(!emulator.calls.includes('DeleteAccessKey') && !emulator.calls.includes('UpdateAccessKey'), 'nothing was changed');
  });

  it('an EIM user allowed to list users is found by its key and named, and no account row is listed', async () => {
    const { provider } = await signAsErin({ eimAdmin: true });
    const me = await provider.whoAmI();
    assert.equal(me.id, 'erin');
    assert.equal(me.name, 'erin');
    const listed = (await provider.listUsers()).items.map((u) => u.id);
    assert.ok(!listed.includes(ACCOUNT_USER_ID), 'the account cannot be reached from an EIM user');
    assert.deepEqual([...listed].sort(), [...TEST_SEED.users].sort());
    const extra = await provider.createKey('erin', 'access-key', {});
    await provider.deleteKey(extra.key);
    assert.equal(emulator.state.keys.has(extra.key.id), false);
  });

  it('after a refresh (a new provider), the EIM caller is known again with one key check, not a search of every user', async () => {
    // An emulator of its own: callers are remembered by endpoint and key, so this one is new.
    const fresh = await startOutscaleEmulator({ seed: 'test' });
    try {
      fresh.state.user('erin')!.eimAdmin = true;
      const signing = fresh.state.keysOf('erin')[0];
      const keys = { accessKeyId: signing.accessKeyId, secretKey: signing.secretKey };
      const searches = () => fresh.calls.filter((c) => c === 'ReadAccessKeys').length;
      const { provider } = await providerFor(fresh, { keys });
      fresh.calls.length = 0;
      assert.equal((await provider.whoAmI()).id, 'erin');
      const first = searches();
      const { provider: again } = await providerFor(fresh, { keys });
      fresh.calls.length = 0;
      assert.equal((await again.whoAmI()).id, 'erin');
      // One ReadAccessKeys of the caller's own keys each time, plus the search: every listed user the
      // first time, only erin after the refresh.
      assert.equal(first, 1 + TEST_SEED.users.length, `the first time, every listed user's keys are read: ${first} calls`);
      assert.equal(searches(), 2, `after the refresh, one check of erin's keys: ${fresh.calls.join(', ')}`);
    } finally {
      await fresh.close();
    }
  });

  it('the account signing is still the account, listed first', async () => {
    const { provider } = await providerFor(emulator);
    const me = await provider.whoAmI();
    assert.equal(me.id, ACCOUNT_USER_ID);
    assert.equal(me.name, 'Account (root)');
    assert.equal((await provider.listUsers()).items[0].id, ACCOUNT_USER_ID);
  });
});

describe('OUTSCALE: a state change resends the expiry as the spec names it', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('deactivating and reactivating a key that expires keeps the same expiry (OUTSCALE answers …+0000, which it does not accept back)', async () => {
    const { provider } = await providerFor(emulator);
    const key = (await provider.listKeys('alice')).find((k) => k.id === TEST_SEED.aliceActiveKeyId)!;
    const expiry = key.expiresAt!.getTime();
    assert.ok(expiry > Date.now() + DAY, 'the seeded key expires in the future');
    const off = await provider.updateKey(key, { state: 'inactive' });
    assert.equal(off.state, 'inactive');
    assert.equal(off.expiresAt?.getTime(), expiry);
    const on = await provider.updateKey(off, { state: 'active', displayName: 'renamed' });
    assert.equal(on.expiresAt?.getTime(), expiry);
    assert.equal(emulator.state.keys.get(key.id)?.expirationDate?.getTime(), expiry);
  });

  it('the emulator refuses an expiry written …+0000, as neither date-time nor date', async () => {
    await assert.rejects(
      rawCall(emulator, 'UpdateAccessKey', {
        AccessKeyId: TEST_SEED.aliceActiveKeyId,
        UserName: 'alice',
        State: 'ACTIVE',
        ExpirationDate: '2099-01-31T10:00:00.000+0000',
      }),
      (e: unknown) => e instanceof CloudError && e.code === 'invalid' && /ExpirationDate/.test(e.message),
    );
  });

  it("finds who signs once: a later window with the same memory names the caller without reading every user's keys", async () => {
    const memory = new Map<string, string>();
    const kept: CloudMemory = { get: (key) => memory.get(key), set: async (key, value) => void memory.set(key, value) };
    const searches = async (store: CloudMemory) => {
      emulator.calls.length = 0;
      const { provider } = await providerFor(emulator, { ctx: makeContext({ memory: store }) });
      const me = await provider.whoAmI();
      return { me, readAccessKeys: emulator.calls.filter((c) => c === 'ReadAccessKeys').length };
    };
    const first = await searches(kept);
    assert.equal(first.me.id, ACCOUNT_USER_ID);
    assert.ok(first.readAccessKeys > 1, "the first window did not look among the users' keys");
    assert.equal(memory.size, 1);
    for (const [key, value] of memory) {
      assert.ok(!`${key}${value}`.includes(emulator.caller.accessKeyId), 'the memory holds the access key id');
    }

    const later = await searches(kept);
    assert.equal(later.me.id, ACCOUNT_USER_ID);
    assert.equal(later.readAccessKeys, 1, 'a later window searched again (one call proves the key works)');

    const elsewhere = await searches({ get: () => undefined, set: async () => undefined });
    assert.equal(elsewhere.readAccessKeys, first.readAccessKeys, 'without the memory the caller is looked for again');
  });

  it('keeps "the account", found on a first page of several, only for that page: another first page is searched again', async () => {
    const memory = new Map<string, string>();
    const kept: CloudMemory = { get: (key) => memory.get(key), set: async (key, value) => void memory.set(key, value) };
    const window = async () => {
      emulator.calls.length = 0;
      const { provider } = await providerFor(emulator, { ctx: makeContext({ memory: kept }), tuning: { ...FAST, pageSize: 1 } });
      const me = await provider.whoAmI();
      return { me, readAccessKeys: emulator.calls.filter((c) => c === 'ReadAccessKeys').length };
    };
    const first = await window();
    assert.equal(first.me.id, ACCOUNT_USER_ID);
    const same = await window();
    // One ReadAccessKeys is the key's own check, whatever the memory holds; the search adds one per user of the page.
    assert.equal(same.readAccessKeys, first.readAccessKeys - 1, 'the same first page was searched again');
    // Another user now comes first: what was concluded from the old page does not apply.
    const someone = emulator.state.users[0];
    emulator.state.users.unshift({ ...someone, userId: 'AIDAFIRSTUSER', userName: 'aaa-first' });
    const changed = await window();
    assert.equal(changed.me.id, ACCOUNT_USER_ID);
    assert.equal(changed.readAccessKeys, first.readAccessKeys, 'a different first page was not searched');
  });
});
