import path from 'node:path';
import type { CloudContext } from '../cloudModule';

export interface ConfigLocation {
  readonly path: string;
  /** Set on purpose by the user (environment variable or setting): a missing file is then a problem to report. */
  readonly explicit: boolean;
  /** Where the path came from, for messages. */
  readonly from: string;
}

/** `~` and `~/…` against the context's home directory (never the process's own, so tests use temporary homes). */
export function expandHome(file: string, homeDir: string): string {
  if (file === '~') return homeDir;
  if (file.startsWith('~/') || file.startsWith('~\\')) return path.join(homeDir, file.slice(2));
  return file;
}

/**
 * The config files discovery reads, in order: `OCI_CONFIG_FILE`, then `~/.oci/config` (or the legacy
 * `~/.oraclebmc/config` when that is absent), then the `oci.configFile` setting. Duplicates are dropped.
 */
export function configLocations(ctx: CloudContext, exists: (file: string) => boolean): ConfigLocation[] {
  const found: ConfigLocation[] = [];
  const fromEnv = ctx.env.OCI_CONFIG_FILE?.trim();
  if (fromEnv) found.push({ path: path.resolve(expandHome(fromEnv, ctx.homeDir)), explicit: true, from: 'OCI_CONFIG_FILE' });
  const standard = path.join(ctx.homeDir, '.oci', 'config');
  const legacy = path.join(ctx.homeDir, '.oraclebmc', 'config');
  found.push({ path: !exists(standard) && exists(legacy) ? legacy : standard, explicit: false, from: 'default location' });
  const fromSetting = ctx.settings['oci.configFile']?.trim();
  if (fromSetting) {
    found.push({ path: path.resolve(expandHome(fromSetting, ctx.homeDir)), explicit: true, from: 'setting cloudKeys.oci.configFile' });
  }
  const seen = new Set<string>();
  return found.filter((location) => !seen.has(location.path) && seen.add(location.path));
}
