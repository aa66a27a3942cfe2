import path from 'node:path';

/** Where osc-cli and osc-sdk keep their config: `~/.osc/config.json`, and the legacy `~/.osc_sdk/config.json`. */
export function configFileCandidates(homeDir: string): { current: string; legacy: string } {
  return { current: path.join(homeDir, '.osc', 'config.json'), legacy: path.join(homeDir, '.osc_sdk', 'config.json') };
}
