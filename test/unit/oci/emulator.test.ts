import assert from 'node:assert/strict';
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOciEmulator, writeDemoConfig, type RunningOciEmulator } from '../../emulators/oci';
import { tempHome } from './harness';

/** A draft-cavage signer written here, independent of the SDK's and of the emulator's verifier. */
async function signedFetch(
  emulator: RunningOciEmulator,
  method: string,
  pathAndQuery: string,
  options: { body?: string; sentBody?: string; headers?: string[]; keyId?: string; privateKeyPem?: string } = {},
): Promise<{ status: number; body: { code?: string; message?: string } }> {
  const url = new URL(`/20160918${pathAndQuery}`, emulator.url);
  const headers: Record<string, string> = { host: url.host, 'x-date': new Date().toUTCString() };
  const body = options.body;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
    headers['x-content-sha256'] = createHash('sha256').update(body).digest('base64');
  }
  const names = options.headers ?? [
    'x-date',
    '(request-target)',
    'host',
    ...(body !== undefined ? ['content-length', 'content-type', 'x-content-sha256'] : []),
  ];
  const signingString = names
    .map((name) =>
      name === '(request-target)' ? `(request-target): ${method.toLowerCase()} ${url.pathname}${url.search}` : `${name}: ${headers[name]}`,
    )
    .join('\n');
  const signature = createSign('RSA-SHA256')
    .update(signingString)
    .sign(options.privateKeyPem ?? emulator.caller.privateKeyPem, 'base64');
  const keyId = options.keyId ?? `${emulator.caller.tenancyId}/${emulator.caller.userId}/${emulator.caller.fingerprint}`;
  headers.authorization = `Signature version="1",keyId="${keyId}",algorithm="rsa-sha256",headers="${names.join(' ')}",signature="${signature}"`;
  const sent = options.sentBody ?? body;
  if (sent !== undefined) headers['content-length'] = String(Buffer.byteLength(sent));
  const { host: _host, ...sendable } = headers;
  const response = await fetch(url, { method, headers: sendable, body: sent });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

