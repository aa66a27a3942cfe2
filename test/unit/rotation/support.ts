/** Shared pieces of the rotation tests: one fixture per cloud emulator, an in-memory vault, a provider that fails on cue. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IonosProvider } from '../../../src/clouds/ionos/provider';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos';
import type { CloudProvider } from '../../../src/clouds/provider';
import { CloudError } from '../../../src/model/cloudError';
import type { Secret } from '../../../src/model/secret';
import type { AccessKey, CloudId, KeyKind } from '../../../src/model/types';
import type { RotationVault } from '../../../src/operations/rotation';
import { startIonosEmulator, type IonosEmulator } from '../../emulators/ionos';
import { startOciEmulator, type RunningOciEmulator } from '../../emulators/oci';
import { startOutscaleEmulator, TEST_SEED, type RunningOutscaleEmulator } from '../../emulators/outscale';
import { RecordingLogger } from '../../support/testDoubles';
import { OciProvider } from '../../../src/clouds/oci/provider';
import { FAST_RETRY, providerFor as ociProviderFor, userId as ociUserId } from '../oci/harness';
import { providerFor as outscaleProviderFor } from '../outscale/support';
import { FAST as IONOS_FAST, basicEnv, makeContext as ionosContext } from '../ionos/support';

const homes: string[] = [];
process.on('exit', () => {
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-rot-'));
  homes.push(dir);
  return dir;
}

/** One cloud's emulator, a fresh provider on demand (a new one stands for a new process), and a key to rotate. */
export interface CloudFixture {
  readonly cloud: CloudId;
  readonly accountId: string;
  readonly userId: string;
  readonly userName: string;
  readonly kind: KeyKind;
  /** The key the tests rotate (active, not the one the adapter signs with). */
  readonly keyId: string;
  /** Every key of that user the emulator holds now, straight from its state. */
  keysAtCloud(): Promise<AccessKey[]>;
  newProvider(): Promise<CloudProvider>;
  /** Restores the seeded state and clears faults. */
  reset(): Promise<void>;
  close(): Promise<void>;
  /** A route the emulator can fail, for the key-creation call. */
  readonly createRoute: string;
  addFault(fault: { route: string; kind: 'status'; status: number; times?: number }): void;
  clearFaults(): void;
}

export async function outscaleFixture(): Promise<CloudFixture> {
  const emulator: RunningOutscaleEmulator = await startOutscaleEmulator({ seed: 'test' });
  const make = async () =>
    (
      await outscaleProviderFor(emulator, {
        tuning: { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, totalBudgetMs: 2_000 }, verifyDelaysMs: [5, 5] },
      })
    ).provider;
  const probe = await make();
  const alice = (await probe.listUsers()).items.find((u) => u.name === 'alice');
  if (!alice) throw new Error('no alice in the OUTSCALE test seed');
  return {
    cloud: 'outscale',
    accountId: (await probe.listKeys(alice.id))[0].accountId,
    userId: alice.id,
    userName: alice.name,
    kind: 'access-key',
    keyId: TEST_SEED.aliceActiveKeyId,
    keysAtCloud: async () => (await make()).listKeys(alice.id),
    newProvider: make,
    reset: async () => emulator.reset(),
    close: () => emulator.close(),
    createRoute: 'CreateAccessKey',
    addFault: (fault) => emulator.faults.add(fault),
    clearFaults: () => emulator.faults.clear(),
  };
}

export async function ociFixture(kind: KeyKind = 'access-key'): Promise<CloudFixture> {
  const emulator: RunningOciEmulator = await startOciEmulator({ seed: 'test' });
  // One home and one account for the fixture's life: a new provider over it stands for a new process.
  const probe = await ociProviderFor(emulator);
  const make = async (): Promise<CloudProvider> =>
    new OciProvider(probe.account, probe.ctx, { retryPolicy: FAST_RETRY, verifyAttempts: 1, verifyDelayMs: 1 });
  const userId = ociUserId(emulator, 'ck-old-keys');
  const firstKey = async () => (await (await make()).listKeys(userId)).filter((k) => k.kind === kind)[0].id;
  let keyId = await firstKey();
  return {
    cloud: 'oci',
    accountId: probe.account.id,
    userId,
    userName: 'ck-old-keys',
    kind,
    get keyId() {
      return keyId;
    },
    keysAtCloud: async () => (await make()).listKeys(userId),
    newProvider: make,
    reset: async () => {
      await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
      keyId = await firstKey();
    },
    close: () => emulator.close(),
    createRoute: kind === 'access-key' ? 'POST /users/*/customerSecretKeys' : 'POST /users/*/apiKeys',
    addFault: (fault) => emulator.faults.add(fault),
    clearFaults: () => emulator.faults.clear(),
  };
}

