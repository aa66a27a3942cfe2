import type { CloudContext } from '../cloudModule';
import type { Account } from '../../model/types';
import { DEFAULT_API_URL, normaliseApiUrl } from './endpoint';

export const API_URL_SETTING = 'ionos.apiUrl';

/**
 * The API base for an account: its own URL (IONOS_API_URL for the environment account, the
 * "API URL" field for a hand-entered one, already normalised into `account.endpoint` or
 * `details.apiUrl`), else the `cloudKeys.ionos.apiUrl` setting, else the public endpoint.
 * Throws a `config` CloudError for an unusable URL.
 */
export function apiUrlFor(account: Account, ctx: CloudContext): string {
  const own = account.endpoint ?? account.details?.apiUrl;
  if (own?.trim()) return normaliseApiUrl(own, `The API URL of account "${account.label}"`);
  const setting = ctx.settings[API_URL_SETTING];
  if (setting?.trim()) return normaliseApiUrl(setting, `The setting cloudKeys.${API_URL_SETTING}`);
  return DEFAULT_API_URL;
}
