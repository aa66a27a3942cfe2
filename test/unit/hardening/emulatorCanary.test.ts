// The emulators' secret-leak canary: with `canary`, every secret an adapter receives (a new key's,
// a seeded key's) starts with it and still works as a credential; without it, none does.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos';
import { IonosProvider } from '../../../src/clouds/ionos/provider';
import { startIonosEmulator } from '../../emulators/ionos';
import { startOciEmulator } from '../../emulators/oci';
import { startOutscaleEmulator } from '../../emulators/outscale';
import { markWithCanary } from '../../emulators/shared/canary';
import { basicEnv, FAST as IONOS_FAST, makeContext as ionosContext } from '../ionos/support';
import { providerFor as ociProvider, userId } from '../oci/harness';
import { providerFor as outscaleProvider } from '../outscale/support';

const CANARY = 'CkUnitCanary';
const running: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(running.map((e) => e.close()));
});

describe('the emulators’ secret-leak canary', () => {
  it('keeps the secret’s length and refuses a canary that would not leave it random', () => {
    const marked = markWithCanary('x'.repeat(40), CANARY);
    assert.equal(marked.length, 40);
    assert.ok(marked.startsWith(CANARY));
    assert.equal(markWithCanary('abc', undefined), 'abc');
    assert.throws(() => markWithCanary('x'.repeat(40), 'has space'), /6 to 20 letters or digits/);
    assert.throws(() => markWithCanary('x'.repeat(20), CANARY), /too long/);
  });

  it('OUTSCALE: seeded and new secrets carry it, and the new key signs a call', async () => {
    const emulator = await startOutscaleEmulator({ seed: 'test', canary: CANARY });
    running.push(emulator);
    assert.ok(emulator.caller.secretKey.startsWith(CANARY));
    assert.ok([...emulator.state.keys.values()].every((k) => k.secretKey.startsWith(CANARY)));
    const { provider } = await outscaleProvider(emulator);
    const created = await provider.createKey('bob', 'access-key', {});
    const secret = created.secret;
    assert.ok(secret, 'no secret returned');
    assert.ok(secret.reveal().startsWith(CANARY));
    assert.equal(await provider.verifyKey(created.key, secret), true, 'the marked secret does not sign');
  });

  it('OCI: a new customer secret key carries it', async () => {
    const emulator = await startOciEmulator({ seed: 'test', canary: CANARY });
    running.push(emulator);
    const { provider } = await ociProvider(emulator);
    const created = await provider.createKey(userId(emulator, 'ck-member'), 'access-key', { displayName: 'canary' });
    assert.ok(created.secret?.reveal().startsWith(CANARY));
  });

  it('IONOS: seeded and new secrets carry it, read back as the user reveals them', async () => {
    const emulator = await startIonosEmulator({ seed: 'test', canary: CANARY, asyncWrites: false });
    running.push(emulator);
    assert.ok([...emulator.state.keys.values()].every((k) => k.secretKey.startsWith(CANARY)));
    const ctx = ionosContext({ env: basicEnv(emulator) });
    const { accounts } = await ionosModule.discoverAccounts(ctx);
    const provider = new IonosProvider(accounts[0], ctx, IONOS_FAST);
    const created = await provider.createKey(emulator.caller.userId, 'access-key', {});
    assert.ok(created.secret?.reveal().startsWith(CANARY));
  });

  it('leaves secrets unmarked without the option', async () => {
    const emulator = await startOutscaleEmulator({ seed: 'test' });
    running.push(emulator);
    assert.ok(![...emulator.state.keys.values()].some((k) => k.secretKey.startsWith(CANARY)));
  });
});
