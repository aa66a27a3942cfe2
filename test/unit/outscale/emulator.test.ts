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

function send(
  emulator: RunningOutscaleEmulator,
  urlPath: string,
  body: string,
  headers: Record<string, string>,
  method = 'POST',
): Promise<Reply> {
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
function sign(
  emulator: RunningOutscaleEmulator,
  urlPath: string,
  body: string,
  keys = emulator.caller,
  region = emulator.region,
): Record<string, string> {
  const signed = aws4.sign(
    {
      host: `127.0.0.1:${emulator.port}`,
      path: urlPath,
      method: 'POST',
      service: 'api',
      region,
      body,
      headers: { 'Content-Type': 'application/json' },
    },
    { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretKey },
  );
  return Object.fromEntries(Object.entries(signed.headers ?? {}).map(([k, v]) => [k, String(v)]));
}

const firstError = (reply: Reply) => reply.json.Errors?.[0];

/** `YYYYMMDDTHHMMSSZ`, written here independently of the adapter's code. */
function oscDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

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
      assert.deepEqual(
        { ...firstError(reply) },
        { Code: '1', Type: 'AccessDenied', Details: 'The request signature does not match the signature computed with the secret key.' },
      );
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
      const noHost = {
        ...headers,
        Authorization: headers.Authorization.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=content-type;x-amz-date'),
      };
      assert.match(firstError(await send(emulator, PATH, BODY, noHost))?.Details ?? '', /host is not signed/);
    });

    it('refuses a request without a signature, or with another scheme', async () => {
      const none = await send(emulator, PATH, BODY, { 'Content-Type': 'application/json' });
      assert.equal(none.status, 401);
      assert.equal(firstError(none)?.Code, '1');
      const bearer = await send(emulator, PATH, BODY, { 'Content-Type': 'application/json', Authorization: 'Bearer dXNlcjpwYXNz' });
      assert.equal(firstError(bearer)?.Code, '12');
    });

    it('locks a key after 4 failures, even for a correct signature, until the lock expires', async () => {
      const wrong = { accessKeyId: TEST_SEED.callerKeyId, secretKey: 'w'.repeat(40) };
      for (let i = 0; i < 4; i += 1)
        assert.equal(firstError(await send(emulator, PATH, BODY, sign(emulator, PATH, BODY, wrong)))?.Code, '1');
      assert.equal(firstError(await send(emulator, PATH, BODY, sign(emulator, PATH, BODY)))?.Code, '13');
      emulator.advanceClock(61_000);
      assert.equal((await send(emulator, PATH, BODY, sign(emulator, PATH, BODY))).status, 200);
    });
  });

  describe('accepts the login and password (HTTP Basic + X-Osc-Date) on the access-key actions only', () => {
    const basic = (login: string, password: string, date = oscDate(emulator.now())) => ({
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`,
      'X-Osc-Date': date,
    });
    const { email, password } = TEST_SEED.login;

    it('answers the four access-key actions as the account, the login compared without case', async () => {
      const read = await send(emulator, '/api/v1/ReadAccessKeys', '{}', basic(email.toUpperCase(), password));
      assert.equal(read.status, 200);
      assert.deepEqual(
        (read.json.AccessKeys as { AccessKeyId: string }[]).map((k) => k.AccessKeyId).sort(),
        [TEST_SEED.accountSpareKeyId, TEST_SEED.callerKeyId].sort(),
      );
      const created = await send(emulator, '/api/v1/CreateAccessKey', '{}', basic(email, password));
      assert.equal(created.status, 200);
      const id = (created.json.AccessKey as { AccessKeyId: string }).AccessKeyId;
      assert.equal(emulator.state.keys.get(id)?.owner, '', 'the key belongs to the account');
      const body = JSON.stringify({ AccessKeyId: id, State: 'INACTIVE' });
      assert.equal((await send(emulator, '/api/v1/UpdateAccessKey', body, basic(email, password))).status, 200);
      assert.equal(
        (await send(emulator, '/api/v1/DeleteAccessKey', JSON.stringify({ AccessKeyId: id }), basic(email, password))).status,
        200,
      );
      assert.equal(emulator.state.keys.has(id), false);
    });

    it('refuses Basic on ReadUsers with 401 code 12, whatever the password, without counting it', async () => {
      for (let i = 0; i < 5; i += 1) {
        const reply = await send(emulator, '/api/v1/ReadUsers', '{}', basic(email, password));
        assert.equal(reply.status, 401);
        assert.deepEqual([firstError(reply)?.Code, firstError(reply)?.Type], ['12', 'AccessDenied']);
        assert.match(firstError(reply)?.Details ?? '', /signed with an access key/);
      }
      assert.equal((await send(emulator, '/api/v1/ReadAccessKeys', '{}', basic(email, password))).status, 200, 'not locked');
    });

    it('refuses a wrong password, a missing or stale X-Osc-Date, with 401 code 1 and no password in the answer', async () => {
      const wrong = await send(emulator, '/api/v1/ReadAccessKeys', '{}', basic(email, 'not-the-password'));
      assert.equal(wrong.status, 401);
      assert.deepEqual([firstError(wrong)?.Code, firstError(wrong)?.Type], ['1', 'AccessDenied']);
      assert.ok(!JSON.stringify(wrong.json).includes('not-the-password'));
      const { 'X-Osc-Date': _dropped, ...undated } = basic(email, password);
      assert.match(firstError(await send(emulator, '/api/v1/ReadAccessKeys', '{}', undated))?.Details ?? '', /X-Osc-Date/);
      const stale = await send(emulator, '/api/v1/ReadAccessKeys', '{}', basic(email, password, oscDate(emulator.now() - 6 * 60_000)));
      assert.match(firstError(stale)?.Details ?? '', /5 minutes/);
    });

    it('locks a login after 4 failures, even with the right password, until the lock expires', async () => {
      for (let i = 0; i < 4; i += 1)
        assert.equal(firstError(await send(emulator, '/api/v1/ReadAccessKeys', '{}', basic(email, `wrong-${i}`)))?.Code, '1');
      assert.equal(firstError(await send(emulator, '/api/v1/ReadAccessKeys', '{}', basic(email, password)))?.Code, '13');
      assert.equal(
        (await send(emulator, '/api/v1/ReadAccessKeys', '{}', sign(emulator, '/api/v1/ReadAccessKeys', '{}'))).status,
        200,
        'the access key is not locked',
      );
      emulator.advanceClock(61_000);
      assert.equal((await send(emulator, '/api/v1/ReadAccessKeys', '{}', basic(email, password))).status, 200);
    });
  });

  it('injects faults and resets through the control API, for tests in another process', async () => {
    const control = (p: string, body = '', method = 'POST') =>
      send(emulator, `/__emulator/${p}`, body, { 'Content-Type': 'application/json' }, method);
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
      assert.ok(
        keys.some((k) => now - k.creationDate.getTime() > 90 * 86_400_000),
        'a key older than 90 days',
      );
      assert.ok(keys.some((k) => k.state === 'INACTIVE'));
      assert.ok(
        keys.some((k) => k.expirationDate && k.expirationDate.getTime() > now && k.expirationDate.getTime() < now + 14 * 86_400_000),
        'a key expiring soon',
      );
      assert.ok(
        keys.some((k) => k.expirationDate && k.expirationDate.getTime() < now),
        'an expired key',
      );
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
    assert.deepEqual(
      accounts.map((a) => a.label),
      ['demo'],
    );
    const provider = cloudModule.createProvider(accounts[0], ctx);
    assert.equal((await provider.listKeys('#account')).length, 2);
  });
});
