/**
 * Benchmark #2: listing a large tenancy. Each emulator holds its demo seed plus 2,000 generated users
 * with 1–3 keys each and answers every request 20 ms late. Side by side, in this process:
 *   - the extension's listing layer (AccountBrowser over the real adapter, one shared limiter),
 *     listing every user and every key, with and without 5% of requests answered 429;
 *   - a plain sequential loop over the same SDK or HTTP calls (see sequentialLoops.ts);
 *   - the ideal bound: requests × latency ÷ the limiter's concurrency.
 * Heap growth is sampled during the listing, from a collected heap before it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos/index';
import { cloudModule as ociModule } from '../../../src/clouds/oci/index';
import { cloudModule as outscaleModule } from '../../../src/clouds/outscale/index';
import type { CloudModule } from '../../../src/clouds/cloudModule';
import type { CloudId } from '../../../src/model/types';
import { AccountBrowser } from '../../../src/operations/accountBrowser';
import { CLOUD_CALL_CONCURRENCY, createLimiter } from '../../../src/util/limiter';
import { CLOUD_NAMES } from '../../../src/views/cloudNames';
import type { Fault } from '../../emulators/shared/faults';
import { benchContext, CountingLogger } from '../support/benchContext';
import { startEmulatorFleet, type EmulatorEndpoint, type EmulatorFleet } from '../support/emulatorClient';
import type { BenchOptions, Row, Section } from '../support/results';
import { GENERATED_USERS, LATENCY_MS, THROTTLED_RATIO } from '../support/scenario';
import { median, round, times } from '../support/stats';
import { listEverything } from './listEverything';
import { runSequentialLoop } from './sequentialLoops';

const SEQUENTIAL_SAMPLE_USERS = 100;
const MB = 2 ** 20;

const MODULES: Record<CloudId, CloudModule> = { oci: ociModule, outscale: outscaleModule, ionos: ionosModule };

interface ListingRun {
  readonly ms: number;
  readonly failed?: string;
  readonly users: number;
  readonly keys: number;
  readonly requests: number;
  readonly clientCpuMs: number;
  readonly emulatorCpuMs: number;
  readonly peakHeapGrowthMb: number;
  readonly retainedHeapGrowthMb: number;
  readonly warnings: number;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the listing benchmark needs node --expose-gc (npm run bench passes it)');
  gc();
  gc();
}

/** One listing of every user and key of the account, through a fresh provider, browser and limiter. */
async function listOnce(endpoint: EmulatorEndpoint, home: string, fleet: EmulatorFleet, concurrency: number): Promise<ListingRun> {
  const logger = new CountingLogger();
  const ctx = benchContext(endpoint, home, logger);
  const module = MODULES[endpoint.cloud];
  const { accounts, problems } = await module.discoverAccounts(ctx);
  if (accounts.length !== 1)
    throw new Error(`expected one ${endpoint.cloud} account, found ${accounts.length}: ${problems.map((p) => p.message).join('; ')}`);
  const account = accounts[0];
  const provider = module.createProvider(account, ctx);
  const browser = new AccountBrowser(() => provider, createLimiter(concurrency));

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  const before = await fleet.calls();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let counted = { users: 0, keys: 0 };
  let failed: string | undefined;
  try {
    const listed = await listEverything(browser, account);
    counted = { users: listed.users, keys: listed.keys };
    if (listed.failedUsers > 0) failed = `the keys of ${listed.failedUsers} user(s) could not be listed: ${listed.firstFailure ?? ''}`;
  } catch (error) {
    failed = error instanceof Error ? error.message : String(error);
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const after = await fleet.calls();
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  // Keep the browser (and what it cached) alive until the retained heap was measured.
  void browser.filter(account);
  return {
    ms,
    failed,
    ...counted,
    requests: (after.counts[endpoint.cloud] ?? 0) - (before.counts[endpoint.cloud] ?? 0),
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    emulatorCpuMs: after.cpuMs - before.cpuMs,
    peakHeapGrowthMb: (peak - heapBefore) / MB,
    retainedHeapGrowthMb: retained / MB,
    warnings: logger.counts.warn + logger.counts.error,
  };
}

function latency(): Fault {
  return { route: '*', kind: 'latency', ms: LATENCY_MS };
}

function throttling(): Fault {
  return { route: '*', kind: 'status', status: 429, ratio: THROTTLED_RATIO };
}

function ratioGoal(ratio: number, limit: number, what: string): Row['goal'] {
  const met = ratio <= limit;
  return { text: `≤ ${limit}× ${what}`, met, ...(met ? {} : { by: `${times(ratio)}, ${Math.round((ratio / limit - 1) * 100)}% over` }) };
}

function cloudRows(cloud: CloudId, clean: ListingRun[], throttled: ListingRun[], sequential: number[], concurrency: number): Row[] {
  const name = CLOUD_NAMES[cloud];
  const ok = (runs: ListingRun[]) => runs.filter((run) => !run.failed);
  const cleanMs = ok(clean).map((run) => run.ms);
  const throttledMs = ok(throttled).map((run) => run.ms);
  const requests = median(clean.map((run) => run.requests));
  const throttledRequests = median(throttled.map((run) => run.requests));
  const ideal = (requests * LATENCY_MS) / concurrency;
  const throttledIdeal = (throttledRequests * LATENCY_MS) / concurrency;
  const cleanMedian = median(cleanMs);
  const throttledMedian = median(throttledMs);
  const sequentialMedian = median(sequential);
  const speedups = cleanMs.map((ms, i) => (sequential[i] ?? sequentialMedian) / ms);
  const failures = throttled.filter((run) => run.failed).length + clean.filter((run) => run.failed).length;
  const throttledGoal = ratioGoal(throttledMedian / throttledIdeal, 1.5, 'ideal');
  return [
    {
      name: `${name}: listing layer, every user and key`,
      unit: 'ms',
      value: cleanMedian,
      samples: cleanMs,
      goal: ratioGoal(cleanMedian / ideal, 1.25, `ideal (${Math.round(ideal)} ms)`),
      extra: {
        users: median(clean.map((run) => run.users)),
        keys: median(clean.map((run) => run.keys)),
        requests,
        idealMs: round(ideal),
        ratioToIdeal: round(cleanMedian / ideal),
        clientCpuMs: round(median(clean.map((run) => run.clientCpuMs))),
        clientCpuMsPerRequest: round(median(clean.map((run) => run.clientCpuMs / run.requests))),
        emulatorCpuMs: round(median(clean.map((run) => run.emulatorCpuMs))),
      },
    },
    {
      name: `${name}: sequential loop (scaled from ${SEQUENTIAL_SAMPLE_USERS} users)`,
      unit: 'ms',
      value: sequentialMedian,
      samples: sequential,
    },
    {
      name: `${name}: speed-up over the sequential loop`,
      unit: '×',
      value: median(speedups),
      samples: speedups,
      goal: { text: '≥ 10×', met: median(speedups) >= 10, ...(median(speedups) >= 10 ? {} : { by: `${times(median(speedups))}` }) },
    },
    {
      name: `${name}: with ${THROTTLED_RATIO * 100}% of requests answered 429`,
      unit: 'ms',
      value: throttledMedian,
      samples: throttledMs,
      goal: {
        text: `no failure, ≤ 1.5× ideal (${Math.round(throttledIdeal)} ms)`,
        met: failures === 0 && (throttledGoal?.met ?? false),
        by: failures ? `${failures} run(s) failed` : throttledGoal?.by,
      },
      extra: {
        requests: throttledRequests,
        idealMs: round(throttledIdeal),
        ratioToIdeal: round(throttledMedian / throttledIdeal),
        failures,
        warningsLogged: median(throttled.map((run) => run.warnings)),
      },
    },
    {
      name: `${name}: heap growth during the listing (peak)`,
      unit: 'MB',
      value: median(clean.map((run) => run.peakHeapGrowthMb)),
      samples: clean.map((run) => run.peakHeapGrowthMb),
      goal: { text: '< 30 MB', met: median(clean.map((run) => run.peakHeapGrowthMb)) < 30 },
      extra: { retainedAfterGcMb: round(median(clean.map((run) => run.retainedHeapGrowthMb))) },
    },
  ];
}

export async function run(options: BenchOptions): Promise<Section> {
  const started = performance.now();
  const repeats = options.repeats ?? 3;
  const concurrency = Number(process.env.CLOUD_KEYS_BENCH_CONCURRENCY ?? CLOUD_CALL_CONCURRENCY);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-bench-'));
  options.log(`starting the emulators with ${GENERATED_USERS} generated users each`);
  const fleet = await startEmulatorFleet(home, GENERATED_USERS);
  const clean = new Map<CloudId, ListingRun[]>();
  const throttled = new Map<CloudId, ListingRun[]>();
  const sequential = new Map<CloudId, number[]>();
  const push = <T>(map: Map<CloudId, T[]>, cloud: CloudId, value: T) => map.set(cloud, [...(map.get(cloud) ?? []), value]);
  try {
    for (let round = 1; round <= repeats; round += 1) {
      await fleet.setFaults([latency()]);
      for (const endpoint of fleet.clouds) {
        const result = await listOnce(endpoint, home, fleet, concurrency);
        push(clean, endpoint.cloud, result);
        const seq = await runSequentialLoop(endpoint, SEQUENTIAL_SAMPLE_USERS);
        push(sequential, endpoint.cloud, seq.estimatedMs);
        options.log(
          `round ${round}/${repeats} ${endpoint.cloud}: listing ${Math.round(result.ms)} ms (${result.requests} requests${result.failed ? `, FAILED: ${result.failed}` : ''}), sequential ≈ ${Math.round(seq.estimatedMs)} ms`,
        );
      }
      await fleet.setFaults([latency(), throttling()]);
      for (const endpoint of fleet.clouds) {
        const result = await listOnce(endpoint, home, fleet, concurrency);
        push(throttled, endpoint.cloud, result);
        options.log(
          `round ${round}/${repeats} ${endpoint.cloud} with 429s: ${Math.round(result.ms)} ms (${result.requests} requests${result.failed ? `, FAILED: ${result.failed}` : ''})`,
        );
      }
    }
  } finally {
    await fleet.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
  const rows = fleet.clouds.flatMap((endpoint) =>
    cloudRows(
      endpoint.cloud,
      clean.get(endpoint.cloud) ?? [],
      throttled.get(endpoint.cloud) ?? [],
      sequential.get(endpoint.cloud) ?? [],
      concurrency,
    ),
  );
  return {
    id: 'listing',
    title: `#2 Listing ${GENERATED_USERS} users, ${LATENCY_MS} ms latency`,
    rows,
    notes: [
      `Limiter concurrency ${concurrency}; ideal bound = requests × ${LATENCY_MS} ms ÷ ${concurrency}, counting every request the emulator answered (429s included).`,
      `Emulators run in a child process; the sequential loop lists every page of users and the keys of the first ${SEQUENTIAL_SAMPLE_USERS} users, scaled to all users.`,
      "OCI lists a user's customer secret keys and API keys in two requests sent together from one limiter slot.",
    ],
    durationMs: performance.now() - started,
  };
}
