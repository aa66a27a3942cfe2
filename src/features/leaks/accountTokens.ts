import { zodRuntime } from '../../model/zodRuntime';
import { cloudDescriptor } from '../../clouds/descriptors';
import { Secret } from '../../model/secret';
import { manualCredentialName, type Account } from '../../model/types';
import type { SecretStore } from '../../secrets/secretStore';

/**
 * The API token an account signs in with, where its cloud has one (`CloudDescriptor.accountToken`)
 * and Cloud Keys has it without a call: the environment account's variable (`IONOS_TOKEN`), or the
 * token typed in for a hand-entered one (kept in SecretStorage). Undefined for other accounts.
 */
export async function accountToken(
  account: Account,
  secrets: Pick<SecretStore, 'credentials'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Secret | undefined> {
  const where = cloudDescriptor(account.cloud).accountToken;
  if (!where) return undefined;
  if (account.origin.kind === 'environment') {
    const token = env[where.environmentVariable]?.trim();
    return token ? new Secret(token) : undefined;
  }
  if (account.origin.kind === 'manual') {
    const stored = await secrets.credentials.get(manualCredentialName(account.id));
    if (!stored) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(stored.reveal());
    } catch {
      return undefined;
    }
    const z = zodRuntime();
    const parsed = z.object({ [where.manualField]: z.optional(z.string()) }).safeParse(json);
    const token = parsed.success ? parsed.data[where.manualField]?.trim() : undefined;
    return token ? new Secret(token) : undefined;
  }
  return undefined;
}
