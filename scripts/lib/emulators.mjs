// Starts the three cloud emulators (TypeScript, loaded through tsx) and writes demo config for
// each into a temporary home, returning the environment and user settings that make the extension
// discover those accounts. Used by the demo and by the integration and e2e tiers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CLOUDS = [
  { id: 'oci', start: 'startOciEmulator' },
  { id: 'outscale', start: 'startOutscaleEmulator' },
  { id: 'ionos', start: 'startIonosEmulator' },
];

/**
 * @param {string} home  a temporary folder for config files and keys (never the user's own)
 * @param {{ seed?: 'demo' | 'test', canary?: string }} [options]  with `canary`, every key secret the
 *   emulators hand out starts with it (the secret-leak canary run)
 */
export async function startEmulators(home, { seed = 'demo', canary } = {}) {
  fs.mkdirSync(home, { recursive: true });
  const running = [];
  const env = {};
  const settings = {};
  const urls = {};
  /** The running emulators by cloud id, so a test in this process can read their state and calls. */
  const byCloud = {};
  try {
    for (const cloud of CLOUDS) {
      const entry = path.join(root, 'test', 'emulators', cloud.id, 'index.ts');
      if (!fs.existsSync(entry)) continue;
      const mod = await tsImport(entry, import.meta.url);
      const emulator = await mod[cloud.start]({ seed, ...(canary ? { canary } : {}) });
      running.push(emulator);
      byCloud[cloud.id] = emulator;
      urls[cloud.id] = emulator.url;
      const dir = path.join(home, cloud.id);
      fs.mkdirSync(dir, { recursive: true });
      const demo = await mod.writeDemoConfig(dir, emulator);
      Object.assign(env, demo.env);
      Object.assign(settings, demo.settings);
    }
  } catch (error) {
    await Promise.all(running.map((e) => e.close()));
    throw error;
  }
  return {
    env,
    settings,
    urls,
    running: byCloud,
    async stop() {
      await Promise.all(running.map((e) => e.close()));
    },
  };
}
