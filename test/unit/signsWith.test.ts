// Which key an account signs its own calls with, read from its configuration, against the emulators.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOciEmulator, type RunningOciEmulator } from '../emulators/oci';
import { startOutscaleEmulator, TEST_SEED, type RunningOutscaleEmulator } from '../emulators/outscale';
import { providerFor as ociProviderFor, userId } from './oci/harness';
import { providerFor as outscaleProviderFor } from './outscale/support';

describe('the key an account signs with', () => {
  let oci: RunningOciEmulator;
  let outscale: RunningOutscaleEmulator;
  before(async () => {
    oci = await startOciEmulator({ seed: 'test' });
    outscale = await startOutscaleEmulator({ seed: 'test' });
  });
  after(async () => {
    await oci.close();
    await outscale.close();
  });

  it("OCI: the profile's API key of the profile's user, and no other key", async () => {
    const { provider } = await ociProviderFor(oci);
    const admin = await provider.listKeys(userId(oci, 'ck-admin'));
    assert.deepEqual(
      admin.filter((k) => provider.signsWith(k)).map((k) => k.kind),
      ['api-signing-key'],
    );
    const other = await provider.listKeys(userId(oci, 'ck-full-api'));
    assert.deepEqual(
      other.filter((k) => provider.signsWith(k)),
      [],
      "another user's API keys are not the account's",
    );
  });

  it("OUTSCALE: the profile's access key", async () => {
    const { provider } = await outscaleProviderFor(outscale);
    const own = await provider.listKeys('');
    assert.deepEqual(
      own.filter((k) => provider.signsWith?.(k)).map((k) => k.id),
      [TEST_SEED.callerKeyId],
    );
  });
});
