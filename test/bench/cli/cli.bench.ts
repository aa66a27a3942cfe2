/**
 * Benchmark #5: the `cloud-keys` command line. In the same run, against the listing benchmark's
 * tenancy (each emulator's demo seed plus 2,000 generated users, 20 ms latency, in a child process):
 *   - `cloud-keys audit --format json`, the built executable (production build) as a child process,
 *     wall time from spawn to exit, every key of the three accounts;
 *   - the extension's own listing of the same three accounts: AccountBrowser over the real adapters,
 *     one shared limiter, every user and key (listEverything), in this process;
 *   - start-up: `cloud-keys --version` against `node -e 0`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos/index';
import { cloudModule as ociModule } from '../../../src/clouds/oci/index';
import { cloudModule as outscaleModule } from '../../../src/clouds/outscale/index';
import type { CloudModule } from '../../../src/clouds/cloudModule';
import { SETTING_VARIABLES } from '../../../src/cli/environment';
import type { CloudId } from '../../../src/model/types';
import { AccountBrowser } from '../../../src/operations/accountBrowser';
import { CLOUD_CALL_CONCURRENCY, createLimiter } from '../../../src/util/limiter';
import { listEverything } from '../listing/listEverything';
import { benchContext } from '../support/benchContext';
import { ROOT } from '../support/benchBuild';
import { startEmulatorFleet, type EmulatorEndpoint } from '../support/emulatorClient';
import type { BenchOptions, Row, Section } from '../support/results';
import { GENERATED_USERS, LATENCY_MS } from '../support/scenario';
import { median, round, times } from '../support/stats';

const exec = promisify(execFile);
const MODULES: Record<CloudId, CloudModule> = { oci: ociModule, outscale: outscaleModule, ionos: ionosModule };
const STARTUP_SAMPLES = 15;

/** The environment that makes the CLI find the fleet's three accounts: the clouds' variables and the CLOUD_KEYS_* ones. */
function cliEnv(clouds: readonly EmulatorEndpoint[], home: string): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home };
  for (const endpoint of clouds) {
    Object.assign(env, endpoint.env);
    for (const [setting, value] of Object.entries(endpoint.settings)) {
      const variable = SETTING_VARIABLES.find((v) => `cloudKeys.${v.setting}` === setting)?.variable;
      if (variable) env[variable] = value;
    }
  }
  return env;
}

/** The extension's listing of every account at once, through one browser and limiter, as the tree with everything expanded. */
async function extensionListing(clouds: readonly EmulatorEndpoint[], home: string): Promise<{ ms: number; keys: number }> {
  const browser = new AccountBrowser((account) => providers.get(account.id)!, createLimiter(CLOUD_CALL_CONCURRENCY));
  const providers = new Map<string, ReturnType<CloudModule['createProvider']>>();
  const accounts = [];
  for (const endpoint of clouds) {
    const ctx = benchContext(endpoint, home);
    const module = MODULES[endpoint.cloud];
    const { accounts: found } = await module.discoverAccounts(ctx);
    for (const account of found) {
      providers.set(account.id, module.createProvider(account, ctx));
      accounts.push(account);
    }
  }
  const start = performance.now();
  const counts = await Promise.all(accounts.map((account) => listEverything(browser, account)));
  const ms = performance.now() - start;
  const failed = counts.reduce((n, c) => n + c.failedUsers, 0);
  if (failed > 0) throw new Error(`the extension's listing failed for ${failed} user(s)`);
  return { ms, keys: counts.reduce((n, c) => n + c.keys, 0) };
}

async function audit(cli: string, env: Record<string, string>): Promise<{ ms: number; keys: number; code: number }> {
  const start = performance.now();
  let stdout: string;
  let code = 0;
  try {
    ({ stdout } = await exec(process.execPath, [cli, 'audit', '--format', 'json'], { env, maxBuffer: 256 * 2 ** 20 }));
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    code = typeof failed.code === 'number' ? failed.code : -1;
    stdout = failed.stdout ?? '';
    // 1: some keys break the policy, as the demo seed's do. Anything else is a failed audit.
    if (code !== 1) throw new Error(`cloud-keys audit exited with ${String(failed.code)}: ${(failed.stderr ?? '').slice(0, 500)}`);
  }
  const ms = performance.now() - start;
  const doc = JSON.parse(stdout) as { summary: { keys: number; complete: boolean } };
  if (!doc.summary.complete) throw new Error('cloud-keys audit did not read everything');
  return { ms, keys: doc.summary.keys, code };
}

