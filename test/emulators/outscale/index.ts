/**
 * A local OUTSCALE API for tests, the demo and benchmarks: `POST /api/v1/<Action>` for the access-key
 * and user actions, SigV4 checked with @smithy/signature-v4, the account's login + password (HTTP
 * Basic) on the four access-key actions, the 4-failure lock-out, and the shared fault injection (per action name, e.g. `{route: 'ReadUsers', kind: 'status', status: 503}`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { markWithCanary } from '../shared/canary';
import { ContractRecorder } from '../shared/contract/recorder';
import { startEmulatorServer, type EmulatorTls, type RunningEmulator } from '../shared/httpServer';
import { createHandler } from './handler';
import { seed, type SeededCaller, type SeedName } from './seeds';
import { OutscaleState } from './state';
import { outscaleVariants } from './variants';

export { DEMO_LOGIN, TEST_SEED } from './seeds';
export type { SeededCaller, SeedName } from './seeds';
export type { AccountLogin, EmulatedKey, EmulatedUser, OutscaleState } from './state';

export interface OutscaleEmulatorOptions {
  readonly seed?: SeedName;
  readonly port?: number;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP, e.g. to test a CA and a proxy. */
  readonly tls?: EmulatorTls;
  /** The region of the credential scope the emulator accepts (default eu-west-2). */
  readonly region?: string;
  /** Keys per user (default 10, as the current OUTSCALE docs say). */
  readonly maxKeysPerUser?: number;
  /** How many authentications a newly created key refuses before it works (propagation); default 0. */
  readonly newKeyRejections?: number;
  /** Adds this many EIM users (`bench-user-0001`…, one to three keys each) to the seed, for benchmarks. */
  readonly generatedUsers?: number;
  /** Every secret key, seeded or new, starts with this (the secret-leak canary, see shared/canary.ts). */
  readonly canary?: string;
  /**
   * Vary the answers within what the spec allows (optional fields left out…), deterministically for
   * this seed (see variants.ts). Without it every answer has every field.
   */
  readonly variantSeed?: number;
}

export interface RunningOutscaleEmulator extends RunningEmulator {
  readonly region: string;
  /** The seeded account key that signs by default (the demo profile uses it). */
  readonly caller: SeededCaller;
  /** The live state; tests read it to check what the adapter changed. */
  readonly state: OutscaleState;
  /** Moves the emulator's clock (expiry, lock-out, clock-skew checks) by `ms`. */
  advanceClock(ms: number): void;
  now(): number;
  /** Restores the seeded state (same keys and secrets), the clock, and clears faults, lock-outs and `calls`. */
  reset(): void;
}

/** The seed with every secret marked by the canary, and the state set to mark new ones. */
function withCanary(
  seeded: { state: OutscaleState; caller: SeededCaller },
  canary: string | undefined,
): { state: OutscaleState; caller: SeededCaller } {
  if (canary === undefined) return seeded;
  seeded.state.canary = canary;
  for (const [id, key] of seeded.state.keys) seeded.state.keys.set(id, { ...key, secretKey: markWithCanary(key.secretKey, canary) });
  const caller = seeded.state.keys.get(seeded.caller.accessKeyId)!;
  return { state: seeded.state, caller: { accessKeyId: caller.accessKeyId, secretKey: caller.secretKey } };
}

export async function startOutscaleEmulator(options: OutscaleEmulatorOptions = {}): Promise<RunningOutscaleEmulator> {
  let offset = 0;
  const now = () => Date.now() + offset;
  const seeded = withCanary(seed(options.seed ?? 'test', now(), options.generatedUsers), options.canary);
  let state = seeded.state.clone();
  const region = options.region ?? 'eu-west-2';
  const served: { calls?: string[] } = {};
  const reset = () => {
    state = seeded.state.clone();
    offset = 0;
    if (served.calls) served.calls.length = 0;
  };
  const handler = createHandler({
    region,
    maxKeysPerUser: options.maxKeysPerUser ?? 10,
    newKeyRejections: options.newKeyRejections ?? 0,
    now,
    state: () => state,
    reset,
  });
  // Every request and response is checked against OSC API 1.40.1 (test/contracts/outscale.json).
  const contract = {
    recorder: new ContractRecorder('outscale', '/api/(?:v1|latest)'),
    ...(options.variantSeed === undefined ? {} : { vary: outscaleVariants(options.variantSeed) }),
  };
  const server = await startEmulatorServer(handler, { port: options.port, tls: options.tls, contract });
  served.calls = server.calls;
  return {
    ...server,
    close: () => server.close(),
    region,
    caller: seeded.caller,
    get state() {
      return state;
    },
    advanceClock: (ms: number) => {
      offset += ms;
    },
    now,
    reset: () => {
      server.faults.clear();
      reset();
    },
  };
}

/**
 * Writes `<dir>/.osc/config.json` with a `demo` profile (the emulator's seeded caller key, its region,
 * `endpoints.api` pointed at the emulator), mode 0600, and returns what makes the extension find it.
 * `dir` must be a temporary home, never the real one.
 */
export function writeDemoConfig(
  dir: string,
  emulator: Pick<RunningOutscaleEmulator, 'url' | 'region' | 'caller'>,
): { env: Record<string, string>; settings: Record<string, string> } {
  const folder = path.join(dir, '.osc');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, 'config.json');
  const config = {
    demo: {
      access_key: emulator.caller.accessKeyId,
      secret_key: emulator.caller.secretKey,
      region: emulator.region,
      endpoints: { api: emulator.url },
    },
  };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return { env: { OSC_CONFIG_FILE: file }, settings: { 'cloudKeys.outscale.configFile': file } };
}
