import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { OutscaleApiClient } from '../../../src/clouds/outscale/apiClient';
import { ACCOUNT_USER_ID, cloudModule, createOutscaleProvider } from '../../../src/clouds/outscale/index';
import { CloudError } from '../../../src/model/cloudError';
import { isSecret, Secret } from '../../../src/model/secret';
import { manualCredentialName, type Account } from '../../../src/model/types';
import { startOutscaleEmulator, TEST_SEED, type RunningOutscaleEmulator } from '../../emulators/outscale/index';
import { FAST, makeContext, RecordingLogger, type TestContext } from './support';

const DAY = 86_400_000;
const { email, password } = TEST_SEED.login;
const PASSWORD_ONLY = /only allows managing the account's own access keys; add an access key to manage EIM users/;

function cloudError(check: (e: CloudError) => boolean) {
  return (e: unknown) => e instanceof CloudError && check(e);
}

/** A hand-entered account that signs in with a login and password, as "Add Account" stores it. */
async function passwordAccount(
  ctx: TestContext,
  emulator: RunningOutscaleEmulator,
  secret: Record<string, string> = { login: email, password },
): Promise<Account> {
  const id = 'outscale:manual:password';
  await ctx.credentials.store(manualCredentialName(id), new Secret(JSON.stringify(secret)));
  return {
    id,
    cloud: 'outscale',
    label: 'signed in with a password',
    source: 'entered by hand',
    origin: { kind: 'manual' },
    details: { region: emulator.region, endpoint: emulator.url },
  };
}

