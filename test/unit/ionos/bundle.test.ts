import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CloudModule } from '../../../src/clouds/cloudModule';
import { startIonosEmulator, type IonosEmulator } from '../../emulators/ionos';
import { basicEnv, makeContext } from './support';

const bundle = path.resolve(__dirname, '..', '..', '..', 'dist', 'clouds', 'ionos.js');

describe('the built IONOS bundle', () => {
  let emulator: IonosEmulator;
  before(async () => {
    emulator = await startIonosEmulator();
  });
  after(async () => {
    await emulator.close();
  });

  it('loads lazily from dist/clouds/ionos.js and lists keys against the emulator', async () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`);
    const loaded = createRequire(__filename)(bundle) as { cloudModule?: CloudModule };
    const cloudModule = loaded.cloudModule;
    assert.ok(cloudModule, 'the bundle exports cloudModule');
    assert.equal(cloudModule.cloud, 'ionos');
    const ctx = makeContext({ env: basicEnv(emulator) });
    const { accounts } = await cloudModule.discoverAccounts(ctx);
    const provider = cloudModule.createProvider(accounts[0], ctx);
    const me = await provider.whoAmI();
    const keys = await provider.listKeys(me.id);
    assert.deepEqual(
      keys.map((k) => k.id).sort(),
      emulator.state
        .keysOf(me.id)
        .map((k) => k.id)
        .sort(),
    );
    assert.equal(keys.length, 2);
  });
});
