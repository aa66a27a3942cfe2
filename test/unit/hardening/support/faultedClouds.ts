/**
 * The three clouds' real adapters against their emulators (plain HTTP on loopback), for the
 * transport tests: a provider built with the HTTP options under test (a short deadline), quick
 * retries, the routes listing users and creating a key, and the emulator's fault injection.
 */
import { after, before, beforeEach } from 'node:test';
import { cloudModule as ionosModule } from '../../../../src/clouds/ionos';
import { IonosProvider } from '../../../../src/clouds/ionos/provider';
import type { CloudProvider } from '../../../../src/clouds/provider';
import type { CloudUser, CloudId } from '../../../../src/model/types';
import type { HttpOptions } from '../../../../src/util/httpClient';
import { routeMatches, type Fault } from '../../../emulators/shared/faults';
import { startIonosEmulator, type IonosEmulator } from '../../../emulators/ionos';
import { startOciEmulator, type RunningOciEmulator } from '../../../emulators/oci';
import { startOutscaleEmulator, type RunningOutscaleEmulator } from '../../../emulators/outscale';
import { providerFor as ociProviderFor, userId as ociUserId } from '../../oci/harness';
import { FAST as IONOS_FAST, basicEnv, makeContext as ionosContext } from '../../ionos/support';
import { providerFor as outscaleProviderFor, makeContext as outscaleContext } from '../../outscale/support';

export interface FaultedCloud {
  readonly name: string;
  readonly cloud: CloudId;
  /** The one route `listUsers` calls, as the emulator's faults name it. */
  readonly listRoute: string;
  /** How an error message names that call. */
  readonly listCall: RegExp;
  /** The route that creates an access key. */
  readonly createRoute: string;
  start(): Promise<void>;
  close(): Promise<void>;
  /** Restores the seeded state and clears faults. */
  reset(): Promise<void>;
  provider(http: HttpOptions): Promise<CloudProvider>;
  addFault(fault: Fault): void;
  /** A user who may get one more access key. */
  user(): Promise<CloudUser>;
  /** How many requests the emulator has served on `route` since the last reset. */
  served(route: string): number;
}

async function reset(url: string): Promise<void> {
  await fetch(`${url}/__emulator/reset`, { method: 'POST' });
}

function oci(): FaultedCloud {
  let emulator: RunningOciEmulator;
  return {
    name: 'OCI',
    cloud: 'oci',
    listRoute: 'GET /users',
    listCall: /GET \/20160918\/users/,
    createRoute: 'POST /users/*/customerSecretKeys',
    start: async () => {
      emulator = await startOciEmulator({ seed: 'test' });
    },
    close: () => emulator.close(),
    reset: async () => {
      await reset(emulator.url);
      emulator.calls.length = 0;
    },
    provider: async (http) => (await ociProviderFor(emulator, {}, {}, { http })).provider,
    addFault: (fault) => emulator.faults.add(fault),
    user: async () => {
      const id = ociUserId(emulator, 'ck-old-keys');
      const account = (await ociProviderFor(emulator)).account;
      return { id, accountId: account.id, name: 'ck-old-keys', isCaller: false };
    },
    served: (route) => emulator.calls.filter((c) => routeMatches(route, c)).length,
  };
}

function outscale(): FaultedCloud {
  let emulator: RunningOutscaleEmulator;
  return {
    name: 'OUTSCALE',
    cloud: 'outscale',
    listRoute: 'ReadUsers',
    listCall: /ReadUsers/,
    createRoute: 'CreateAccessKey',
    start: async () => {
      emulator = await startOutscaleEmulator({ seed: 'test' });
    },
    close: () => emulator.close(),
    reset: async () => emulator.reset(),
    provider: async (http) => (await outscaleProviderFor(emulator, { ctx: outscaleContext({ http }) })).provider,
    addFault: (fault) => emulator.faults.add(fault),
    user: async () => {
      const { provider, account } = await outscaleProviderFor(emulator);
      const alice = (await provider.listUsers()).items.find((u) => u.name === 'alice');
      if (!alice) throw new Error('no alice in the OUTSCALE test seed');
      return { ...alice, accountId: account.id };
    },
    served: (route) => emulator.calls.filter((c) => routeMatches(route, c)).length,
  };
}

function ionos(): FaultedCloud {
  let emulator: IonosEmulator;
  const provider = async (http: HttpOptions) => {
    const ctx = { ...ionosContext({ env: basicEnv(emulator) }), http };
    const { accounts } = await ionosModule.discoverAccounts(ctx);
    return new IonosProvider(accounts[0], ctx, IONOS_FAST);
  };
  return {
    name: 'IONOS Cloud',
    cloud: 'ionos',
    listRoute: 'GET /um/users',
    listCall: /GET \/um\/users/,
    createRoute: 'POST /um/users/*/s3keys',
    start: async () => {
      emulator = await startIonosEmulator({ seed: 'test', asyncWrites: { queuedMs: 2, runningMs: 2 } });
    },
    close: () => emulator.close(),
    reset: async () => {
      await reset(emulator.url);
      emulator.calls.length = 0;
    },
    provider,
    addFault: (fault) => emulator.faults.add(fault),
    user: async () => {
      const leo = emulator.state.userByEmail('leo.lone@example.com');
      if (!leo) throw new Error('no Leo in the IONOS test seed');
      const keys = await (await provider({ timeoutMs: 5_000 })).listKeys(leo.id);
      return { id: leo.id, accountId: keys[0].accountId, name: 'Leo Lone', isCaller: false };
    },
    served: (route) => emulator.calls.filter((c) => routeMatches(route, c)).length,
  };
}

/** Runs `cloud`'s emulator for the enclosing `describe`, restoring its seeded state before each test. */
export function useFaultedCloud(cloud: FaultedCloud): void {
  before(() => cloud.start());
  after(() => cloud.close());
  beforeEach(() => cloud.reset());
}

/** One fresh set per test file: each file starts and closes its own emulators. */
export function faultedClouds(): FaultedCloud[] {
  return [oci(), outscale(), ionos()];
}
