import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { discoverOciAccounts } from '../../../src/clouds/oci/discovery';
import { OciProvider } from '../../../src/clouds/oci/provider';
import { type RunningOciEmulator } from '../../emulators/oci';
import { context, failure, FAST_RETRY, providerFor, tempHome, useOciEmulator, userId } from './harness';

/** A profile for ck-member signing with its own, freshly uploaded key. */
async function providerForMember(
  emulator: RunningOciEmulator,
  privateKeyPem: string,
  fingerprint: string,
  member: string,
): Promise<OciProvider> {
  const home = tempHome();
  fs.mkdirSync(path.join(home, '.oci'));
  fs.writeFileSync(path.join(home, '.oci', 'member.pem'), privateKeyPem);
  fs.writeFileSync(
    path.join(home, '.oci', 'config'),
    `[member]\nuser=${member}\nfingerprint=${fingerprint}\ntenancy=${emulator.caller.tenancyId}\nregion=us-ashburn-1\nkey_file=~/.oci/member.pem\n`,
  );
  const ctx = context(home, { settings: { 'oci.endpoint': emulator.url } });
  const { accounts } = await discoverOciAccounts(ctx);
  return new OciProvider(accounts[0], ctx, { retryPolicy: FAST_RETRY });
}

describe('OCI adapter error handling', () => {
  let emulator: RunningOciEmulator;
  useOciEmulator((started) => {
    emulator = started;
  });

  it('explains NotAuthorizedOrNotFound as "not found, or you may not see it", with the request id', async () => {
    const { provider } = await providerFor(emulator);
    const error = await failure(provider.listKeys('ocid1.user.oc1..aaaadoesnotexist'));
    assert.equal(error.code, 'not-found');
    assert.match(error.message, /does not exist, or you may not see it/);
    assert.match(error.requestId ?? '', /^[0-9A-F]{32}$/);
    assert.equal(error.cloudCode, 'NotAuthorizedOrNotFound');
  });

  it('a user without admin rights gets not-found for another user’s keys, as OCI answers', async () => {
    const { provider: admin } = await providerFor(emulator);
    const member = userId(emulator, 'ck-member');
    const created = await admin.createKey(member, 'api-signing-key', {});
    const own = await providerForMember(emulator, created.secret!.reveal(), created.key.fingerprint!, member);
    assert.equal((await own.whoAmI()).name, 'ck-member');
    const error = await failure(own.listKeys(userId(emulator, 'ck-admin')));
    assert.equal(error.code, 'not-found');
  });

  it('maps 409 to conflict and 400 LimitExceeded from the service to quota', async () => {
    const { provider } = await providerFor(emulator);
    const owner = userId(emulator, 'ck-plain');
    emulator.faults.add({ route: 'PUT /users/*/customerSecretKeys/*', kind: 'status', status: 409, times: 1 });
    const created = await provider.createKey(owner, 'access-key', { displayName: 'a' });
    assert.equal((await failure(provider.updateKey(created.key, { displayName: 'b' }))).code, 'conflict');
    emulator.faults.add({
      route: 'POST /users/*/customerSecretKeys',
      kind: 'status',
      status: 400,
      body: { code: 'LimitExceeded', message: 'Too many keys.' },
      times: 1,
    });
    assert.equal((await failure(provider.createKey(owner, 'access-key', { displayName: 'c' }))).code, 'quota');
  });

  it('retries 429 honouring retry-after, then succeeds', async () => {
    const { provider, ctx } = await providerFor(emulator, {
      retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 500, totalBudgetMs: 10_000 },
    });
    emulator.faults.add({ route: 'GET /users', kind: 'status', status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const { items } = await provider.listUsers();
    assert.ok(items.length > 0);
    assert.equal(emulator.calls.filter((call) => call === 'GET /users').length, 2);
    const retries = ctx.logger.lines.filter((line) => /throttled while listing the users of the tenancy; attempt 2/.test(line));
    assert.equal(retries.length, 1, ctx.logger.lines.join('\n'));
    assert.match(retries[0], /in 1000 ms/, 'the wait the server asked for');
  });

  it('gives up on persistent throttling with a throttled error', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /users', kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    const error = await failure(provider.listUsers());
    assert.equal(error.code, 'throttled');
    assert.equal(error.retryable, true);
    assert.match(error.requestId ?? '', /^[0-9A-F]{32}$/, 'the request id of the last answer, for OCI support');
    assert.equal(emulator.calls.filter((call) => call === 'GET /users').length, 3, 'three attempts under the test policy');
  });

  it('retries 5xx and maps a lasting one to server', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /users/*', kind: 'status', status: 503, times: 1 });
    assert.equal((await provider.whoAmI()).name, 'ck-admin');
    emulator.faults.add({ route: 'GET /users/*', kind: 'status', status: 500 });
    const error = await failure(provider.whoAmI());
    assert.equal(error.code, 'server');
    assert.equal(error.httpStatus, 500);
  });

  it('keeps working after many failures: the SDK circuit breaker is off', async () => {
    const { provider } = await providerFor(emulator, {
      retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 1000 },
    });
    emulator.faults.add({ route: 'GET /users/*', kind: 'status', status: 500, times: 15 });
    for (let i = 0; i < 15; i += 1) await failure(provider.whoAmI());
    assert.equal((await provider.whoAmI()).name, 'ck-admin');
  });

  it('maps a dropped connection to network and a garbage body to server', async () => {
    const { provider } = await providerFor(emulator, {
      retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 1000 },
    });
    emulator.faults.add({ route: 'GET /users/*', kind: 'drop', times: 1 });
    assert.equal((await failure(provider.whoAmI())).code, 'network');
    emulator.faults.add({ route: 'GET /users/*', kind: 'garbage', times: 1 });
    const garbage = await failure(provider.whoAmI());
    assert.equal(garbage.code, 'server');
    assert.match(garbage.message, /not valid JSON/);
  });

  it('maps a well-formed body of the wrong shape to server, naming the field', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /users', kind: 'status', status: 200, body: [{ id: 42 }], times: 1 });
    const error = await failure(provider.listUsers());
    assert.equal(error.code, 'server');
    assert.match(error.message, /unexpected response.*field 0\.id/);
  });

  it('bounds a slow call with the request timeout, and cancels with the abort signal', async () => {
    const { provider } = await providerFor(
      emulator,
      { retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 1000 } },
      {},
      { http: { timeoutMs: 100 }, settings: { 'oci.endpoint': emulator.url } },
    );
    emulator.faults.add({ route: 'GET /users/*', kind: 'latency', ms: 1000, times: 1 });
    const slow = await failure(provider.whoAmI());
    assert.equal(slow.code, 'network');
    assert.match(slow.message, /did not finish answering .* within 0.1 s/);

    const { provider: patient } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /users/*', kind: 'latency', ms: 1000, times: 1 });
    const controller = new AbortController();
    const call = patient.whoAmI(controller.signal);
    setTimeout(() => controller.abort(), 20);
    assert.equal((await failure(call)).code, 'cancelled');
    const already = new AbortController();
    already.abort();
    assert.equal((await failure(patient.listUsers(undefined, already.signal))).code, 'cancelled');
  });

  it('maps a wrong signature to auth: the profile names a key the user does not have', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { provider } = await providerFor(emulator, {}, { keyPem: other });
    const error = await failure(provider.whoAmI());
    assert.equal(error.code, 'auth');
    assert.equal(error.httpStatus, 401);
    assert.equal(error.cloudCode, 'NotAuthenticated');
    assert.match(error.message, /signature.*fingerprint and key file/);
    assert.match(error.message, /does not verify/);
  });

  it('maps a wrong clock to auth, and says to check the clock', async () => {
    const { provider } = await providerFor(emulator);
    emulator.setClockOffset(6 * 60_000);
    const error = await failure(provider.whoAmI());
    assert.equal(error.code, 'auth');
    assert.match(error.message, /clock/);
    assert.match(error.message, /more than 5 minutes/);
    emulator.setClockOffset(4 * 60_000);
    assert.equal((await provider.whoAmI()).name, 'ck-admin', 'four minutes of difference is tolerated');
  });

  it('maps 403 NotAllowed to forbidden, explaining the home region', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({
      route: 'DELETE /users/*/apiKeys/*',
      kind: 'status',
      status: 403,
      body: { code: 'NotAllowed', message: 'Please go to your home region FRA.' },
      times: 1,
    });
    const [key] = await provider.listKeys(userId(emulator, 'ck-admin'));
    const error = await failure(provider.deleteKey(key));
    assert.equal(error.code, 'forbidden');
    assert.match(error.message, /home region/);
  });
});