describe('OUTSCALE: signing in with the login and password', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    // The account has no usable access key: nothing could sign, only the password can get it a new one.
    for (const key of emulator.state.keysOf('')) key.state = 'INACTIVE';
  });

  async function setUp(logger = new RecordingLogger()) {
    const ctx: TestContext = { ...makeContext(), logger };
    const account = await passwordAccount(ctx, emulator);
    return { ctx, account, provider: createOutscaleProvider(account, ctx, FAST) };
  }

  it("lists, creates, deactivates (keeping the expiry) and deletes the account's own keys with no usable access key", async () => {
    const { provider } = await setUp();
    const before = await provider.listKeys(ACCOUNT_USER_ID);
    assert.deepEqual(before.map((k) => k.id).sort(), [TEST_SEED.accountSpareKeyId, TEST_SEED.callerKeyId].sort());
    assert.ok(before.every((k) => k.state === 'inactive'));

    const expiresAt = new Date(Date.now() + 30 * DAY);
    const created = await provider.createKey(ACCOUNT_USER_ID, 'access-key', { displayName: 'first key', expiresAt });
    assert.ok(isSecret(created.secret));
    assert.equal(created.key.state, 'active');
    assert.equal(emulator.state.keys.get(created.key.id)?.owner, '', 'the key belongs to the account');

    const updated = await provider.updateKey(created.key, { state: 'inactive' });
    assert.equal(updated.state, 'inactive');
    assert.equal(updated.expiresAt?.toISOString(), expiresAt.toISOString(), 'the expiry survived the state change');

    await provider.deleteKey(updated);
    assert.equal(emulator.state.keys.has(created.key.id), false);
    assert.deepEqual(emulator.calls, [
      'ReadAccessKeys',
      'ReadAccessKeys',
      'CreateAccessKey',
      'ReadAccessKeys',
      'UpdateAccessKey',
      'ReadAccessKeys',
      'DeleteAccessKey',
    ]);
  });

  it('whoAmI proves the password with ReadAccessKeys and names the login', async () => {
    const { provider } = await setUp();
    const me = await provider.whoAmI();
    assert.equal(me.id, ACCOUNT_USER_ID);
    assert.equal(me.email, email);
    assert.deepEqual(emulator.calls, ['ReadAccessKeys']);
  });

  it('a key created with the password verifies with a real SigV4-signed call made with the new key', async () => {
    const { provider } = await setUp();
    const created = await provider.createKey(ACCOUNT_USER_ID, 'access-key', {});
    assert.ok(isSecret(created.secret));
    assert.equal(await provider.verifyKey(created.key, created.secret), true);
    assert.equal(
      await provider.verifyKey(created.key, new Secret('x'.repeat(40))),
      false,
      'a wrong secret does not verify: the key itself is checked',
    );
    // The new key now signs on its own: the account has an access key again.
    const signed = createOutscaleProvider(
      {
        id: 'outscale:manual:new',
        cloud: 'outscale',
        label: 'new key',
        source: 'test',
        origin: { kind: 'manual' },
        details: { accessKeyId: created.key.id, region: emulator.region, endpoint: emulator.url },
      },
      await (async () => {
        const ctx = makeContext();
        await ctx.credentials.store(
          manualCredentialName('outscale:manual:new'),
          new Secret(JSON.stringify({ secretKey: created.secret?.reveal() })),
        );
        return ctx;
      })(),
      FAST,
    );
    assert.equal((await signed.listUsers()).items.length, 1 + TEST_SEED.users.length);
  });

  it('lists the account only, with its login and a note on why EIM users are missing, without calling ReadUsers', async () => {
    const { provider } = await setUp();
    const { items, next } = await provider.listUsers();
    assert.equal(next, undefined);
    assert.equal(items.length, 1);
    assert.equal(items[0].id, ACCOUNT_USER_ID);
    assert.equal(items[0].email, email);
    assert.match(items[0].note ?? '', /password/);
    assert.match(items[0].note ?? '', /EIM users are not listed/);
    assert.deepEqual(emulator.calls, [], 'ReadUsers, which needs a signature, was not sent');
  });

  it("refuses an EIM user's keys with a clear message, before any call", async () => {
    const { provider } = await setUp();
    const alice = {
      id: TEST_SEED.aliceActiveKeyId,
      accountId: 'x',
      userId: 'alice',
      kind: 'access-key' as const,
      state: 'active' as const,
    };
    await assert.rejects(
      provider.listKeys('alice'),
      cloudError((e) => e.code === 'forbidden' && PASSWORD_ONLY.test(e.message)),
    );
    await assert.rejects(
      provider.createKey('alice', 'access-key', {}),
      cloudError((e) => e.code === 'forbidden' && PASSWORD_ONLY.test(e.message)),
    );
    await assert.rejects(
      provider.updateKey(alice, { state: 'inactive' }),
      cloudError((e) => e.code === 'forbidden'),
    );
    await assert.rejects(
      provider.deleteKey(alice),
      cloudError((e) => e.code === 'forbidden'),
    );
    assert.deepEqual(emulator.calls, []);
  });

  it('the client refuses to send ReadUsers with a password; the emulator refuses it with 401 when sent anyway', async () => {
    const client = new OutscaleApiClient(
      { endpoint: emulator.url, region: emulator.region, accountLabel: 'raw', http: { timeoutMs: 5_000 }, logger: new RecordingLogger() },
      async () => ({ kind: 'password', login: email, password: new Secret(password) }),
    );
    await assert.rejects(
      client.call('ReadUsers', {}, z.unknown()),
      cloudError((e) => e.code === 'forbidden' && /ReadUsers needs an access key/.test(e.message) && PASSWORD_ONLY.test(e.message)),
    );
    assert.deepEqual(emulator.calls, []);
    const sent = await fetch(`${emulator.url}/api/v1/ReadUsers`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`,
        'X-Osc-Date': '20300101T000000Z',
      },
      body: '{}',
    });
    assert.equal(sent.status, 401);
  });

  it('a wrong password: an auth CloudError naming the login and password, sent once, never retried', async () => {
    const ctx = makeContext();
    const account = await passwordAccount(ctx, emulator, { login: email, password: 'wrong password' });
    const provider = createOutscaleProvider(account, ctx, FAST);
    await assert.rejects(
      provider.listKeys(ACCOUNT_USER_ID),
      cloudError(
        (e) =>
          e.code === 'auth' &&
          e.httpStatus === 401 &&
          e.cloudCode === '1 AccessDenied' &&
          /login and password/.test(e.message) &&
          /locks authentication after 4 failures/.test(e.message),
      ),
    );
    assert.deepEqual(emulator.calls, ['ReadAccessKeys'], 'the 401 was not retried');
  });

  it('reproduces the lock-out for a login after 4 failures and says to check the login and password', async () => {
    const ctx = makeContext();
    const account = await passwordAccount(ctx, emulator, { login: email, password: 'wrong password' });
    const wrong = createOutscaleProvider(account, ctx, FAST);
    for (let i = 0; i < 4; i += 1)
      await assert.rejects(
        wrong.listKeys(ACCOUNT_USER_ID),
        cloudError((e) => e.code === 'auth'),
      );
    const { provider } = await setUp();
    await assert.rejects(
      provider.listKeys(ACCOUNT_USER_ID),
      cloudError(
        (e) => e.code === 'auth' && e.cloudCode === '13 AccessDenied' && /locked/.test(e.message) && /login and password/.test(e.message),
      ),
    );
    assert.equal(emulator.calls.length, 5);
    emulator.advanceClock(61_000);
    assert.equal((await provider.listKeys(ACCOUNT_USER_ID)).length, 2);
  });

  it('the password never reaches a log line or an error message, redacted or raw', async () => {
    for (const mode of ['redacted', 'raw'] as const) {
      emulator.reset();
      const logger = new RecordingLogger(mode);
      const { provider } = await setUp(logger);
      await provider.whoAmI();
      const created = await provider.createKey(ACCOUNT_USER_ID, 'access-key', {});
      await provider.deleteKey(created.key);
      emulator.faults.add({ route: 'ReadAccessKeys', kind: 'status', status: 503, times: 1 });
      await provider.listKeys(ACCOUNT_USER_ID);
      const ctx: TestContext = { ...makeContext(), logger };
      const bad = createOutscaleProvider(await passwordAccount(ctx, emulator, { login: email, password: `${password}!` }), ctx, FAST);
      const failure = await bad.listKeys(ACCOUNT_USER_ID).then(
        () => assert.fail('a wrong password was accepted'),
        (e: unknown) => e as CloudError,
      );
      const token = Buffer.from(`${email}:${password}`).toString('base64');
      assert.ok(logger.lines.length > 3, `${mode}: something was logged`);
      for (const text of [...logger.lines, failure.message, String(failure.cause ?? '')]) {
        assert.ok(!text.includes(password) && !text.includes(token), `${mode}: the password leaked`);
      }
    }
  });
});

describe('OUTSCALE: accounts that sign in with a password', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('finds the OSC_LOGIN / OSC_PASSWORD account, which lists its keys', async () => {
    const ctx = makeContext({
      env: { OSC_LOGIN: email, OSC_PASSWORD: password, OSC_ENDPOINT_API: emulator.url, OSC_REGION: emulator.region },
    });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(problems, []);
    assert.equal(accounts.length, 1);
    assert.match(accounts[0].source, /OSC_LOGIN, OSC_PASSWORD/);
    assert.ok(!JSON.stringify(accounts).includes(password), 'the password is not in the account');
    const provider = cloudModule.createProvider(accounts[0], ctx);
    assert.equal((await provider.listKeys(ACCOUNT_USER_ID)).length, 2);
    assert.equal((await provider.listUsers()).items.length, 1);
  });

  it('prefers OSC_ACCESS_KEY when both kinds are set, and reports a login without a password', async () => {
    const both = makeContext({ env: { OSC_ACCESS_KEY: 'AK', OSC_SECRET_KEY: 'SK', OSC_LOGIN: email, OSC_PASSWORD: password } });
    const found = await cloudModule.discoverAccounts(both);
    assert.equal(found.accounts[0].details?.accessKeyId, 'AK');
    const half = await cloudModule.discoverAccounts(makeContext({ env: { OSC_LOGIN: email } }));
    assert.deepEqual(half.accounts, []);
    assert.deepEqual(
      half.problems.map((p) => p.source),
      ['OSC_PASSWORD'],
    );
    assert.match(half.problems[0].message, /Set both OSC_LOGIN and OSC_PASSWORD/);
  });

  it('a hand-entered account with a login but no password, or with nothing, fails its first call with a config error saying what to give', async () => {
    for (const [secret, expected] of [
      [{ login: email }, /password is missing/],
      [{}, /either an access key ID and its secret key, or the login \(email\) and password/],
    ] as const) {
      const ctx = makeContext();
      const provider = createOutscaleProvider(await passwordAccount(ctx, emulator, secret), ctx, FAST);
      await assert.rejects(
        provider.listKeys(ACCOUNT_USER_ID),
        cloudError((e) => e.code === 'config' && expected.test(e.message)),
      );
    }
    assert.deepEqual(emulator.calls, []);
  });
});
