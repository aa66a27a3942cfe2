import type { Account } from '../../model/types';
import { UsageError } from '../exitCodes';

/**
 * The accounts `--account` names (by label or id), or all of them. A name that matches no account,
 * or no account at all, is a usage error that lists what there is or says where accounts come from.
 */
export function selectAccounts(accounts: readonly Account[], names: readonly string[], configProblems: boolean): Account[] {
  if (accounts.length === 0) {
    throw new UsageError(
      configProblems
        ? 'No account could be read from the configuration (see the messages above).'
        : 'No account found. cloud-keys reads ~/.oci/config (or OCI_CONFIG_FILE), ~/.osc/config.json (or OSC_CONFIG_FILE, OSC_ACCESS_KEY/OSC_SECRET_KEY) and IONOS_TOKEN or IONOS_USERNAME/IONOS_PASSWORD; see cloud-keys audit --help.',
    );
  }
  if (names.length === 0) return [...accounts];
  const unknown = names.filter((name) => !accounts.some((a) => a.label === name || a.id === name));
  if (unknown.length > 0) {
    const known = accounts.map((a) => `${a.label} (${a.cloud})`).join(', ');
    throw new UsageError(`--account ${unknown.map((n) => `"${n}"`).join(', ')} matches no account. Accounts found: ${known}.`);
  }
  return accounts.filter((a) => names.includes(a.label) || names.includes(a.id));
}
