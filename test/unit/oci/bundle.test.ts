import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { CloudModule } from '../../../src/clouds/cloudModule';
import { SEED_NAMESPACES, startOciEmulator, writeDemoConfig } from '../../emulators/oci';
import { context, tempHome } from './harness';

const bundle = path.resolve(__dirname, '..', '..', '..', 'dist', 'clouds', 'oci.js');

describe('the built OCI bundle (dist/clouds/oci.js)', () => {
  it('loads lazily as the extension loads it, discovers the demo profile, lists keys and reads the namespace against the emulator', async () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`);
    const loaded = createRequire(__filename)(bundle) as { cloudModule?: CloudModule };
    const cloudModule = loaded.cloudModule;
    assert.ok(cloudModule, 'the bundle exports cloudModule');
    assert.equal(cloudModule.cloud, 'oci');
    const emulator = await startOciEmulator({ seed: 'demo' });
    try {
      const home = tempHome();
      const { env, settings } = writeDemoConfig(home, emulator);
      const ctx = context(home, {
        env,
        settings: Object.fromEntries(Object.entries(settings).map(([name, value]) => [name.replace(/^cloudKeys\./, ''), value])),
      });
      const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
      assert.deepEqual(problems, []);
      assert.equal(accounts.length, 1);
      const provider = cloudModule.createProvider(accounts[0], ctx);
      const keys = await provider.listKeys(emulator.caller.userId);
      assert.ok(keys.some((key) => key.kind === 'api-signing-key' && key.id === emulator.caller.fingerprint));
      assert.ok(keys.some((key) => key.kind === 'access-key' && key.displayName === 'terraform-state'));
      // The Object Storage client is bundled too, and reaches the emulator through the same setting.
      assert.equal(await provider.objectStorageNamespace?.(), SEED_NAMESPACES.demo);
    } finally {
      await emulator.close();
    }
  });
});
