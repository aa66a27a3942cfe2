/** Accounts from OUTSCALE config files and `OSC_*` environment variables. Never throws for bad config. */
import path from 'node:path';
import type { Account } from '../../model/types';
import type { CloudContext, DiscoveryProblem, DiscoveryResult } from '../cloudModule';
import { configFileCandidates, readConfigFile, type Profile } from './configFile';
import { DEFAULT_REGION, KNOWN_REGIONS } from './constants';
import { isValidRegion, resolveEndpoint } from './endpoint';
import { LOG_PREFIX } from './logPrefix';

export const ENV_ACCOUNT_ID = 'outscale:env';

function expandHome(file: string, homeDir: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(homeDir, file.slice(1)) : file;
}

interface ConfigPath {
  readonly file: string;
  /** Named explicitly (setting or variable): a missing file is a problem then. */
  readonly explicit: string | undefined;
}

/** Config files in the order they are read: the setting, `OSC_CONFIG_FILE`, then `~/.osc/config.json` (or the legacy one). */
function configPaths(ctx: CloudContext): ConfigPath[] {
  const out: ConfigPath[] = [];
  const seen = new Set<string>();
  const add = (file: string, explicit: string | undefined) => {
    const resolved = path.resolve(expandHome(file, ctx.homeDir));
    if (seen.has(resolved)) return;
    seen.add(resolved);
    out.push({ file: resolved, explicit });
  };
  const setting = ctx.settings['outscale.configFile']?.trim();
  if (setting) add(setting, 'the setting cloudKeys.outscale.configFile');
  const variable = ctx.env.OSC_CONFIG_FILE?.trim();
  if (variable) add(variable, 'the variable OSC_CONFIG_FILE');
  const { current, legacy } = configFileCandidates(ctx.homeDir);
  add(current, undefined);
  add(legacy, undefined);
  return out;
}

export function configFiles(ctx: CloudContext): string[] {
  return configPaths(ctx).map((p) => p.file);
}

function profileRegion(profile: Profile): string {
  return (profile.region ?? profile.region_name ?? DEFAULT_REGION).trim();
}

function accountFromProfile(file: string, name: string, profile: Profile, ctx: CloudContext): Account | DiscoveryProblem {
  const source = `${file}#${name}`;
  const missing = [!profile.access_key?.trim() && 'access_key', !profile.secret_key?.trim() && 'secret_key'].filter(Boolean);
  if (missing.length > 0) {
    const certOnly =
      profile.client_certificate !== undefined ? ' Profiles that authenticate with a client certificate alone are not supported.' : '';
    return {
      source,
      message: `Profile "${name}" has no ${missing.join(' or ')}: add the access key and secret key of the account or EIM user.${certOnly}`,
    };
  }
  const region = profileRegion(profile);
  if (!isValidRegion(region))
    return { source, message: `Profile "${name}" has an invalid region "${region}" (for example: ${DEFAULT_REGION}).` };
  if (!KNOWN_REGIONS.includes(region))
    ctx.logger.info(`${LOG_PREFIX} profile ${name} uses region ${region}, which Cloud Keys does not know; using it as given.`);
  let endpoint: string;
  try {
    endpoint = resolveEndpoint({ region, host: profile.host, https: profile.https, explicit: profile.endpoints?.api });
  } catch (error) {
    return { source, message: `Profile "${name}" has an unusable endpoints.api: ${(error as Error).message}.` };
  }
  return {
    id: `outscale:${file}#${name}`,
    cloud: 'outscale',
    label: name,
    source: file,
    origin: { kind: 'config-file', path: file, profile: name },
    region,
    endpoint,
    details: { accessKeyId: profile.access_key!.trim() },
  };
}

function isAccount(value: Account | DiscoveryProblem): value is Account {
  return 'id' in value;
}

/**
 * The `OSC_*` account: signed with `OSC_ACCESS_KEY` / `OSC_SECRET_KEY`, or, when neither is set, signed
 * in with `OSC_LOGIN` / `OSC_PASSWORD` (the names oapi-cli and the OUTSCALE Rust and Go SDKs read).
 */
