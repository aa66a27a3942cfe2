import * as z from 'zod/mini';
import '../../util/zodLocale';
import { Secret } from '../../model/secret';
import { manualCredentialName, type Account } from '../../model/types';
import type { SecretStore } from '../../secrets/secretStore';

const ManualTokenSchema = z.object({ token: z.optional(z.string()) });

/**
 * The API token an IONOS account signs in with, where Cloud Keys has it without a call: the
 * `IONOS_TOKEN` of the environment account, or the token typed in for a hand-entered one (kept in
 * SecretStorage, as src/clouds/ionos/credentials.ts reads it). Undefined for other accounts.
 */
export async function accountToken(
  account: Account,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Secret | undefined> {
  if (account.cloud !== 'ionos') return undefined;
  if (account.origin.kind === 'environment') {
    const token = env.IONOS_TOKEN?.trim();
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
    const parsed = ManualTokenSchema.safeParse(json);
    const token = parsed.success ? parsed.data.token?.trim() : undefined;
    return token ? new Secret(token) : undefined;
  }
  return undefined;
}
