import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { cloudModule } from '../../../src/clouds/oci';
import { OciProvider } from '../../../src/clouds/oci/provider';
import { formatLogLine } from '../../../src/util/redact';
import { RecordingLogger } from '../../support/testDoubles';
import { writeDemoConfig, writeSessionConfig, type RunningOciEmulator } from '../../emulators/oci';
import { assertCallerIsAdmin, context, FAST_RETRY, isCloudError, tempHome, useOciEmulator, userId } from './harness';

/** Every piece of a JWT long enough to identify it: none may show up anywhere. */
function tokenPieces(token: string): string[] {
  return [token, ...token.split('.').filter((part) => part.length >= 8)];
}

describe('OCI session-token profiles (oci session authenticate)', () => {
  let emulator: RunningOciEmulator;
  useOciEmulator((started) => {
    emulator = started;
  });

  /** A home with the demo's API-key profile and a session profile next to it, and a provider for the session. */
  async function sessionSetUp(options: { ttlSeconds?: number; logger?: RecordingLogger } = {}) {
    const home = tempHome();
    writeDemoConfig(home, emulator);
    const files = writeSessionConfig(home, emulator, { ttlSeconds: options.ttlSeconds });
    const ctx = context(home, { settings: { 'oci.endpoint': emulator.url }, ...(options.logger ? { logger: options.logger } : {}) });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(problems, []);
    const account = accounts.find((candidate) => candidate.label === files.profile);
    assert.ok(account, 'the session profile is an account');
    const provider = new OciProvider(account, ctx, { retryPolicy: FAST_RETRY });
    return { home, files, ctx, account, accounts, provider };
  }

  it('lists a session profile as a usable account beside an API-key profile, whose entries stay as they were', async () => {
    const { files, accounts, account } = await sessionSetUp();
    assert.deepEqual(accounts.map((candidate) => candidate.label).sort(), ['cloud-keys-demo', files.profile].sort());
    assert.equal(account.details?.auth, 'session-token');
    assert.equal(account.details?.user, emulator.caller.userId, 'the user comes from the token, the profile has none');
    assert.equal(account.details?.securityTokenFile, files.tokenFile);
    const config = fs.readFileSync(files.configFile, 'utf8');
    assert.match(config, /\[cloud-keys-demo\]\nuser=/);
    assert.doesNotMatch(config.slice(config.indexOf(`[${files.profile}]`)), /^user=/m);
  });

  it('reports a session profile whose token file is gone, and one that lacks an entry, by name', async () => {
    const home = tempHome();
    const files = writeSessionConfig(home, emulator, { profile: 'gone' });
    fs.rmSync(files.tokenFile);
    fs.appendFileSync(
      files.configFile,
      `[nokey]\ntenancy=${emulator.caller.tenancyId}\nregion=eu-frankfurt-1\nsecurity_token_file=${files.tokenFile}\n`,
    );
    const { accounts, problems } = await cloudModule.discoverAccounts(context(home));
    assert.deepEqual(accounts, []);
    const text = problems.map((problem) => `${problem.source}: ${problem.message}`).join('\n');
    assert.match(
      text,
      /\[gone\]: The session token file .*token of profile gone does not exist; run `oci session authenticate --profile-name gone`/,
    );
    assert.match(text, /\[nokey\]: Profile nokey lacks key_file\./);
  });

  it('knows who it is from the token, lists users and keys, and creates and deletes a customer secret key, all signed with the session', async () => {
    const { provider, files } = await sessionSetUp();
    const sessionFingerprint = fs.readFileSync(files.configFile, 'utf8').match(/fingerprint=(\S+)\nkey_file=.*sessions/)?.[1];
    assert.ok(sessionFingerprint);
    assert.ok(
      !emulator.state.apiKeys.some((key) => key.fingerprint === sessionFingerprint),
      'the session key is no API key: only ST$ signatures can pass',
    );

    await assertCallerIsAdmin(provider);
    const owner = userId(emulator, 'ck-old-keys');
    assert.deepEqual(
      (await provider.listKeys(owner)).map((key) => key.kind),
      ['access-key', 'api-signing-key'],
    );

    const plain = userId(emulator, 'ck-plain');
    const created = await provider.createKey(plain, 'access-key', { displayName: 'through a session' });
    assert.ok(created.secret);
    assert.ok(emulator.state.secretKeys.some((key) => key.id === created.key.id && key.lifecycleState === 'ACTIVE'));
    await provider.deleteKey(created.key);
    assert.ok(!emulator.state.secretKeys.some((key) => key.id === created.key.id && key.lifecycleState === 'ACTIVE'));
    assert.equal(await provider.objectStorageNamespace(), emulator.state.namespace);
  });

  it('refuses an expired session with what to run, before sending anything', async () => {
    const { provider, files } = await sessionSetUp({ ttlSeconds: -120 });
    const sent = emulator.requests.length;
    const expired = isCloudError(
      'auth',
      new RegExp(
        `^The session of profile ${files.profile} expired at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\(by this machine's clock\\); run \`oci session refresh --profile ${files.profile}\` \\(or \`oci session authenticate\``,
      ),
    );
    await assert.rejects(provider.whoAmI(), expired);
    await assert.rejects(provider.listUsers(), expired);
    await assert.rejects(provider.createKey(userId(emulator, 'ck-plain'), 'access-key', { displayName: 'x' }), expired);
    assert.equal(emulator.requests.length, sent, 'no request reached the emulator');
  });

  it('refuses a token file that holds no token, saying so, without sending anything', async () => {
    const { provider, files } = await sessionSetUp();
    await provider.whoAmI(); // credentials resolved with the good token
    for (const text of ['not a token at all', 'eyJhbGciOi.cut', 'line.one.x\nline.two.y', '"quoted.token.x"']) {
      fs.writeFileSync(files.tokenFile, text);
      const sent = emulator.requests.length;
      await assert.rejects(
        provider.listUsers(),
        isCloudError('config', new RegExp(`does not hold a session token; run \`oci session refresh --profile ${files.profile}\``)),
        text,
      );
      assert.equal(emulator.requests.length, sent, `a request went out with ${JSON.stringify(text)} as the token`);
    }
  });

  it('still refuses an expired token whose other claims are malformed', async () => {
    const { provider, files } = await sessionSetUp();
    await provider.whoAmI();
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: '', tenant: 1, exp: Math.floor(Date.now() / 1000) - 600 })).toString('base64url');
    fs.writeFileSync(files.tokenFile, `${header}.${payload}.c2lnbmF0dXJl`);
    const sent = emulator.requests.length;
    await assert.rejects(provider.listUsers(), isCloudError('auth', /expired at/));
    assert.equal(emulator.requests.length, sent);
  });

  it('reads a token file again when it looked half written (a refresh in progress)', async () => {
    const { provider, files } = await sessionSetUp();
    await provider.whoAmI();
    const good = files.token();
    fs.writeFileSync(files.tokenFile, '');
    setTimeout(() => fs.writeFileSync(files.tokenFile, good), 40);
    const { items } = await provider.listUsers();
    assert.ok(items.length > 0, 'the call went through with the token written a moment later');
  });

  it('picks up a token file rewritten by a refresh, with the same provider', async () => {
    const { provider, files } = await sessionSetUp({ ttlSeconds: -120 });
    await assert.rejects(provider.listUsers(), isCloudError('auth', /expired at/));
    const before = files.token();
    files.refresh(3600);
    assert.notEqual(files.token(), before);
    const { items } = await provider.listUsers();
    assert.ok(items.length > 0);
  });

  it('explains a session the service refuses (its user deactivated) as a session to renew', async () => {
    const { provider, files } = await sessionSetUp();
    emulator.state.users.find((user) => user.id === emulator.caller.userId)!.lifecycleState = 'INACTIVE';
    await assert.rejects(
      provider.listUsers(),
      isCloudError(
        'auth',
        new RegExp(
          `did not accept the session of profile ${files.profile} while listing the users.*oci session refresh --profile ${files.profile}`,
        ),
      ),
    );
  });

  it('shows "you" as unnamed when the token does not say who you are', async () => {
    const { account, ctx, files } = await sessionSetUp();
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ tenant: emulator.caller.tenancyId, exp: Math.floor(Date.now() / 1000) + 600 })).toString(
      'base64url',
    );
    fs.writeFileSync(files.tokenFile, `${header}.${payload}.c2lnbmF0dXJl`);
    // A new provider: a session's user is read when its credentials are first resolved.
    const sent = emulator.requests.length;
    const me = await new OciProvider(account, ctx).whoAmI();
    assert.equal(me.placeholder, true);
    assert.equal(me.isCaller, true);
    assert.match(me.note ?? '', new RegExp(`session token of profile ${files.profile} does not name its user`));
    assert.equal(emulator.requests.length, sent);
  });

  it('redacts a session signature and a bare token from any text that reaches the log', () => {
    const token = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"ocid1.user.oc1..x"}').toString('base64url')}.c2lnbmF0dXJlYnl0ZXM`;
    const header = `Signature version="1",keyId="ST$${token}",algorithm="rsa-sha256",headers="x-date (request-target) host",signature="c2ln"`;
    const line = formatLogLine('oci: sent', [`authorization: ${header}`, { keyId: `ST$${token}` }, `token is ${token}`]);
    for (const piece of tokenPieces(token)) assert.ok(!line.includes(piece), line);
    assert.match(line, /keyId="ST\$\[redacted\]"/);
    // A token that is not a JWT is still a secret after ST$.
    const opaque = formatLogLine(`Signature version="1",keyId="ST$opaque.session-value_42",algorithm="rsa-sha256"`, []);
    assert.ok(!opaque.includes('opaque.session-value_42'), opaque);
  });

  it('never lets the token reach a log line or an error message, even raw', async () => {
    for (const mode of ['raw', 'redacted'] as const) {
      const logger = new RecordingLogger(mode);
      const { provider, files } = await sessionSetUp({ logger });
      const messages: string[] = [];
      await provider.whoAmI();
      const created = await provider.createKey(userId(emulator, 'ck-plain'), 'access-key', { displayName: 'log check' });
      await provider.deleteKey(created.key);
      emulator.faults.add({ route: 'GET /users', kind: 'status', status: 401, times: 1 });
      await provider.listUsers().catch((error: unknown) => messages.push(String(error), (error as Error).stack ?? ''));
      files.refresh(-60);
      await provider.listUsers().catch((error: unknown) => messages.push(String(error), (error as Error).stack ?? ''));
      assert.equal(messages.length, 4, 'both failures were seen');
      assert.ok(logger.lines.length > 0);
      const everything = [...logger.lines, ...messages].join('\n');
      for (const piece of tokenPieces(files.token())) assert.ok(!everything.includes(piece), `a piece of the token leaked (${mode})`);
    }
  });
});