function accountFromEnvironment(ctx: CloudContext): Account | DiscoveryProblem | undefined {
  const accessKey = ctx.env.OSC_ACCESS_KEY?.trim();
  const secretKey = ctx.env.OSC_SECRET_KEY?.trim();
  const login = ctx.env.OSC_LOGIN?.trim();
  const password = ctx.env.OSC_PASSWORD;
  const withKey = Boolean(accessKey || secretKey);
  if (!withKey && !login && !password) return undefined;
  if (withKey && (!accessKey || !secretKey)) {
    return {
      source: accessKey ? 'OSC_SECRET_KEY' : 'OSC_ACCESS_KEY',
      message: 'Set both OSC_ACCESS_KEY and OSC_SECRET_KEY (only one of them is set), or neither.',
    };
  }
  if (!withKey && (!login || !password)) {
    return {
      source: login ? 'OSC_PASSWORD' : 'OSC_LOGIN',
      message: 'Set both OSC_LOGIN and OSC_PASSWORD (only one of them is set), or neither.',
    };
  }
  if (withKey && login)
    ctx.logger.info(`${LOG_PREFIX} OSC_ACCESS_KEY is set, so the OSC_* account signs with it and OSC_LOGIN / OSC_PASSWORD are not used.`);
  const region = ctx.env.OSC_REGION?.trim() || DEFAULT_REGION;
  if (!isValidRegion(region))
    return { source: 'OSC_REGION', message: `OSC_REGION "${region}" is not a valid region (for example: ${DEFAULT_REGION}).` };
  let endpoint: string;
  try {
    endpoint = resolveEndpoint({ region, explicit: ctx.env.OSC_ENDPOINT_API?.trim() || undefined });
  } catch (error) {
    return { source: 'OSC_ENDPOINT_API', message: `OSC_ENDPOINT_API is unusable: ${(error as Error).message}.` };
  }
  const credentialVariables = withKey ? ['OSC_ACCESS_KEY', 'OSC_SECRET_KEY'] : ['OSC_LOGIN', 'OSC_PASSWORD'];
  const variables = [...credentialVariables, 'OSC_REGION', 'OSC_ENDPOINT_API'].filter((v) => ctx.env[v]?.trim());
  return {
    id: ENV_ACCOUNT_ID,
    cloud: 'outscale',
    label: 'OSC_* environment',
    source: `environment variables ${variables.join(', ')}`,
    origin: { kind: 'environment', variables },
    region,
    endpoint,
    details: withKey ? { accessKeyId: accessKey! } : { auth: 'password' },
  };
}

export async function discoverAccounts(ctx: CloudContext): Promise<DiscoveryResult> {
  const accounts: Account[] = [];
  const problems: DiscoveryProblem[] = [];
  const paths = configPaths(ctx);
  const { current, legacy } = configFileCandidates(ctx.homeDir);
  let currentExists = false;
  for (const { file, explicit } of paths) {
    // The legacy location is read only when ~/.osc/config.json does not exist, as osc-cli does.
    if (file === path.resolve(legacy) && currentExists) continue;
    const result = readConfigFile(file);
    if (file === path.resolve(current)) currentExists = result.exists;
    if (!result.exists) {
      if (explicit) problems.push({ source: file, message: `The OUTSCALE config file named by ${explicit} does not exist.` });
      continue;
    }
    problems.push(...result.problems);
    for (const { name, profile } of result.profiles) {
      const found = accountFromProfile(file, name, profile, ctx);
      if (isAccount(found)) accounts.push(found);
      else problems.push(found);
    }
  }
  const fromEnv = accountFromEnvironment(ctx);
  if (fromEnv && isAccount(fromEnv)) accounts.push(fromEnv);
  else if (fromEnv) problems.push(fromEnv);
  for (const problem of problems) ctx.logger.warn(`${LOG_PREFIX} config ${problem.source}: ${problem.message}`);
  return { accounts, problems };
}
