import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import fs from 'node:fs';
import { ACCOUNT_USER_ID, cloudModule } from '../../../src/clouds/outscale/index';
import { CloudError } from '../../../src/model/cloudError';
import { isSecret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { startOutscaleEmulator, TEST_SEED, type RunningOutscaleEmulator } from '../../emulators/outscale/index';
import { assertNoSecretIn, FAST, makeContext, manualAccount, providerFor, rawCall } from './support';

const DAY = 86_400_000;

function isCloudError(code: string, pattern?: RegExp) {
  return (e: unknown) => e instanceof CloudError && e.code === code && (!pattern || pattern.test(e.message));
}

describe('OUTSCALE access keys against the emulator', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const keyOf = (keys: AccessKey[], id: string) => {
    const key = keys.find((k) => k.id === id);
    assert.ok(key, `key ${id} listed`);
    return key;
  };

  it('whoAmI is the account itself, proven with a signed call', async () => {
    const { provider } = await providerFor(emulator);
    const me = await provider.whoAmI();
    assert.equal(me.id, ACCOUNT_USER_ID);
    assert.equal(me.isCaller, true);
    // The signed proof, then the caller is told from an EIM user: the first user page, each user's keys searched for the signing key.
    assert.deepEqual(emulator.calls, ['ReadAccessKeys', 'ReadUsers', ...TEST_SEED.users.map(() => 'ReadAccessKeys')]);
  });

  it('lists the account first, then every EIM user across pages', async () => {
    const { provider } = await providerFor(emulator, { tuning: { ...FAST, pageSize: 2 } });
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await provider.listUsers(cursor);
      names.push(...page.items.map((u) => u.id));
      cursor = page.next;
      pages += 1;
    } while (cursor && pages < 10);
    assert.deepEqual(names, [ACCOUNT_USER_ID, ...TEST_SEED.users]);
    assert.equal(pages, 3);
    // The first page is read once, for the caller's identity and the list alike.
    assert.deepEqual(
      emulator.calls.filter((c) => c === 'ReadUsers'),
      ['ReadUsers', 'ReadUsers', 'ReadUsers'],
    );
  });

  it("lists the account's keys and an EIM user's keys with state, tag, dates and expiry", async () => {
    const { provider } = await providerFor(emulator);
    const mine = await provider.listKeys(ACCOUNT_USER_ID);
    assert.deepEqual(mine.map((k) => k.id).sort(), [TEST_SEED.accountSpareKeyId, TEST_SEED.callerKeyId].sort());
    assert.equal(keyOf(mine, TEST_SEED.callerKeyId).state, 'active');
    assert.equal(keyOf(mine, TEST_SEED.callerKeyId).displayName, 'ci');
    assert.equal(keyOf(mine, TEST_SEED.accountSpareKeyId).state, 'inactive');
    const alice = await provider.listKeys('alice');
    const active = keyOf(alice, TEST_SEED.aliceActiveKeyId);
    assert.equal(active.userId, 'alice');
    assert.equal(active.kind, 'access-key');
    assert.equal(active.displayName, 'deploy');
    assert.ok(active.expiresAt && Math.abs(active.expiresAt.getTime() - (Date.now() + 30 * DAY)) < DAY);
    assert.ok(active.createdAt && active.createdAt.getTime() < Date.now() - 19 * DAY);
    assert.equal(keyOf(alice, TEST_SEED.aliceOldKeyId).state, 'inactive');
    assert.equal(keyOf(alice, TEST_SEED.aliceOldKeyId).expiresAt, undefined);
    assert.deepEqual(await provider.listKeys('bob'), []);
  });

  it('creates a key with an expiry and a tag, hands the secret back once as a Secret, and the new key signs the next request', async () => {
    const { provider, ctx } = await providerFor(emulator);
    const expiresAt = new Date(Date.now() + 7 * DAY);
    const created = await provider.createKey('bob', 'access-key', { displayName: 'rotation', expiresAt });
    assert.ok(isSecret(created.secret));
    assert.equal(created.secret.length, 40);
    assert.equal(created.key.userId, 'bob');
    assert.equal(created.key.state, 'active');
    assert.equal(created.key.displayName, 'rotation');
    assert.equal(created.key.expiresAt?.getTime(), expiresAt.getTime());
    assert.equal(emulator.state.keys.get(created.key.id)?.owner, 'bob');
    assert.equal(await provider.verifyKey(created.key, created.secret), true);
    // The new key works as an account credential of its own.
    const { provider: asBob } = await providerFor(emulator, { keys: { accessKeyId: created.key.id, secretKey: created.secret.reveal() } });
    assert.deepEqual(
      (await asBob.listKeys(ACCOUNT_USER_ID)).map((k) => k.id),
      [created.key.id],
    );
    assert.ok(!JSON.stringify(created).includes(created.secret.reveal()), 'the secret does not serialise');
    assertNoSecretIn(ctx.logger.lines, [created.secret.reveal(), emulator.caller.secretKey]);
  });

  it('checks the per-user limit before calling, naming the user, the limit and the keys in the way', async () => {
    const { provider } = await providerFor(emulator);
    await assert.rejects(
      provider.createKey(TEST_SEED.fullUser, 'access-key', {}),
      (e: unknown) =>
        e instanceof CloudError &&
        e.code === 'quota' &&
        /EIM user carol/.test(e.message) &&
        /limit of 10/.test(e.message) &&
        /Delete one of [A-Z0-9]{20}, /.test(e.message),
    );
    assert.deepEqual(emulator.calls, ['ReadAccessKeys'], 'no CreateAccessKey was sent');
    assert.equal(provider.capabilities('access-key').maxKeysPerUser, 10);
  });

  it('takes the per-user limit from the outscale.maxKeysPerUser setting, since the docs disagree (10 or 2)', async () => {
    const ctx = makeContext({ settings: { 'outscale.maxKeysPerUser': '2' } });
    const account = await manualAccount(ctx, emulator);
    const provider = cloudModule.createProvider(account, ctx);
    assert.equal(provider.capabilities('access-key').maxKeysPerUser, 2);
    await assert.rejects(provider.createKey('alice', 'access-key', {}), isCloudError('quota', /limit of 2 per user/));
    assert.deepEqual(emulator.calls, ['ReadAccessKeys']);
  });

  it('never writes a config file for a hand-entered account', async () => {
    const ctx = makeContext();
    const { provider } = await providerFor(emulator, { ctx });
    await provider.createKey('bob', 'access-key', {});
    assert.deepEqual(fs.readdirSync(ctx.homeDir), []);
  });

  it('maps the cloud refusing a key over its own limit to quota', async () => {
    const small = await startOutscaleEmulator({ seed: 'test', maxKeysPerUser: 2 });
    try {
      const { provider } = await providerFor(small);
      await assert.rejects(
        provider.createKey(ACCOUNT_USER_ID, 'access-key', {}),
        (e: unknown) =>
          e instanceof CloudError && e.code === 'quota' && e.cloudCode === '10022 TooManyResources' && typeof e.requestId === 'string',
      );
    } finally {
      await small.close();
    }
  });

  it('refuses bad expiry dates before any request', async () => {
    const { provider } = await providerFor(emulator);
    await assert.rejects(
      provider.createKey('bob', 'access-key', { expiresAt: new Date(Date.now() - DAY) }),
      isCloudError('invalid', /not in the future/),
    );
    await assert.rejects(
      provider.createKey('bob', 'access-key', { expiresAt: new Date('not a date') }),
      isCloudError('invalid', /not a valid date/),
    );
    const alice = await provider.listKeys('alice');
    emulator.calls.length = 0;
    await assert.rejects(
      provider.updateKey(keyOf(alice, TEST_SEED.aliceOldKeyId), { expiresAt: new Date(Date.now() - 1000) }),
      isCloudError('invalid', /not in the future/),
    );
    assert.deepEqual(emulator.calls, []);
  });

  it('refuses to create an API signing key, which OUTSCALE does not have', async () => {
    const { provider } = await providerFor(emulator);
    await assert.rejects(provider.createKey('bob', 'api-signing-key', {}), isCloudError('invalid', /access keys only/));
    assert.equal(provider.capabilities('api-signing-key').maxKeysPerUser, 0);
  });

  it('deactivates and reactivates a key while keeping its expiration date', async () => {
    const { provider } = await providerFor(emulator);
    const key = keyOf(await provider.listKeys('alice'), TEST_SEED.aliceActiveKeyId);
    const before = emulator.state.keys.get(key.id)!.expirationDate!.getTime();
    const off = await provider.updateKey(key, { state: 'inactive' });
    assert.equal(off.state, 'inactive');
    assert.equal(off.expiresAt?.getTime(), before);
    const on = await provider.updateKey(off, { state: 'active' });
    assert.equal(on.state, 'active');
    assert.equal(emulator.state.keys.get(key.id)!.expirationDate?.getTime(), before, 'the emulator still has the expiry');
  });

  it('(control) the emulator reproduces the trap: a state change sent without ExpirationDate drops the expiry', async () => {
    await rawCall(emulator, 'UpdateAccessKey', { AccessKeyId: TEST_SEED.aliceActiveKeyId, UserName: 'alice', State: 'INACTIVE' });
    assert.equal(emulator.state.keys.get(TEST_SEED.aliceActiveKeyId)!.state, 'INACTIVE');
    assert.equal(emulator.state.keys.get(TEST_SEED.aliceActiveKeyId)!.expirationDate, undefined);
  });

  it('changes, then clears, the expiration date and the tag', async () => {
    const { provider } = await providerFor(emulator);
    const key = keyOf(await provider.listKeys(ACCOUNT_USER_ID), TEST_SEED.accountSpareKeyId);
    const later = new Date(Date.now() + 100 * DAY);
    const changed = await provider.updateKey(key, { expiresAt: later, displayName: 'renamed' });
    assert.equal(changed.expiresAt?.getTime(), later.getTime());
    assert.equal(changed.displayName, 'renamed');
    assert.equal(changed.state, 'inactive', 'the state is kept');
    const cleared = await provider.updateKey(changed, { expiresAt: null, displayName: '' });
    assert.equal(cleared.expiresAt, undefined);
    assert.equal(cleared.displayName, undefined);
  });

  it('refuses to reactivate an expired key without a new date, and reactivates it with one', async () => {
    const { provider } = await providerFor(emulator);
    const key = keyOf(await provider.listKeys('frank'), TEST_SEED.frankExpiredKeyId);
    const off = await provider.updateKey(key, { state: 'inactive' });
    assert.equal(off.state, 'inactive');
    await assert.rejects(provider.updateKey(off, { state: 'active' }), isCloudError('invalid', /expired on .* new expiration date/));
    const on = await provider.updateKey(off, { state: 'active', expiresAt: new Date(Date.now() + DAY) });
    assert.equal(on.state, 'active');
  });

  it("deletes an EIM user's active key by deactivating it first, keeping its expiry on the way", async () => {
    const { provider } = await providerFor(emulator);
    const key = keyOf(await provider.listKeys('alice'), TEST_SEED.aliceActiveKeyId);
    emulator.calls.length = 0;
    await provider.deleteKey(key);
    assert.deepEqual(
      emulator.calls.filter((c) => c !== 'ReadAccessKeys'),
      ['UpdateAccessKey', 'DeleteAccessKey'],
    );
    assert.equal(emulator.state.keys.has(key.id), false);
  });

  it("deletes an EIM user's inactive key and an account key directly", async () => {
    const { provider } = await providerFor(emulator);
    const old = keyOf(await provider.listKeys('alice'), TEST_SEED.aliceOldKeyId);
    const spare = keyOf(await provider.listKeys(ACCOUNT_USER_ID), TEST_SEED.accountSpareKeyId);
    emulator.calls.length = 0;
    await provider.deleteKey(old);
    await provider.deleteKey(spare);
    assert.deepEqual(
      emulator.calls.filter((c) => c !== 'ReadAccessKeys' && c !== 'ReadUsers'),
      ['DeleteAccessKey', 'DeleteAccessKey'],
    );
    assert.equal(emulator.state.keys.has(old.id), false);
    assert.equal(emulator.state.keys.has(spare.id), false);
  });

  it('the emulator refuses to delete an active EIM key, as OUTSCALE does', async () => {
    const { provider } = await providerFor(emulator);
    const key = keyOf(await provider.listKeys('dave'), emulator.state.keysOf('dave')[0].accessKeyId);
    // Deactivated elsewhere, then reactivated behind the adapter's back between its read and its delete.
    await assert.rejects(
      (async () => {
        emulator.faults.add({
          route: 'UpdateAccessKey',
          kind: 'status',
          status: 200,
          body: { AccessKey: { AccessKeyId: key.id, State: 'INACTIVE' } },
          times: 1,
        });
        await provider.deleteKey(key);
      })(),
      (e: unknown) =>
        e instanceof CloudError &&
        e.code === 'conflict' &&
        e.cloudCode === '9093 ResourceConflict' &&
        /deactivated but not deleted/.test(e.message),
    );
    assert.ok(emulator.state.keys.has(key.id));
  });

  it("refuses to delete or deactivate the key it signs with, saying when it is the account's last active key", async () => {
    const { provider } = await providerFor(emulator);
    const signing = keyOf(await provider.listKeys(ACCOUNT_USER_ID), TEST_SEED.callerKeyId);
    emulator.calls.length = 0;
    await assert.rejects(
      provider.deleteKey(signing),
      isCloudError('conflict', /signs with .* last active key .* OUTSCALE would create a new key/),
    );
    await assert.rejects(provider.updateKey(signing, { state: 'inactive' }), isCloudError('conflict', /signs with .* last active key/));
    assert.ok(!emulator.calls.some((c) => c === 'DeleteAccessKey' || c === 'UpdateAccessKey'), 'nothing was changed');
    emulator.state.keys.get(TEST_SEED.accountSpareKeyId)!.state = 'ACTIVE';
    await assert.rejects(
      provider.deleteKey(signing),
      (e: unknown) => isCloudError('conflict', /signs with/)(e) && !/last active/.test((e as Error).message),
    );
    assert.equal(emulator.state.keys.get(TEST_SEED.callerKeyId)?.state, 'ACTIVE');
  });
});
