/**
 * An IONOS Cloud API v6 emulator for tests, the demo and benchmarks: real Basic and Bearer checks,
 * asynchronous writes (202 + Location, QUEUED → RUNNING → DONE/FAILED), the 422 quirks (a missing
 * key; a key created before the Object Storage privilege is active), the 5-key limit, and the
 * shared fault injection (latency, status with Retry-After, dropped connections, garbage bodies).
 */
import { ContractRecorder } from '../shared/contract/recorder';
import { startEmulatorServer, type EmulatorTls, type RunningEmulator } from '../shared/httpServer';
import { IonosHandler } from './handler';
import { ObjectStorageHandler } from './objectStorageHandler';
import { objectStorageVariants } from './objectStorageVariants';
import type { SeedName } from './seed';
import { IonosState, type AsyncTiming, type Credentials } from './state';
import { ionosVariants } from './variants';
import { API_PREFIX } from './wire';

export interface IonosEmulatorOptions {
  readonly seed?: SeedName;
  readonly port?: number;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP, e.g. to test a CA and a proxy. */
  readonly tls?: EmulatorTls;
  /** Timing of asynchronous writes, or `false` to make writes at once and answer without a Location. */
  readonly asyncWrites?: AsyncTiming | false;
  /** The contract a caller's `X-Contract-Number` header must name. */
  readonly contractNumber?: string;
  /** Adds this many users (`bench-user-0001@example.com`…, one to three keys each) to the seed, for benchmarks. */
  readonly generatedUsers?: number;
  /** Every key secret, seeded or new, starts with this (the secret-leak canary, see shared/canary.ts). */
  readonly canary?: string;
  /**
   * Vary the answers within what the spec allows (optional fields left out, extra fields, `items`
   * missing on an empty list), deterministically for this seed (see variants.ts).
   */
  readonly variantSeed?: number;
}

export interface IonosEmulator extends RunningEmulator {
  readonly state: IonosState;
  /** `url` + `/cloudapi/v6`. */
  readonly apiUrl: string;
  /** An administrator: Basic with `username`/`password`, or Bearer with `token`. */
  readonly caller: Credentials;
  /** A user who is not an administrator. */
  readonly developer: Credentials;
  /**
   * The Object Storage Management API (the contract's access keys), on its own port as it has its
   * own host at IONOS (`https://s3.ionos.com`); same users and credentials. Closed with the emulator.
   */
  readonly objectStorage: RunningEmulator;
}

export async function startIonosEmulator(options: IonosEmulatorOptions = {}): Promise<IonosEmulator> {
  const seed = options.seed ?? 'test';
  const state = new IonosState({
    seed,
    asyncWrites: options.asyncWrites ?? (seed === 'demo' ? { queuedMs: 300, runningMs: 700 } : { queuedMs: 20, runningMs: 20 }),
    contractNumber: options.contractNumber ?? '31000000',
    generatedUsers: options.generatedUsers,
    canary: options.canary,
  });
  // Every request and response is checked against Cloud API 6.0 (test/contracts/ionos.json).
  const contract = {
    recorder: new ContractRecorder('ionos', API_PREFIX),
    ...(options.variantSeed === undefined ? {} : { vary: ionosVariants(options.variantSeed) }),
  };
  const server = await startEmulatorServer(new IonosHandler(state), { port: options.port, tls: options.tls, contract });
  let objectStorage: RunningEmulator;
  try {
    // Checked against the Object Storage Management API's models (test/contracts/ionos-object-storage.json).
    objectStorage = await startEmulatorServer(new ObjectStorageHandler(state), {
      tls: options.tls,
      contract: {
        recorder: new ContractRecorder('ionos-object-storage', ''),
        ...(options.variantSeed === undefined ? {} : { vary: objectStorageVariants(options.variantSeed) }),
      },
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    ...server,
    state,
    apiUrl: `${server.url}${API_PREFIX}`,
    caller: state.caller,
    developer: state.developer,
    objectStorage,
    close: async () => {
      await Promise.all([server.close(), objectStorage.close()]);
    },
  };
}

export { writeDemoConfig } from './demoConfig';
export type { AsyncTiming, Credentials, IonosState } from './state';
export type { SeedName } from './seed';
