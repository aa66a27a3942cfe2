import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import aws4 from 'aws4';
import { cloudModule } from '../../../src/clouds/outscale/index';
import { startOutscaleEmulator, TEST_SEED, writeDemoConfig, type RunningOutscaleEmulator } from '../../emulators/outscale/index';
import { makeContext, tempHome } from './support';

interface Reply {
  status: number;
  json: { Errors?: { Code: string; Type: string; Details: string }[]; ResponseContext?: { RequestId?: string }; [k: string]: unknown };
}

function send(emulator: RunningOutscaleEmulator, urlPath: string, body: string, headers: Record<string, string>, method = 'POST'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: emulator.port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Headers signed by aws4, independently of the adapter's code. */
function sign(emulator: RunningOutscaleEmulator, urlPath: string, body: string, keys = emulator.caller, region = emulator.region): Record<string, string> {
  const signed = aws4.sign(
    { host: `127.0.0.1:${emulator.port}`, path: urlPath, method: 'POST', service: 'api', region, body, headers: { 'Content-Type': 'application/json' } },
    { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretKey },
  );
  return Object.fromEntries(Object.entries(signed.headers ?? {}).map(([k, v]) => [k, String(v)]));
}

const firstError = (reply: Reply) => reply.json.Errors?.[0];

describe('OUTSCALE emulator', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  describe('verifies SigV4 with @smithy/signature-v4', () => {
    const PATH = '/api/v1/ReadAccessKeys';
    const BODY = '{}';

    it('accepts a correct signature, on /api/v1 and /api/latest', async () => {
      const ok = await send(emulator, PATH, BODY, sign(emulator, PATH, BODY));
      assert.equal(ok.status, 200);
      assert.equal((ok.json.AccessKeys as unknown[]).length, 2);
      assert.match(String(ok.json.ResponseContext?.RequestId), /^[0-9a-f-]{36}$/);
      const latest = '/api/latest/ReadAccessKeys';
      assert.equal((await send(emulator, latest, BODY, sign(emulator, latest, BODY))).status, 200);
    });

    it('refuses a body changed after signing', async () => {
      const headers = sign(emulator, PATH, BODY);
      const reply = await send(emulator, PATH, '{"UserName":"alice"}', { ...headers, 'Content-Length': '20' });
      assert.equal(reply.status, 401);
      assert.deepEqual({ ...firstError(reply) }, { Code: '1', Type: 'AccessDenied', Details: 'The request signature does not match the signature computed with the secret key.' });
    });

    it('refuses a changed X-Amz-Date, an unknown key, another service, and a missing host in the signed headers', async () => {
      const headers = sign(emulator, PATH, BODY);
      const date = headers['X-Amz-Date'];
      const shifted = date.slice(0, 13) + String((Number(date[13]) + 1) % 10) + date.slice(14);
      assert.equal(firstError(await send(emulator, PATH, BODY, { ...headers, 'X-Amz-Date': shifted }))?.Code, '1');
      const unknown = sign(emulator, PATH, BODY, { accessKeyId: 'UNKNOWNKEY0000000000', secretKey: 'x'.repeat(40) });
      assert.match(firstError(await send(emulator, PATH, BODY, unknown))?.Details ?? '', /does not exist/);
      const otherService = { ...headers, Authorization: headers.Authorization.replace('/api/aws4_request', '/ec2/aws4_request') };
      assert.match(firstError(await send(emulator, PATH, BODY, otherService))?.Details ?? '', /service ec2/);
      const noHost = { ...headers, Authorization: headers.Authorization.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=content-type;x-amz-date') };
      assert.match(firstError(await send(emulator, PATH, BODY, noHost))?.Details ?? '', /host is not signed/);
    });

    it('refuses a request without a signature, or with another scheme', async () => {
      const none = await send(emulator, PATH, BODY, { 'Content-Type': 'application/json' });
      assert.equal(none.status, 401);
      assert.equal(firstError(none)?.Code, '1');
      const basic = await send(emulator, PATH, BODY, { 'Content-Type': 'application/json', Authorization: 'Basic dXNlcjpwYXNz' });
      assert.equal(firstError(basic)?.Code, '12');
    });

    it('locks a key after 4 failures, even for a correct signature, until the lock expires', async () => {
      const wrong = { accessKeyId: TEST_SEED.callerKeyId, secretKey: 'w'.repeat(40) };
      for (let i = 0; i < 4; i += 1) assert.equal(firstError(await send(emulator, PATH, BODY, sign(emulator, PATH, BODY, wrong)))?.Code, '1');
      assert.equal(firstError(await send(emulator, PATH, BODY, sign(emulator, PATH, BODY)))?.Code, '13');
      emulator.advanceClock(61_000);
      assert.equal((await send(emulator, PATH, BODY, sign(emulator, PATH, BODY))).status, 200);
    });
  });

  it('injects faults and resets through the control API, for tests in another process', async () => {
    const control = (p: string, body = '', method = 'POST') => send(emulator, `/__emulator/${p}`, body, { 'Content-Type': 'application/json' }, method);
    assert.equal((await control('faults', JSON.stringify({ route: 'ReadUsers', kind: 'status', status: 503, times: 1 }))).status, 204);
    const PATH = '/api/v1/ReadUsers';
    const throttled = await send(emulator, PATH, '{}', sign(emulator, PATH, '{}'));
    assert.equal(throttled.status, 503);
    assert.deepEqual([firstError(throttled)?.Code, firstError(throttled)?.Type], ['6', 'AccessDenied']);
    assert.equal((await send(emulator, PATH, '{}', sign(emulator, PATH, '{}'))).status, 200);
    emulator.state.keys.delete(TEST_SEED.aliceOldKeyId);
    assert.equal((await control('reset')).status, 204);
    assert.ok(emulator.state.keys.has(TEST_SEED.aliceOldKeyId), 'reset restored the seed');
    assert.deepEqual(emulator.calls, []);
  });

  it("the 'demo' seed looks like a real account: several users, old, inactive, expiring and expired keys", async () => {
    const demo = await startOutscaleEmulator({ seed: 'demo' });
    try {
      const now = Date.now();
      const keys = [...demo.state.keys.values()];
      assert.ok(demo.state.users.length >= 5);
      assert.ok(keys.some((k) => now - k.creationDate.getTime() > 90 * 86_400_000), 'a key older than 90 days');
      assert.ok(keys.some((k) => k.state === 'INACTIVE'));
      assert.ok(keys.some((k) => k.expirationDate && k.expirationDate.getTime() > now && k.expirationDate.getTime() < now + 14 * 86_400_000), 'a key expiring soon');
      assert.ok(keys.some((k) => k.expirationDate && k.expirationDate.getTime() < now), 'an expired key');
    } finally {
      await demo.close();
    }
  });

  it('writeDemoConfig writes a 0600 profile in the temporary home that discovery finds and that works', async () => {
    const home = tempHome();
    const { env, settings } = writeDemoConfig(home, emulator);
    const file = settings['cloudKeys.outscale.configFile'];
    assert.equal(file, path.join(home, '.osc', 'config.json'));
    assert.equal(env.OSC_CONFIG_FILE, file);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const ctx = makeContext({ homeDir: home, env, settings: { 'outscale.configFile': file } });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(problems, []);
    assert.deepEqual(accounts.map((a) => a.label), ['demo']);
    const provider = cloudModule.createProvider(accounts[0], ctx);
    assert.equal((await provider.listKeys('#account')).length, 2);
  });
});
