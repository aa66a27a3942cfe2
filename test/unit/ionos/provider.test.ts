import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { cloudModule } from '../../../src/clouds/ionos';
import { IonosProvider, UNKNOWN_CALLER_ID, type IonosProviderOptions } from '../../../src/clouds/ionos/provider';
import { CloudError } from '../../../src/model/cloudError';
import { Secret } from '../../../src/model/secret';
import { CONTRACT_KEYS_ENTRY_ID } from '../../../src/clouds/ionos/objectStorageKeys';
import type { AccessKey, CloudUser } from '../../../src/model/types';
import { startIonosEmulator, type IonosEmulator } from '../../emulators/ionos';
import { basicEnv, CollectingLogger, FAST, makeContext, manualAccount, MemoryCredentialStore, tokenEnv } from './support';

// One logger for the whole file: the last test checks that no secret reached it.
const logger = new CollectingLogger();
let emulator: IonosEmulator;

async function connect(
  env: Record<string, string>,
  options: IonosProviderOptions = FAST,
  http = { timeoutMs: 5_000 },
): Promise<IonosProvider> {
  const ctx = { ...makeContext({ logger, env }), http };
  const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
  assert.deepEqual(problems, []);
  assert.equal(accounts.length, 1);
  return new IonosProvider(accounts[0], ctx, options);
}

/** The users of a page, without the entry the contract's Object Storage access keys are listed under. */
function usersOnly(items: readonly CloudUser[]): CloudUser[] {
  return items.filter((u) => u.id !== CONTRACT_KEYS_ENTRY_ID);
}

function userId(email: string): string {
  const user = emulator.state.userByEmail(email);
  assert.ok(user, `seed user ${email}`);
  return user.id;
}

