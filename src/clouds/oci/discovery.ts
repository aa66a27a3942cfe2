import fs from 'node:fs';
import path from 'node:path';
import type { Account } from '../../model/types';
import type { CloudContext, DiscoveryProblem, DiscoveryResult } from '../cloudModule';
import { DEFAULT_PROFILE, isSessionTokenProfile, missingEntries, parseConfigFile, resolveProfile } from './configFile';
import { configLocations, expandHome } from './configLocations';
import { endpointOverride } from './endpoints';
import { fingerprintProblem, keyFileAccessProblem } from './profileChecks';
import { SessionTokenFile } from './sessionToken';

export function accountId(file: string, profile: string): string {
  return `oci:${file}#${profile}`;
}

function fileExists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function ociConfigFiles(ctx: CloudContext): string[] {
  return configLocations(ctx, fileExists).map((location) => location.path);
}

/** Every usable profile of every OCI config file; a file or profile that cannot be used becomes a problem, never a throw. */
export async function discoverOciAccounts(ctx: CloudContext): Promise<DiscoveryResult> {
  const accounts: Account[] = [];
  const problems: DiscoveryProblem[] = [];
  let override: string | undefined;
  try {
    override = endpointOverride(ctx.settings);
  } catch (error) {
    problems.push({ source: 'cloudKeys.oci.endpoint', message: error instanceof Error ? error.message : String(error) });
  }
  for (const location of configLocations(ctx, fileExists)) {
    let text: string;
    try {
      text = await fs.promises.readFile(location.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !location.explicit) continue;
      problems.push({
        source: location.path,
        message:
          code === 'ENOENT'
            ? `The OCI config file named by ${location.from} does not exist. Fix the path or remove it.`
            : `The OCI config file could not be read (${code ?? 'unknown error'}). Check its permissions.`,
      });
      continue;
    }
    const parsed = parseConfigFile(text);
    for (const problem of parsed.problems) {
      problems.push({ source: location.path, message: `Ignored a malformed line of the OCI config file: ${problem}.` });
    }
    if (parsed.profiles.size === 0) {
      problems.push({ source: location.path, message: 'The OCI config file has no [PROFILE] section, so no account was found in it.' });
      continue;
    }
    const onlyDefaultIsBase = parsed.profiles.size > 1;
    for (const profile of parsed.profiles.keys()) {
      const entries = resolveProfile(parsed, profile);
      if (!entries) continue;
      const source = `${location.path} [${profile}]`;
      const session = isSessionTokenProfile(entries);
      const missing = missingEntries(entries).filter((key) => !(key === 'region' && ctx.env.OCI_REGION));
      if (missing.length > 0) {
        // A partial [DEFAULT] next to other profiles is the usual place for shared entries, not an account.
        if (profile === DEFAULT_PROFILE && onlyDefaultIsBase) continue;
        problems.push({
          source,
          message: `Profile ${profile} lacks ${missing.join(', ')}. Add ${missing.length > 1 ? 'them' : 'it'} to the profile or to [DEFAULT].`,
        });
        continue;
      }
      const region = entries.get('region') || ctx.env.OCI_REGION || '';
      const inConfigDir = (entry: string) => path.resolve(path.dirname(location.path), expandHome(entries.get(entry) ?? '', ctx.homeDir));
      const keyFile = inConfigDir('key_file');
      const fileProblem =
        (session ? undefined : fingerprintProblem(entries.get('fingerprint') ?? '', profile, location.path)) ??
        (await keyFileAccessProblem(keyFile, profile, location.path));
      if (fileProblem) {
        problems.push({ source, message: fileProblem });
        continue;
      }
      let sessionDetails: Record<string, string> = {};
      if (session) {
        // Listed even when its token has expired: `oci session refresh` rewrites only the token file,
        // which discovery does not watch, and the first call then says what to run.
        const tokenFile = new SessionTokenFile(inConfigDir('security_token_file'), profile, ctx.now);
        let user: string | undefined;
        try {
          user = (await tokenFile.read()).claims?.sub;
        } catch (error) {
          problems.push({ source, message: error instanceof Error ? error.message : String(error) });
          continue;
        }
        sessionDetails = { auth: 'session-token', securityTokenFile: tokenFile.file, ...(user ? { user } : {}) };
      }
      accounts.push({
        id: accountId(location.path, profile),
        cloud: 'oci',
        label: profile,
        source: location.path,
        origin: { kind: 'config-file', path: location.path, profile },
        region,
        ...(override ? { endpoint: override } : {}),
        details: {
          tenancy: entries.get('tenancy') ?? '',
          user: entries.get('user') ?? '',
          fingerprint: entries.get('fingerprint') ?? '',
          region,
          keyFile,
          ...sessionDetails,
        },
      });
    }
  }
  return { accounts, problems };
}
