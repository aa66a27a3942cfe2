/**
 * The IONOS account found in the environment, the way the IONOS SDKs and Terraform provider read it:
 * IONOS_TOKEN, or IONOS_USERNAME with IONOS_PASSWORD, plus IONOS_API_URL and IONOS_CONTRACT_NUMBER.
 * IONOS has no credentials file of its own. Nothing here throws: what is wrong becomes a problem.
 */
import type { CloudContext, DiscoveryProblem, DiscoveryResult } from '../cloudModule';
import { CloudError } from '../../model/cloudError';
import type { Account } from '../../model/types';
import { API_URL_SETTING } from './apiUrl';
import { chooseAuth, ENV } from './credentials';
import { normaliseApiUrl } from './endpoint';

export const ENVIRONMENT_ACCOUNT_ID = 'ionos:environment';

function checkedUrl(raw: string | undefined, source: string, problems: DiscoveryProblem[]): { ok: boolean; url?: string } {
  if (!raw?.trim()) return { ok: true };
  try {
    return { ok: true, url: normaliseApiUrl(raw, source) };
  } catch (error) {
    problems.push({ source, message: error instanceof CloudError ? error.message : `${source} could not be read.` });
    return { ok: false };
  }
}

export function discoverFromEnvironment(ctx: CloudContext): DiscoveryResult {
  const env = ctx.env;
  const token = env[ENV.token];
  const username = env[ENV.username];
  const password = env[ENV.password];
  if (!token?.trim() && !username?.trim() && !password) return { accounts: [], problems: [] };

  const problems: DiscoveryProblem[] = [];
  const auth = chooseAuth(token, username, password);
  if (!auth) {
    const missing = username?.trim() ? ENV.password : ENV.username;
    problems.push({
      source: missing,
      message: `${missing} is not set, so the IONOS credentials in the environment are incomplete. Set both ${ENV.username} and ${ENV.password}, or set ${ENV.token}.`,
    });
    return { accounts: [], problems };
  }
  const fromEnv = checkedUrl(env[ENV.apiUrl], ENV.apiUrl, problems);
  const fromSetting = fromEnv.url ? { ok: true } : checkedUrl(ctx.settings[API_URL_SETTING], `cloudKeys.${API_URL_SETTING}`, problems);
  if (!fromEnv.ok || !fromSetting.ok) return { accounts: [], problems };

  const variables = Object.values(ENV).filter((name) => !!env[name]?.trim());
  const contractNumber = env[ENV.contractNumber]?.trim();
  const details: Record<string, string> = { auth: auth.kind };
  if (auth.kind === 'basic') details.username = auth.username;
  if (contractNumber) details.contractNumber = contractNumber;
  const account: Account = {
    id: ENVIRONMENT_ACCOUNT_ID,
    cloud: 'ionos',
    label: auth.kind === 'basic' ? auth.username : `IONOS token (${ENV.token})`,
    source: `environment: ${variables.join(', ')}`,
    origin: { kind: 'environment', variables },
    ...(fromEnv.url ? { endpoint: fromEnv.url } : {}),
    details,
  };
  return { accounts: [account], problems };
}
