/**
 * The BUILT `cloud-keys` executable and the three emulators (demo seed, every key secret starting
 * with a canary), for the end-to-end tests: the bundle is built into a temporary folder first
 * (scripts/build-cli.mjs), so the tests run today's source without touching dist/. Every run is
 * checked for secrets on stdout and stderr.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SETTING_VARIABLES } from '../../../src/cli/environment';
import { startIonosEmulator, writeDemoConfig as writeIonosConfig, type IonosEmulator } from '../../emulators/ionos';
import { startOciEmulator, writeDemoConfig as writeOciConfig, type RunningOciEmulator } from '../../emulators/oci';
import { startOutscaleEmulator, writeDemoConfig as writeOutscaleConfig, type RunningOutscaleEmulator } from '../../emulators/outscale';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CANARY = 'CKCLICANARY';
export const run = promisify(execFile);

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliHarness {
  readonly home: string;
  readonly cli: string;
  /** The environment of every run: HOME, PATH, the emulators' config files and CLOUD_KEYS_* variables. */
  readonly env: Record<string, string>;
  readonly oci: RunningOciEmulator;
  readonly outscale: RunningOutscaleEmulator;
  readonly ionos: IonosEmulator;
  /** Secrets no output may hold: account credentials, the canary every key secret starts with, and any the test adds. */
  readonly secrets: string[];
  /** Runs `node cli.js …args` and checks that it printed no secret. */
  cloudKeys(args: string[], extraEnv?: Record<string, string>, cwd?: string): Promise<Outcome>;
  close(): Promise<void>;
}

/** Builds the CLI, starts the emulators, and writes their demo configs under a temporary HOME. */
export async function startCliHarness(): Promise<CliHarness> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-cli-'));
  await run(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs'), path.join(home, 'bundle')], { cwd: ROOT });
  const cli = path.join(home, 'bundle', 'cli.js');
  const oci = await startOciEmulator({ seed: 'demo', canary: CANARY });
  const outscale = await startOutscaleEmulator({ seed: 'demo', canary: CANARY });
  const ionos = await startIonosEmulator({ seed: 'demo', canary: CANARY });
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home };
  for (const written of [
    writeOciConfig(path.join(home, 'oci'), oci),
    writeOutscaleConfig(path.join(home, 'outscale'), outscale),
    writeIonosConfig(path.join(home, 'ionos'), ionos),
  ]) {
    Object.assign(env, written.env);
    // The extension's settings, as the CLI's documented variables.
    for (const [setting, value] of Object.entries(written.settings)) {
      const variable = SETTING_VARIABLES.find((v) => `cloudKeys.${v.setting}` === setting)?.variable;
      assert.ok(variable, `no CLOUD_KEYS_* variable stands for ${setting}`);
      env[variable] = value;
    }
  }
  const pemBody = oci.caller.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
  const secrets = [CANARY, outscale.caller.secretKey, ionos.caller.password, ...pemBody.slice(0, 3)];

  async function cloudKeys(args: string[], extraEnv: Record<string, string> = {}, cwd?: string): Promise<Outcome> {
    let outcome: Outcome;
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
        env: { ...env, ...extraEnv },
        maxBuffer: 64 * 2 ** 20,
        ...(cwd ? { cwd } : {}),
      });
      outcome = { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      assert.equal(typeof failed.code, 'number', `cloud-keys did not run: ${String(error)}`);
      outcome = { code: failed.code!, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
    for (const secret of secrets) {
      assert.ok(!outcome.stdout.includes(secret) && !outcome.stderr.includes(secret), `cloud-keys ${args.join(' ')} printed a secret`);
    }
    return outcome;
  }

  return {
    home,
    cli,
    env,
    oci,
    outscale,
    ionos,
    secrets,
    cloudKeys,
    async close() {
      await Promise.all([oci.close(), outscale.close(), ionos.close()]);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

export const fault = (url: string, body: unknown) =>
  fetch(`${url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
export const clearFaults = (url: string) => fetch(`${url}/__emulator/faults`, { method: 'DELETE' });