async function startup(command: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < STARTUP_SAMPLES; i += 1) {
    const start = performance.now();
    await exec(process.execPath, command);
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function run(options: BenchOptions): Promise<Section> {
  const started = performance.now();
  const repeats = options.repeats ?? 3;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-bench-cli-'));
  try {
    options.log('building the cloud-keys executable (production) into a temporary folder');
    await exec(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs'), path.join(home, 'bundle'), '--production'], { cwd: ROOT });
    const cli = path.join(home, 'bundle', 'cli.js');

    const version = await startup([cli, '--version']);
    const bare = await startup(['-e', '0']);
    options.log(`start-up: cloud-keys --version ${Math.round(median(version))} ms, node -e 0 ${Math.round(median(bare))} ms`);

    options.log(`starting the emulators with ${GENERATED_USERS} generated users each`);
    const fleet = await startEmulatorFleet(home, GENERATED_USERS);
    const audits: number[] = [];
    const listings: number[] = [];
    const keys: number[] = [];
    try {
      await fleet.setFaults([{ route: '*', kind: 'latency', ms: LATENCY_MS }]);
      const env = cliEnv(fleet.clouds, home);
      for (let round = 1; round <= repeats; round += 1) {
        const listing = await extensionListing(fleet.clouds, home);
        const result = await audit(cli, env);
        if (result.keys !== listing.keys)
          throw new Error(`cloud-keys audit found ${result.keys} keys, the extension's listing ${listing.keys}`);
        listings.push(listing.ms);
        audits.push(result.ms);
        keys.push(result.keys);
        options.log(
          `round ${round}/${repeats}: audit ${Math.round(result.ms)} ms, extension listing ${Math.round(listing.ms)} ms (${result.keys} keys)`,
        );
      }
    } finally {
      await fleet.stop();
    }
    const ratios = audits.map((ms, i) => ms / listings[i]);
    const startupRatio = median(version) / median(bare);
    const rows: Row[] = [
      {
        name: 'cloud-keys audit, three accounts, every key (wall time, child process)',
        unit: 'ms',
        value: median(audits),
        samples: audits,
        extra: { keys: median(keys) },
      },
      { name: "the extension's listing of the same accounts (in process)", unit: 'ms', value: median(listings), samples: listings },
      {
        name: "cloud-keys audit ÷ the extension's listing",
        unit: '×',
        value: median(ratios),
        samples: ratios,
        goal: { text: '≤ 1.5×', met: median(ratios) <= 1.5, ...(median(ratios) <= 1.5 ? {} : { by: times(median(ratios)) }) },
      },
      {
        name: 'start-up: cloud-keys --version',
        unit: 'ms',
        value: median(version),
        samples: version,
        goal: { text: '≤ node -e 0 + 100 ms', met: median(version) - median(bare) <= 100 },
        extra: { nodeMs: round(median(bare)), overNodeMs: round(median(version) - median(bare)), ratioToNode: round(startupRatio) },
      },
      { name: 'start-up: node -e 0', unit: 'ms', value: median(bare), samples: bare },
    ];
    return {
      id: 'cli',
      title: `#5 cloud-keys CLI: audit of ${GENERATED_USERS} users per cloud, ${LATENCY_MS} ms latency`,
      rows,
      notes: [
        'The audit runs the production bundle (scripts/build-cli.mjs --production) as a child process; its time includes Node start-up, loading the cloud bundles and discovery.',
        `The extension's listing is AccountBrowser over the three accounts at once with one limiter of ${CLOUD_CALL_CONCURRENCY}, as the tree with every user expanded; the audit uses the same limiter size.`,
      ],
      durationMs: performance.now() - started,
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