export async function ionosFixture(): Promise<CloudFixture> {
  const emulator: IonosEmulator = await startIonosEmulator({ seed: 'test', asyncWrites: { queuedMs: 2, runningMs: 2 } });
  const make = async (): Promise<CloudProvider> => {
    const ctx = ionosContext({ env: basicEnv(emulator) });
    const { accounts } = await ionosModule.discoverAccounts(ctx);
    return new IonosProvider(accounts[0], ctx, IONOS_FAST);
  };
  const leo = () => {
    const user = emulator.state.userByEmail('leo.lone@example.com');
    if (!user) throw new Error('no Leo in the IONOS test seed');
    return user;
  };
  const activeKey = async () => {
    const active = (await (await make()).listKeys(leo().id)).find((k) => k.state === 'active');
    if (!active) throw new Error('Leo has no active key');
    return active;
  };
  let key = await activeKey();
  return {
    cloud: 'ionos',
    accountId: key.accountId,
    get userId() {
      return leo().id;
    },
    userName: 'Leo Lone',
    kind: 'access-key',
    get keyId() {
      return key.id;
    },
    keysAtCloud: async () => (await make()).listKeys(leo().id),
    newProvider: make,
    reset: async () => {
      await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
      key = await activeKey();
    },
    close: () => emulator.close(),
    createRoute: 'POST /um/users/*/s3keys',
    addFault: (fault) => emulator.faults.add(fault),
    clearFaults: () => emulator.faults.clear(),
  };
}

/** SecretStorage in memory; `failStores` makes the next stores throw, as a refusing keychain would. */
export class MemoryVault implements RotationVault {
  readonly values = new Map<string, Secret>();
  failStores = 0;

  #name(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): string {
    return `${key.accountId}/${key.kind}/${key.id}`;
  }

  async storeKeySecret(key: AccessKey, secret: Secret): Promise<void> {
    if (this.failStores > 0) {
      this.failStores -= 1;
      throw new Error('the keychain refused the value');
    }
    this.values.set(this.#name(key), secret);
  }

  async getKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<Secret | undefined> {
    return this.values.get(this.#name(key));
  }

  async deleteKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<void> {
    this.values.delete(this.#name(key));
  }

  revealed(): string[] {
    return [...this.values.values()].map((s) => s.reveal());
  }
}

export type FailingMethod = 'listKeys' | 'createKey' | 'verifyKey' | 'updateKey' | 'deleteKey';

/**
 * The real provider (talking to the emulator), except that the chosen call fails once with the
 * given error. `afterCall: true` makes the call reach the cloud first and then lose its answer.
 */
export function failingOnce(
  provider: CloudProvider,
  method: FailingMethod,
  error: () => Error,
  options: { afterCall?: boolean; skip?: number } = {},
): CloudProvider {
  let skip = options.skip ?? 0;
  let armed = true;
  const original = provider[method].bind(provider) as (...args: unknown[]) => Promise<unknown>;
  const failing = async (...args: unknown[]) => {
    if (armed && skip-- <= 0) {
      armed = false;
      if (options.afterCall) await original(...args);
      throw error();
    }
    return original(...args);
  };
  return new Proxy(provider, {
    get(target, prop) {
      if (prop === method) return failing;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export const serverError = () => new CloudError('server', 'Injected: the service failed (HTTP 500).');
export const timeoutError = () => new CloudError('network', 'Injected: the request timed out after 5 s.');

export function logger(): RecordingLogger {
  return new RecordingLogger('raw');
}