describe('OCI emulator', () => {
  let emulator: RunningOciEmulator;
  before(async () => {
    emulator = await startOciEmulator({ seed: 'test' });
  });
  after(() => emulator.close());

  it('answers an unsigned request with OCI’s 401 body', async () => {
    const response = await fetch(`${emulator.url}/20160918/users/${emulator.caller.userId}`);
    assert.equal(response.status, 401);
    const body = (await response.json()) as { code: string; message: string };
    assert.equal(body.code, 'NotAuthenticated');
    assert.equal(typeof body.message, 'string');
    assert.ok(response.headers.get('opc-request-id'));
  });

  it('accepts a correct signature from a signer other than the SDK’s', async () => {
    const response = await signedFetch(emulator, 'GET', `/users/${emulator.caller.userId}`);
    assert.equal(response.status, 200);
  });

  it('checks x-content-sha256 against the body, and the headers a POST must sign', async () => {
    const route = `/users/${emulator.caller.userId}/customerSecretKeys`;
    const tampered = await signedFetch(emulator, 'POST', route, { body: '{"displayName":"a"}', sentBody: '{"displayName":"b"}' });
    assert.equal(tampered.status, 401);
    assert.match(tampered.body.message ?? '', /x-content-sha256/);
    const partial = await signedFetch(emulator, 'POST', route, {
      body: '{"displayName":"a"}',
      headers: ['x-date', '(request-target)', 'host'],
    });
    assert.equal(partial.status, 401);
    assert.match(partial.body.message ?? '', /content-length, content-type, x-content-sha256/);
    const good = await signedFetch(emulator, 'POST', route, { body: '{"displayName":"a"}' });
    assert.equal(good.status, 200);
  });

  it('restores its seeded state on reset', async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    const before = emulator.state.secretKeys.length;
    await signedFetch(emulator, 'POST', `/users/${emulator.caller.userId}/customerSecretKeys`, { body: '{"displayName":"tmp"}' });
    assert.equal(emulator.state.secretKeys.length, before + 1);
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    assert.equal(emulator.state.secretKeys.length, before);
    assert.ok(!emulator.state.secretKeys.some((key) => key.displayName === 'tmp'));
  });

  describe('session tokens (keyId="ST$<token>")', () => {
    const pair = () => {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return {
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
    };

    it('accepts a request signed with the session key its token names', async () => {
      const session = pair();
      const token = emulator.issueSessionToken({ publicKeyPem: session.publicKeyPem });
      const response = await signedFetch(emulator, 'POST', `/users/${emulator.caller.userId}/customerSecretKeys`, {
        body: JSON.stringify({ displayName: 'by session' }),
        keyId: `ST$${token}`,
        privateKeyPem: session.privateKeyPem,
      });
      assert.equal(response.status, 200, response.body.message);
    });

    it('refuses an expired token, another key, a forged token and an unknown user with OCI’s 401 body', async () => {
      const session = pair();
      const path = `/users/${emulator.caller.userId}`;
      const expired = await signedFetch(emulator, 'GET', path, {
        keyId: `ST$${emulator.issueSessionToken({ publicKeyPem: session.publicKeyPem, ttlSeconds: -1 })}`,
        privateKeyPem: session.privateKeyPem,
      });
      assert.deepEqual(
        [expired.status, expired.body.code, expired.body.message],
        [401, 'NotAuthenticated', 'The session token has expired.'],
      );

      const token = emulator.issueSessionToken({ publicKeyPem: session.publicKeyPem });
      const otherKey = await signedFetch(emulator, 'GET', path, { keyId: `ST$${token}`, privateKeyPem: pair().privateKeyPem });
      assert.deepEqual([otherKey.status, otherKey.body.message], [401, 'The signature does not verify with the session key of the token.']);

      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: (claims.exp as number) + 86_400 })).toString('base64url');
      const forged = await signedFetch(emulator, 'GET', path, {
        keyId: `ST$${header}.${forgedPayload}.${signature}`,
        privateKeyPem: session.privateKeyPem,
      });
      assert.deepEqual([forged.status, forged.body.message], [401, 'The session token is not valid.']);

      const stranger = emulator.issueSessionToken({ publicKeyPem: session.publicKeyPem, userId: 'ocid1.user.oc1..nobody' });
      const unknown = await signedFetch(emulator, 'GET', path, { keyId: `ST$${stranger}`, privateKeyPem: session.privateKeyPem });
      assert.deepEqual([unknown.status, unknown.body.message], [401, 'The user of the session token does not exist or is not active.']);
      for (const response of [expired, otherKey, forged, unknown])
        assert.ok(!JSON.stringify(response.body).includes('eyJ'), 'the token is never echoed');
    });
  });
});

describe('OCI demo set-up', () => {
  it('writes a config file and a 0600 key for a realistic demo tenancy into a temporary home', async () => {
    const demo = await startOciEmulator({ seed: 'demo' });
    try {
      const home = tempHome();
      const { env, settings } = writeDemoConfig(home, demo);
      const config = fs.readFileSync(env.OCI_CONFIG_FILE, 'utf8');
      assert.ok(env.OCI_CONFIG_FILE.startsWith(home));
      assert.match(config, /\[cloud-keys-demo\]/);
      assert.equal(settings['cloudKeys.oci.endpoint'], demo.url);
      const keyFile = /key_file=(.*)/.exec(config)![1];
      assert.equal(path.dirname(keyFile), path.join(home, '.oci'));
      assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
      const day = 86_400_000;
      const state = demo.state;
      assert.ok(state.users.length >= 5);
      assert.ok(state.users.some((user) => user.lifecycleState === 'INACTIVE'));
      assert.ok(state.secretKeys.some((key) => Date.now() - Date.parse(key.timeCreated) > 90 * day));
      assert.ok(state.apiKeys.some((key) => Date.now() - Date.parse(key.timeCreated) > 90 * day));
      assert.ok(state.secretKeys.some((key) => key.timeExpires !== null));
      assert.ok(state.apiKeys.some((key) => key.lifecycleState === 'INACTIVE'));
    } finally {
      await demo.close();
    }
  });
});
