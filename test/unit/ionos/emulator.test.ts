import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cloudModule } from '../../../src/clouds/ionos';
import { startIonosEmulator, writeDemoConfig, type IonosEmulator } from '../../emulators/ionos';
import { makeContext } from './support';

const DAY = 86_400_000;

describe('the IONOS emulator', () => {
  let emulator: IonosEmulator;
  before(async () => {
    emulator = await startIonosEmulator({ seed: 'demo' });
  });
  after(async () => {
    await emulator.close();
  });

  it('answers 401 with the IONOS error body to a wrong password, and serves the right one', async () => {
    const basic = (password: string) => `Basic ${Buffer.from(`${emulator.caller.username}:${password}`).toString('base64')}`;
    const denied = await fetch(`${emulator.apiUrl}/um/users`, { headers: { authorization: basic('wrong') } });
    assert.equal(denied.status, 401);
    assert.deepEqual(await denied.json(), { httpStatus: 401, messages: [{ errorCode: '315', message: 'Unauthorized' }] });
    const ok = await fetch(`${emulator.apiUrl}/um/users?depth=1`, { headers: { authorization: basic(emulator.caller.password) } });
    assert.equal(ok.status, 200);
    const bearer = await fetch(`${emulator.apiUrl}/um/users?depth=1`, { headers: { authorization: `Bearer ${emulator.caller.token}` } });
    assert.equal(bearer.status, 200);
  });

  it('has a realistic demo seed: several users, old and inactive keys, a user at the limit', () => {
    const users = [...emulator.state.users.values()];
    const keys = [...emulator.state.keys.values()];
    assert.ok(users.length >= 6);
    assert.ok(
      keys.some((k) => Date.now() - Date.parse(k.createdDate) > 90 * DAY),
      'keys older than 90 days',
    );
    assert.ok(
      keys.some((k) => Date.now() - Date.parse(k.createdDate) < 30 * DAY),
      'recent keys',
    );
    assert.ok(
      keys.some((k) => !k.active),
      'inactive keys',
    );
    assert.ok(
      users.some((u) => emulator.state.keysOf(u.id).length === 5),
      'a user at the 5-key limit',
    );
  });

  it('moves an asynchronous write through QUEUED, RUNNING and DONE', async () => {
    emulator.state.asyncWrites = { queuedMs: 150, runningMs: 150 };
    const auth = { authorization: `Bearer ${emulator.caller.token}` };
    const mei = emulator.state.userByEmail('mei.tanaka@example.com')!;
    const created = await fetch(`${emulator.apiUrl}/um/users/${mei.id}/s3keys`, { method: 'POST', headers: auth });
    // The spec documents 200 (with a Location header) for umUsersS3keysPost, 202 for PUT and DELETE.
    assert.equal(created.status, 200);
    const location = created.headers.get('location')!;
    assert.match(location, /\/cloudapi\/v6\/requests\/[^/]+\/status$/);
    const seen = new Set<string>();
    for (let i = 0; i < 200 && !seen.has('DONE'); i += 1) {
      const status = (await (await fetch(location, { headers: auth })).json()) as { metadata: { status: string } };
      seen.add(status.metadata.status);
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.deepEqual([...seen].sort(), ['DONE', 'QUEUED', 'RUNNING']);
    emulator.state.reset();
  });

  it('writes a demo account whose environment and settings the adapter discovers and uses', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-ionos-demo-'));
    const { env, settings } = writeDemoConfig(home, emulator);
    assert.equal(settings['cloudKeys.ionos.apiUrl'], emulator.apiUrl);
    const ctx = makeContext({ env, settings: { 'ionos.apiUrl': settings['cloudKeys.ionos.apiUrl'] } });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(problems, []);
    const provider = cloudModule.createProvider(accounts[0], ctx);
    const me = await provider.whoAmI();
    assert.equal(me.name, 'Claire Dubois');
    assert.ok((await provider.listUsers()).items.length >= 6);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
