import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ACCOUNT_USER_ID, createOutscaleProvider } from '../../../src/clouds/outscale/index';
import { CloudError } from '../../../src/model/cloudError';
import { Secret } from '../../../src/model/secret';
import { startOutscaleEmulator, TEST_SEED, type RunningOutscaleEmulator } from '../../emulators/outscale/index';
import { assertNoSecretIn, FAST, makeContext, manualAccount, providerFor, rawCall } from './support';

const WRONG_SECRET = 'wrongSecretWrongSecretWrongSecret0000000';

function cloudError(check: (e: CloudError) => boolean) {
  return (e: unknown) => e instanceof CloudError && e.cloud === 'outscale' && check(e);
}

const count = (calls: string[], action: string) => calls.filter((c) => c === action).length;

describe('OUTSCALE adapter robustness against the emulator', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  describe('retries', () => {
    it('retries throttling (HTTP 503, code 6) and then succeeds', async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'ReadUsers', kind: 'status', status: 503, times: 2 });
      const page = await provider.listUsers();
      assert.equal(page.items.length, 1 + TEST_SEED.users.length);
      assert.equal(count(emulator.calls, 'ReadUsers'), 3);
    });

    it('does not retry an injected 401, and maps an injected 409 to conflict', async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'ReadUsers', kind: 'status', status: 401, times: 1 });
      await assert.rejects(
        provider.listUsers(),
        cloudError((e) => e.code === 'auth'),
      );
      assert.equal(count(emulator.calls, 'ReadUsers'), 1);
      emulator.faults.add({ route: 'ReadUsers', kind: 'status', status: 409, times: 1 });
      await assert.rejects(
        provider.listUsers(),
        cloudError((e) => e.code === 'conflict' && e.httpStatus === 409),
      );
    });

    it('retries a 429 with Retry-After', async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'ReadAccessKeys', kind: 'status', status: 429, headers: { 'retry-after': '0' }, times: 1 });
      assert.equal((await provider.listKeys('alice')).length, 2);
      assert.equal(count(emulator.calls, 'ReadAccessKeys'), 2);
    });

    it('gives up after a bounded number of 5xx with a server error carrying the RequestId, Code and Type', async () => {
      const { provider, ctx } = await providerFor(emulator);
      emulator.faults.add({ route: 'ReadAccessKeys', kind: 'status', status: 500 });
      await assert.rejects(
        provider.listKeys('alice'),
        cloudError(
          (e) =>
            e.code === 'server' &&
            e.httpStatus === 500 &&
            e.cloudCode === '2000 InternalError' &&
            /^[0-9a-f-]{36}$/.test(e.requestId ?? '') &&
            /Try again later/.test(e.message),
        ),
      );
      assert.equal(count(emulator.calls, 'ReadAccessKeys'), 4);
      assert.ok(
        ctx.logger.lines.some((l) => /attempt 2/.test(l)),
        'retries are logged',
      );
    });

    it('retries a dropped connection, and reports a network error when it keeps dropping', async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'ReadAccessKeys', kind: 'drop', times: 1 });
      assert.equal((await provider.listKeys('alice')).length, 2);
      emulator.faults.add({ route: 'ReadAccessKeys', kind: 'drop' });
      await assert.rejects(
        provider.listKeys('alice'),
        cloudError((e) => e.code === 'network' && /Could not reach OUTSCALE/.test(e.message)),
      );
    });

    it('reports a body that is not JSON as an unreadable response', async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'ReadUsers', kind: 'garbage' });
      await assert.rejects(
        provider.listUsers(),
        cloudError((e) => e.code === 'server' && /could not read/.test(e.message)),
      );
    });

    it('reports a JSON body of the wrong shape as an unreadable response', async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'ReadAccessKeys', kind: 'status', status: 200, body: { AccessKeys: [{ State: 'ACTIVE' }] } });
      await assert.rejects(
        provider.listKeys('alice'),
        cloudError((e) => e.code === 'server' && /could not read/.test(e.message)),
      );
    });

    it('never sends CreateAccessKey twice after a 5xx, but retries it when throttled', async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'CreateAccessKey', kind: 'status', status: 500, times: 1 });
      await assert.rejects(
        provider.createKey('bob', 'access-key', {}),
        cloudError((e) => e.code === 'server'),
      );
      assert.equal(count(emulator.calls, 'CreateAccessKey'), 1);
      emulator.faults.add({ route: 'CreateAccessKey', kind: 'status', status: 503, times: 1 });
      const created = await provider.createKey('bob', 'access-key', {});
      assert.equal(created.key.userId, 'bob');
      assert.equal(count(emulator.calls, 'CreateAccessKey'), 3);
    });

    it('bounds a slow answer by the request timeout', async () => {
      // Its own emulator, for the same reason as the cancellation test below.
      const own = await startOutscaleEmulator({ seed: 'test' });
      try {
        const { provider } = await providerFor(own, { ctx: makeContext({ http: { timeoutMs: 100 } }) });
        own.faults.add({ route: 'ReadUsers', kind: 'latency', ms: 400 });
        await assert.rejects(
          provider.listUsers(),
          cloudError((e) => e.code === 'network' && /did not finish answering ReadUsers within 0.1 s/.test(e.message)),
        );
      } finally {
        await own.close();
      }
    });

    it('stops at once when cancelled', async () => {
      // Its own emulator: the server finishes the delayed request after the client gave up, and that
      // late success must not touch the state other tests use.
      const own = await startOutscaleEmulator({ seed: 'test' });
      try {
        const { provider } = await providerFor(own);
        const aborted = new AbortController();
        aborted.abort();
        await assert.rejects(
          provider.listUsers(undefined, aborted.signal),
          cloudError((e) => e.code === 'cancelled'),
        );
        own.faults.add({ route: 'ReadUsers', kind: 'latency', ms: 2_000 });
        const later = new AbortController();
        setTimeout(() => later.abort(), 50);
        await assert.rejects(
          provider.listUsers(undefined, later.signal),
          cloudError((e) => e.code === 'cancelled' && /ReadUsers was cancelled/.test(e.message)),
        );
      } finally {
        await own.close();
      }
    });
  });

  describe('authentication', () => {
    it('does not retry refused credentials, and says what to check without leaking the secret', async () => {
      const { provider, ctx } = await providerFor(emulator, { keys: { accessKeyId: TEST_SEED.callerKeyId, secretKey: WRONG_SECRET } });
      await assert.rejects(
        provider.listKeys(ACCOUNT_USER_ID),
        cloudError(
          (e) =>
            e.code === 'auth' &&
            e.httpStatus === 401 &&
            e.cloudCode === '1 AccessDenied' &&
            /signature does not match/.test(e.message) &&
            /secret key/.test(e.message) &&
            !e.message.includes(WRONG_SECRET),
        ),
      );
      assert.equal(count(emulator.calls, 'ReadAccessKeys'), 1);
      assertNoSecretIn(ctx.logger.lines, [WRONG_SECRET, emulator.caller.secretKey]);
    });

    it('reproduces the lock-out after 4 failures, reports it, and works again once it expires', async () => {
      const bad = await providerFor(emulator, { keys: { accessKeyId: TEST_SEED.callerKeyId, secretKey: WRONG_SECRET } });
      for (let i = 0; i < 4; i += 1)
        await assert.rejects(
          bad.provider.listKeys(ACCOUNT_USER_ID),
          cloudError((e) => e.code === 'auth'),
        );
      const { provider } = await providerFor(emulator);
      await assert.rejects(
        provider.listKeys(ACCOUNT_USER_ID),
        cloudError(
          (e) => e.code === 'auth' && e.cloudCode === '13 AccessDenied' && /locked/.test(e.message) && /does not retry/.test(e.message),
        ),
      );
      assert.equal(count(emulator.calls, 'ReadAccessKeys'), 5, 'one request per call: nothing retried');
      emulator.advanceClock(61_000);
      assert.equal((await provider.listKeys(ACCOUNT_USER_ID)).length, 2);
    });

    it('refuses an expired key', async () => {
      const frank = emulator.state.keys.get(TEST_SEED.frankExpiredKeyId)!;
      const { provider } = await providerFor(emulator, { keys: { accessKeyId: frank.accessKeyId, secretKey: frank.secretKey } });
      await assert.rejects(
        provider.listKeys(ACCOUNT_USER_ID),
        cloudError((e) => e.code === 'auth' && /expired/.test(e.message)),
      );
    });

    it('refuses an inactive key', async () => {
      const spare = emulator.state.keys.get(TEST_SEED.accountSpareKeyId)!;
      const { provider } = await providerFor(emulator, { keys: { accessKeyId: spare.accessKeyId, secretKey: spare.secretKey } });
      await assert.rejects(
        provider.listKeys(ACCOUNT_USER_ID),
        cloudError((e) => e.code === 'auth' && /inactive/.test(e.message)),
      );
    });

    it('refuses a request signed too far from the server clock', async () => {
      const { provider } = await providerFor(emulator);
      emulator.advanceClock(6 * 60_000);
      await assert.rejects(
        provider.listKeys(ACCOUNT_USER_ID),
        cloudError((e) => e.code === 'auth' && /5 minutes/.test(e.message) && /clock/.test(e.message)),
      );
    });

    it('refuses a signature for another region', async () => {
      const ctx = makeContext();
      const account = await manualAccount(ctx, emulator);
      const provider = createOutscaleProvider({ ...account, details: { ...account.details, region: 'us-east-2' } }, ctx, FAST);
      await assert.rejects(
        provider.listKeys(ACCOUNT_USER_ID),
        cloudError((e) => e.code === 'auth' && /region us-east-2 is not eu-west-2/.test(e.message)),
      );
      assert.equal(count(emulator.calls, 'ReadAccessKeys'), 1);
    });

    it("an EIM user's keys may read their own keys but not the user list", async () => {
      const erinKey = emulator.state.keysOf('erin')[0];
      const keys = { accessKeyId: erinKey.accessKeyId, secretKey: erinKey.secretKey };
      const { provider } = await providerFor(emulator, { keys });
      assert.deepEqual(
        (await provider.listKeys(ACCOUNT_USER_ID)).map((k) => k.id),
        [erinKey.accessKeyId],
      );
      await assert.rejects(
        rawCall(emulator, 'ReadUsers', {}, keys),
        cloudError((e) => e.code === 'forbidden' && e.cloudCode === '4 AccessDenied' && /EIM user a policy/.test(e.message)),
      );
      // The tree shows that EIM user alone (eimCaller.test.ts), not a failed user list.
      assert.deepEqual((await provider.listUsers()).items, []);
    });
  });

  describe('errors the cloud returns for requests the adapter would not send', () => {
    it('an invalid expiration date: invalid, with Code and Type', async () => {
      await assert.rejects(
        rawCall(emulator, 'CreateAccessKey', { ExpirationDate: 'next tuesday' }),
        cloudError((e) => e.code === 'invalid' && e.cloudCode === '4047 InvalidParameterValue' && /not a valid ISO 8601/.test(e.message)),
      );
      await assert.rejects(
        rawCall(emulator, 'CreateAccessKey', { ExpirationDate: '2001-01-01' }),
        cloudError((e) => e.code === 'invalid' && /must be in the future/.test(e.message)),
      );
    });

    it('an unknown key: not-found', async () => {
      await assert.rejects(
        rawCall(emulator, 'DeleteAccessKey', { AccessKeyId: 'NOSUCHKEY00000000000' }),
        cloudError((e) => e.code === 'not-found' && e.cloudCode === '5051 InvalidResource' && /refresh/.test(e.message)),
      );
    });

    it('a key deleted elsewhere: not-found before any change', async () => {
      const { provider } = await providerFor(emulator);
      const [key] = await provider.listKeys('dave');
      emulator.state.keys.delete(key.id);
      await assert.rejects(
        provider.updateKey(key, { state: 'inactive' }),
        cloudError((e) => e.code === 'not-found' && /no longer exists/.test(e.message)),
      );
      await assert.rejects(
        provider.deleteKey(key),
        cloudError((e) => e.code === 'not-found'),
      );
    });
  });

  describe('verifyKey', () => {
    it('retries while a new key propagates, and confirms it', async () => {
      const slow = await startOutscaleEmulator({ seed: 'test', newKeyRejections: 2 });
      try {
        const { provider } = await providerFor(slow);
        const created = await provider.createKey('bob', 'access-key', {});
        slow.calls.length = 0;
        assert.equal(await provider.verifyKey(created.key, created.secret!), true);
        assert.equal(count(slow.calls, 'ReadAccessKeys'), 3);
      } finally {
        await slow.close();
      }
    });

    it('answers false for a key that stays refused, in fewer attempts than the lock-out needs', async () => {
      const slow = await startOutscaleEmulator({ seed: 'test', newKeyRejections: 10 });
      try {
        const { provider } = await providerFor(slow);
        const created = await provider.createKey('bob', 'access-key', {});
        slow.calls.length = 0;
        assert.equal(await provider.verifyKey(created.key, created.secret!), false);
        assert.equal(count(slow.calls, 'ReadAccessKeys'), 3);
        assert.equal(slow.state.authFailures.get(created.key.id)?.lockedUntil, 0, 'the key was not locked');
        const other = await provider.createKey('bob', 'access-key', {});
        assert.equal(await provider.verifyKey(other.key, new Secret(WRONG_SECRET)), false, 'a wrong secret is refused');
      } finally {
        await slow.close();
      }
    });
  });
});
