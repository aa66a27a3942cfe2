import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CloudModule } from '../../../src/clouds/cloudModule';
import { startOutscaleEmulator, writeDemoConfig, type RunningOutscaleEmulator } from '../../emulators/outscale/index';
import { makeContext, tempHome } from './support';

const bundle = path.resolve(__dirname, '..', '..', '..', 'dist', 'clouds', 'outscale.js');

describe('the built OUTSCALE bundle (dist/clouds/outscale.js)', () => {
  let emulator: RunningOutscaleEmulator;
  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
  });
  after(() => emulator.close());

  it('exports a cloudModule that discovers the demo profile and lists its keys over signed HTTP', async () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { cloudModule } = require(bundle) as { cloudModule: CloudModule };
    assert.equal(cloudModule.cloud, 'outscale');
    const home = tempHome();
    writeDemoConfig(home, emulator);
    const ctx = makeContext({ homeDir: home });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(problems, []);
    assert.equal(accounts.length, 1);
    const provider = cloudModule.createProvider(accounts[0], ctx);
    const users = await provider.listUsers();
    const keys = await provider.listKeys(users.items[0].id);
    assert.equal(users.items[0].isCaller, true);
    assert.deepEqual(keys.map((k) => k.state).sort(), ['active', 'inactive']);
    assert.ok(keys.every((k) => k.createdAt instanceof Date));
  });
});