/** Asserts a rejected CloudError with this code, and returns it for further checks. */
async function rejection(promise: Promise<unknown>, code: CloudError['code']): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected a ${code} CloudError`);
}

function sameSecret(a: Secret | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.reveal() === b;
}

const posts = () => emulator.calls.filter((c) => /^POST \/um\/users\/[^/]+\/s3keys$/.test(c)).length;

before(async () => {
  emulator = await startIonosEmulator({ seed: 'test' });
});
after(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.state.reset();
  emulator.faults.clear();
  emulator.calls.length = 0;
});

describe('IONOS accounts and authentication', () => {
  it('signs in with Basic auth and marks the user whose email is the username as the caller', async () => {
    const provider = await connect(basicEnv(emulator));
    const me = await provider.whoAmI();
    assert.equal(me.id, emulator.caller.userId);
    assert.equal(me.email, emulator.caller.username);
    assert.equal(me.name, 'Ada Admin');
    assert.equal(me.isCaller, true);
    const { items } = await provider.listUsers();
    assert.deepEqual(
      items.filter((u) => u.isCaller).map((u) => u.email),
      [emulator.caller.username],
    );
  });

  it('signs in with a token and reports the caller as unknown, since IONOS does not say who holds a token', async () => {
    const provider = await connect(tokenEnv(emulator));
    const me = await provider.whoAmI();
    assert.equal(me.id, UNKNOWN_CALLER_ID);
    assert.equal(me.isCaller, true);
    const { items } = await provider.listUsers();
    assert.equal(usersOnly(items).length, 6);
    assert.equal(
      items.some((u) => u.isCaller),
      false,
    );
  });

  it('turns a wrong password into an auth error with the 401 details and advice', async () => {
    const provider = await connect(basicEnv(emulator, { IONOS_PASSWORD: 'not-the-password' }));
    const error = await rejection(provider.listUsers(), 'auth');
    assert.equal(error.httpStatus, 401);
    assert.equal(error.cloudCode, '315');
    assert.ok(error.requestId, 'the request id is kept for support');
    assert.match(error.message, /ada\.admin@example\.com/);
    assert.match(error.message, /password/i);
    assert.equal(posts(), 0);
  });

  it('turns an unknown token into an auth error, also from whoAmI', async () => {
    const provider = await connect(tokenEnv(emulator, 'eyJ.not-a-token.sig'));
    const error = await rejection(provider.whoAmI(), 'auth');
    assert.equal(error.httpStatus, 401);
    assert.match(error.message, /token/i);
  });

  it('sends the contract number: the right one works, another is refused', async () => {
    const right = await connect(basicEnv(emulator, { IONOS_CONTRACT_NUMBER: emulator.state.contractNumber }));
    assert.equal(usersOnly((await right.listUsers()).items).length, 6);
    const wrong = await connect(basicEnv(emulator, { IONOS_CONTRACT_NUMBER: '99999999' }));
    const error = await rejection(wrong.listUsers(), 'forbidden');
    assert.equal(error.httpStatus, 403);
    assert.match(error.message, /99999999/);
  });

  it('lets a user who is not an administrator see their own keys, and explains why users cannot be listed', async () => {
    const env = { IONOS_USERNAME: emulator.developer.username, IONOS_PASSWORD: emulator.developer.password, IONOS_API_URL: emulator.url };
    const provider = await connect(env);
    const error = await rejection(provider.listUsers(), 'forbidden');
    assert.match(error.message, /administrator/);
    const me = await provider.whoAmI();
    assert.equal(me.name, emulator.developer.username);
    const keys = await provider.listKeys(emulator.developer.userId);
    assert.equal(keys.length, 1);
  });

  it('works for a hand-entered account whose token is in the credential store, with the API URL setting', async () => {
    const store = new MemoryCredentialStore();
    const account = await manualAccount(store, {}, { token: emulator.caller.token });
    const ctx = makeContext({ logger, credentials: store, settings: { 'ionos.apiUrl': `${emulator.url}/` } });
    const provider = new IonosProvider(account, ctx, FAST);
    assert.equal(usersOnly((await provider.listUsers()).items).length, 6);
  });

  it('works for a hand-entered username and password, and says what is missing when the secret is gone', async () => {
    const store = new MemoryCredentialStore();
    const account = await manualAccount(
      store,
      { username: emulator.caller.username, apiUrl: emulator.apiUrl },
      { password: emulator.caller.password },
    );
    const provider = new IonosProvider(account, makeContext({ logger, credentials: store }), FAST);
    assert.equal((await provider.whoAmI()).id, emulator.caller.userId);

    const empty = new MemoryCredentialStore();
    const orphan = new IonosProvider({ ...account, id: 'ionos:manual:orphan' }, makeContext({ logger, credentials: empty }), FAST);
    const error = await rejection(orphan.listUsers(), 'config');
    assert.match(error.message, /secret storage/);
    assert.deepEqual(emulator.calls.filter((c) => c.startsWith('GET /um/users')).length, 1, 'no call without credentials');
  });
});

describe('IONOS users', () => {
  it('pages through all users with offset and limit, without gaps or repeats', async () => {
    const provider = await connect(basicEnv(emulator), { ...FAST, pageSize: 2 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await provider.listUsers(cursor);
      seen.push(...page.items.map((u) => u.email ?? u.id));
      cursor = page.next;
      pages += 1;
    } while (cursor !== undefined);
    assert.equal(pages, 3);
    // The contract's Object Storage access keys head the first page, then every user once.
    assert.deepEqual(seen, [CONTRACT_KEYS_ENTRY_ID, ...[...emulator.state.users.values()].map((u) => u.email)]);
    assert.deepEqual(emulator.calls, ['GET /um/users', 'GET /um/users', 'GET /um/users']);
  });

  it('names users by first and last name, with their email', async () => {
    const provider = await connect(basicEnv(emulator));
    const { items, next } = await provider.listUsers();
    assert.equal(next, undefined);
    const fiona = items.find((u) => u.id === userId('fiona.full@example.com'));
    assert.equal(fiona?.name, 'Fiona Full');
    assert.equal(fiona?.email, 'fiona.full@example.com');
  });

  it('refuses a cursor that is not a page position', async () => {
    const provider = await connect(basicEnv(emulator));
    await rejection(provider.listUsers('abc'), 'invalid');
  });
});

describe('IONOS Object Storage keys', () => {
  it('lists a user’s keys with state and creation date, and never the secret', async () => {
    const provider = await connect(basicEnv(emulator));
    const keys = await provider.listKeys(userId('fiona.full@example.com'));
    assert.equal(keys.length, 5);
    assert.deepEqual(
      keys.map((k) => k.state),
      ['inactive', 'inactive', 'active', 'active', 'active'],
    );
    assert.ok(keys.every((k) => k.kind === 'access-key' && k.createdAt instanceof Date));
    const text = JSON.stringify(keys);
    assert.ok(!text.includes('secret'), 'no secret field in the model');
    assert.ok(!emulator.state.secretsHandedOut().some((s) => text.includes(s)), 'no secret value in the model');
  });

  it('answers not-found for the keys of a user who does not exist', async () => {
    const provider = await connect(basicEnv(emulator));
    const error = await rejection(provider.listKeys('00000000-0000-4000-a000-000000000000'), 'not-found');
    assert.equal(error.httpStatus, 404);
  });

  it('creates a key synchronously and hands back the secret once', async () => {
    emulator.state.asyncWrites = false;
    const provider = await connect(basicEnv(emulator));
    const nina = userId('nina.none@example.com');
    const { key, secret } = await provider.createKey(nina, 'access-key', {});
    assert.equal(key.state, 'active');
    assert.equal(key.userId, nina);
    assert.ok(sameSecret(secret, emulator.state.keys.get(key.id)?.secretKey), 'the secret is the one IONOS holds');
    assert.deepEqual(
      (await provider.listKeys(nina)).map((k) => k.id),
      [key.id],
    );
  });

  it('creates a key through the asynchronous request, waiting until it is DONE', async () => {
    const provider = await connect(basicEnv(emulator));
    const nina = userId('nina.none@example.com');
    const { key, secret } = await provider.createKey(nina, 'access-key', {});
    assert.ok(
      emulator.calls.some((c) => /^GET \/requests\/[^/]+\/status$/.test(c)),
      'the request status was polled',
    );
    assert.ok(sameSecret(secret, emulator.state.keys.get(key.id)?.secretKey));
    const request = [...emulator.state.requests.values()][0];
    assert.equal(emulator.state.statusOf(request), 'DONE');
  });

  it('reports a FAILED creation request with IONOS’s message, and the key is gone', async () => {
    emulator.state.failNextWrites(1, 'Provisioning of the key failed in the storage backend.');
    const provider = await connect(basicEnv(emulator));
    const nina = userId('nina.none@example.com');
    const error = await rejection(provider.createKey(nina, 'access-key', {}), 'server');
    assert.match(error.message, /Provisioning of the key failed/);
    assert.equal(error.cloudCode, 'FAILED');
    assert.ok(error.requestId && emulator.state.requests.has(error.requestId), 'the request id is the IONOS request');
    assert.deepEqual(await provider.listKeys(nina), []);
  });

  it('refuses a sixth key before calling IONOS, naming the user and the keys in the way', async () => {
    const provider = await connect(basicEnv(emulator));
    const fiona = userId('fiona.full@example.com');
    const error = await rejection(provider.createKey(fiona, 'access-key', {}), 'quota');
    assert.equal(posts(), 0, 'no creation was attempted');
    assert.match(error.message, /Fiona Full/);
    assert.match(error.message, /5 per user/);
    for (const key of emulator.state.keysOf(fiona)) assert.ok(error.message.includes(key.id), 'each key in the way is named');
  });

  it('retries a creation refused while a new Object Storage privilege propagates', async () => {
    const nina = userId('nina.none@example.com');
    emulator.state.delayS3Privilege(nina, 2);
    const provider = await connect(basicEnv(emulator));
    const { key } = await provider.createKey(nina, 'access-key', {});
    assert.equal(posts(), 3);
    assert.ok(emulator.state.keys.has(key.id));
  });

  it('explains a missing Object Storage privilege after retrying for a bounded time', async () => {
    const provider = await connect(basicEnv(emulator));
    const ivy = userId('ivy.idle@example.com');
    const error = await rejection(provider.createKey(ivy, 'access-key', {}), 'forbidden');
    assert.equal(error.httpStatus, 422);
    assert.match(error.message, /ACCESS_S3_OBJECT_STORAGE/);
    assert.match(error.message, /Ivy Idle/);
    assert.match(error.message, /group/);
    assert.ok(posts() > 1 && posts() < 10, 'retried, but not forever');
  });

  it('refuses what IONOS keys do not have: signing keys, names and expiry dates', async () => {
    const provider = await connect(basicEnv(emulator));
    const nina = userId('nina.none@example.com');
    await rejection(provider.createKey(nina, 'api-signing-key', {}), 'invalid');
    await rejection(provider.createKey(nina, 'access-key', { expiresAt: new Date(Date.now() + 86_400_000) }), 'invalid');
    assert.equal(posts(), 0);
  });

  it('deactivates and reactivates a key through asynchronous requests', async () => {
    const provider = await connect(basicEnv(emulator));
    const [key] = (await provider.listKeys(userId('leo.lone@example.com'))).filter((k) => k.state === 'active');
    const off = await provider.updateKey(key, { state: 'inactive' });
    assert.equal(off.state, 'inactive');
    assert.equal(emulator.state.keys.get(key.id)?.active, false);
    const on = await provider.updateKey(off, { state: 'active' });
    assert.equal(on.state, 'active');
    assert.equal(emulator.state.keys.get(key.id)?.active, true);
  });

  it('leaves a key as it was when the update request FAILED', async () => {
    emulator.state.failNextWrites(1, 'The key could not be updated.');
    const provider = await connect(basicEnv(emulator));
    const [key] = (await provider.listKeys(userId('leo.lone@example.com'))).filter((k) => k.state === 'active');
    const error = await rejection(provider.updateKey(key, { state: 'inactive' }), 'server');
    assert.match(error.message, /could not be updated/);
    assert.equal(emulator.state.keys.get(key.id)?.active, true);
  });

  it('maps the 422 IONOS sends for a missing key to not-found, on read, update and delete', async () => {
    const provider = await connect(basicEnv(emulator));
    const ghost: AccessKey = {
      id: '0123456789abcdef0123',
      accountId: 'x',
      userId: userId('leo.lone@example.com'),
      kind: 'access-key',
      state: 'active',
    };
    for (const call of [provider.updateKey(ghost, { state: 'inactive' }), provider.deleteKey(ghost), provider.revealSecret(ghost)]) {
      const error = await rejection(call, 'not-found');
      assert.equal(error.httpStatus, 422);
      assert.match(error.message, /Refresh/);
    }
  });

  it('refuses to rename a key or give it an expiry date', async () => {
    const provider = await connect(basicEnv(emulator));
    const [key] = await provider.listKeys(userId('leo.lone@example.com'));
    await rejection(provider.updateKey(key, { displayName: 'ci' }), 'invalid');
    await rejection(provider.updateKey(key, { expiresAt: null }), 'invalid');
  });

  it('deletes a key, asynchronously and synchronously', async () => {
    const provider = await connect(basicEnv(emulator));
    const fiona = userId('fiona.full@example.com');
    const [first, second] = await provider.listKeys(fiona);
    await provider.deleteKey(first);
    assert.equal(emulator.state.keys.has(first.id), false);
    emulator.state.asyncWrites = false;
    await provider.deleteKey(second);
    assert.deepEqual((await provider.listKeys(fiona)).map((k) => k.id).includes(second.id), false);
    assert.equal((await provider.listKeys(fiona)).length, 3);
  });

  it('reveals a secret only when asked, and verifies a key by listing since IONOS has no S3-signed call', async () => {
    const provider = await connect(basicEnv(emulator));
    assert.equal(provider.verification, 'active-and-listed');
    const keys = await provider.listKeys(userId('leo.lone@example.com'));
    const active = keys.find((k) => k.state === 'active')!;
    const inactive = keys.find((k) => k.state === 'inactive')!;
    const secret = await provider.revealSecret(active);
    assert.ok(sameSecret(secret, emulator.state.keys.get(active.id)?.secretKey));
    assert.equal(await provider.verifyKey(active, secret), true);
    assert.equal(await provider.verifyKey(active, new Secret('wrong-secret')), false);
    assert.equal(await provider.verifyKey(inactive, await provider.revealSecret(inactive)), false);
    await provider.deleteKey(active);
    assert.equal(await provider.verifyKey(active, secret), false);
  });

  it('warns before removing a user’s last active key, and only then', async () => {
    const provider = await connect(basicEnv(emulator));
    const leo = await provider.listKeys(userId('leo.lone@example.com'));
    const warning = await provider.lastActiveKeyWarning(leo.find((k) => k.state === 'active')!);
    assert.match(warning ?? '', /last active/);
    assert.match(warning ?? '', /Leo Lone/);
    assert.equal(await provider.lastActiveKeyWarning(leo.find((k) => k.state === 'inactive')!), undefined);
    const [fionaKey] = (await provider.listKeys(userId('fiona.full@example.com'))).filter((k) => k.state === 'active');
    assert.equal(await provider.lastActiveKeyWarning(fionaKey), undefined);
  });

  it('declares the IONOS capabilities', async () => {
    const provider = await connect(basicEnv(emulator));
    const caps = provider.capabilities('access-key');
    assert.equal(caps.maxKeysPerUser, 5);
    assert.equal(caps.canDeactivate, true);
    assert.equal(caps.secretReadableLater, true);
    assert.equal(caps.canExpire, false);
    assert.equal(provider.capabilities('api-signing-key').maxKeysPerUser, 0);
  });
});

describe('IONOS failures and retries', () => {
  it('honours Retry-After on 429 and then succeeds', async () => {
    emulator.faults.add({ route: 'POST /um/users/*/s3keys', kind: 'status', status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    const provider = await connect(basicEnv(emulator), {
      ...FAST,
      retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 500, totalBudgetMs: 10_000 },
    });
    const { key } = await provider.createKey(userId('nina.none@example.com'), 'access-key', {});
    assert.ok(emulator.state.keys.has(key.id));
    assert.equal(posts(), 2);
    assert.ok(
      logger.lines.some((l) => /POST .*s3keys: throttled \(HTTP 429\), retry 1 in 1000 ms/.test(l)),
      'waited as asked',
    );
  });

  it('retries 5xx on reads, and gives up with a server error after the bounded attempts', async () => {
    emulator.faults.add({ route: 'GET /um/users', kind: 'status', status: 503, times: 2 });
    const provider = await connect(basicEnv(emulator));
    assert.equal(usersOnly((await provider.listUsers()).items).length, 6);
    emulator.faults.add({ route: 'GET /um/users', kind: 'status', status: 500 });
    const error = await rejection(provider.listUsers(), 'server');
    assert.equal(error.httpStatus, 500);
    assert.ok(error.cloudCode, 'the IONOS error code is kept');
    assert.match(error.message, /Internal server error/);
    assert.equal(emulator.calls.filter((c) => c === 'GET /um/users').length, 3 + 3);
  });

  it('does not repeat a creation that failed with 500, which may have reached IONOS', async () => {
    emulator.faults.add({ route: 'POST /um/users/*/s3keys', kind: 'status', status: 500 });
    const provider = await connect(basicEnv(emulator));
    await rejection(provider.createKey(userId('nina.none@example.com'), 'access-key', {}), 'server');
    assert.equal(posts(), 1);
  });

  it('says a key may exist when the connection dropped during its creation', async () => {
    emulator.faults.add({ route: 'POST /um/users/*/s3keys', kind: 'drop' });
    const provider = await connect(basicEnv(emulator));
    const error = await rejection(provider.createKey(userId('nina.none@example.com'), 'access-key', {}), 'network');
    assert.match(error.message, /may have been created/);
    assert.equal(posts(), 1);
  });

  it('recovers from a dropped connection on a read', async () => {
    emulator.faults.add({ route: 'GET /um/users/*/s3keys', kind: 'drop', times: 1 });
    const provider = await connect(basicEnv(emulator));
    assert.equal((await provider.listKeys(userId('fiona.full@example.com'))).length, 5);
  });

  it('turns a malformed body into a server error that says the response could not be read', async () => {
    emulator.faults.add({ route: 'GET /um/users/*/s3keys', kind: 'garbage' });
    const provider = await connect(basicEnv(emulator));
    const error = await rejection(provider.listKeys(userId('fiona.full@example.com')), 'server');
    assert.match(error.message, /could not be read/);
    assert.equal(error.httpStatus, 200);
  });

  it('rejects a body of the wrong shape', async () => {
    emulator.faults.add({ route: 'GET /um/users', kind: 'status', status: 200, body: { items: [{ name: 'no id' }] } });
    const provider = await connect(basicEnv(emulator));
    const error = await rejection(provider.listUsers(), 'server');
    assert.match(error.message, /items\.0\.id/);
  });

  it('maps each error status to its code, keeping the IONOS error code', async () => {
    const provider = await connect(basicEnv(emulator), {
      ...FAST,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 1_000 },
    });
    const cases: [number, CloudError['code']][] = [
      [400, 'invalid'],
      [401, 'auth'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [409, 'conflict'],
      [429, 'throttled'],
      [502, 'server'],
    ];
    for (const [status, code] of cases) {
      emulator.faults.clear();
      emulator.faults.add({
        route: 'GET /um/users',
        kind: 'status',
        status,
        body: { httpStatus: status, messages: [{ errorCode: `E${status}`, message: `injected ${status}` }] },
      });
      const error = await rejection(provider.listUsers(), code);
      assert.equal(error.httpStatus, status);
      assert.equal(error.cloudCode, `E${status}`);
      assert.match(error.message, new RegExp(`injected ${status}`));
      assert.equal(error.cloud, 'ionos');
    }
  });

  it('bounds a slow answer with the request timeout', async () => {
    emulator.faults.add({ route: 'GET /um/users', kind: 'latency', ms: 1_000 });
    const provider = await connect(
      basicEnv(emulator),
      { ...FAST, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 1_000 } },
      { timeoutMs: 100 },
    );
    const error = await rejection(provider.listUsers(), 'network');
    assert.match(error.message, /did not finish answering .* within 0.1 s/);
  });

  it('stops when cancelled', async () => {
    emulator.faults.add({ route: 'GET /um/users', kind: 'latency', ms: 1_000 });
    const provider = await connect(basicEnv(emulator));
    const controller = new AbortController();
    const pending = provider.listUsers(undefined, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await rejection(pending, 'cancelled');
  });

  it('stops waiting for a request that stays queued, saying IONOS will finish it', async () => {
    emulator.state.asyncWrites = { queuedMs: 60_000, runningMs: 0 };
    const provider = await connect(basicEnv(emulator), { ...FAST, poll: { initialDelayMs: 5, maxDelayMs: 10, timeoutMs: 60 } });
    const error = await rejection(provider.createKey(userId('nina.none@example.com'), 'access-key', {}), 'server');
    assert.match(error.message, /still working .*QUEUED/);
  });

  it('gives a config error for an API URL that is not the host or /cloudapi/v6', async () => {
    const store = new MemoryCredentialStore();
    const account = await manualAccount(store, { apiUrl: `${emulator.url}/v5` }, { token: emulator.caller.token });
    const provider = new IonosProvider(account, makeContext({ logger, credentials: store }), FAST);
    const error = await rejection(provider.listUsers(), 'config');
    assert.match(error.message, /\/cloudapi\/v6/);
  });
});

describe('IONOS secrets in logs', () => {
  it('logged nothing secret across this whole file', () => {
    assert.ok(logger.lines.length > 50, 'the adapter logged its calls');
    const secrets = emulator.state.secretsHandedOut();
    assert.ok(secrets.length > 20);
    const leaks = logger.lines.filter(
      (line) => secrets.some((s) => line.includes(s)) || /secretKey|Authorization|Basic |Bearer /.test(line),
    );
    // Count only: printing the lines would print the secrets.
    assert.equal(leaks.length, 0, `${leaks.length} log line(s) contain a secret`);
  });
});
