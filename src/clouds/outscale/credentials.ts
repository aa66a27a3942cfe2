/**
 * The signing credentials of an account, read when first needed: from its config file profile, from
 * `OSC_*` variables, or (typed by hand) from the CredentialStore. Keys typed by hand are never
 * written to a config file.
 */
import { z } from 'zod';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import { manualCredentialName, type Account } from '../../model/types';
import type { CloudContext, ManualField } from '../cloudModule';
import { readConfigFile } from './configFile';
import { DEFAULT_REGION } from './constants';
import { isValidRegion, resolveEndpoint } from './endpoint';
import type { SigningCredentials } from './signing';

/** The "Add Account" form for OUTSCALE. Secret fields go to the CredentialStore as one JSON object. */
export const MANUAL_FIELDS: readonly ManualField[] = [
  { name: 'accessKeyId', label: 'Access key ID', secret: false, required: true, placeholder: '20 characters, e.g. ABCDEFGHIJ0123456789' },
  { name: 'secretKey', label: 'Secret key', secret: true, required: true, placeholder: '40 characters' },
  { name: 'region', label: 'Region', secret: false, required: false, placeholder: DEFAULT_REGION },
  { name: 'endpoint', label: 'API endpoint (optional)', secret: false, required: false, placeholder: `https://api.${DEFAULT_REGION}.outscale.com` },
];

const ManualSecret = z.object({ secretKey: z.string().trim().min(1) }).loose();

function configError(account: Account, message: string): CloudError {
  return new CloudError('config', `${account.label}: ${message}`, { cloud: 'outscale' });
}

export async function loadCredentials(account: Account, ctx: CloudContext): Promise<SigningCredentials> {
  const origin = account.origin;
  if (origin.kind === 'config-file') {
    const result = readConfigFile(origin.path);
    const entry = result.profiles.find((p) => p.name === origin.profile);
    const accessKeyId = entry?.profile.access_key?.trim();
    const secretKey = entry?.profile.secret_key?.trim();
    if (!accessKeyId || !secretKey) {
      throw configError(account, `profile "${origin.profile}" in ${origin.path} no longer has an access_key and secret_key. Fix the file, then refresh.`);
    }
    return { accessKeyId, secretKey: new Secret(secretKey) };
  }
  if (origin.kind === 'environment') {
    const accessKeyId = ctx.env.OSC_ACCESS_KEY?.trim();
    const secretKey = ctx.env.OSC_SECRET_KEY?.trim();
    if (!accessKeyId || !secretKey) throw configError(account, 'OSC_ACCESS_KEY and OSC_SECRET_KEY are no longer both set. Set them, then restart VS Code.');
    return { accessKeyId, secretKey: new Secret(secretKey) };
  }
  const accessKeyId = account.details?.accessKeyId?.trim();
  if (!accessKeyId) throw configError(account, 'the access key ID is missing. Remove the account and add it again.');
  const stored = await ctx.credentials.get(manualCredentialName(account.id));
  if (!stored) throw configError(account, 'its secret key is not in the secret store. Remove the account and add it again.');
  let json: unknown;
  try {
    json = JSON.parse(stored.reveal());
  } catch {
    json = undefined;
  }
  const parsed = ManualSecret.safeParse(json);
  if (!parsed.success) throw configError(account, 'its stored secret is not in the expected format. Remove the account and add it again.');
  return { accessKeyId, secretKey: new Secret(parsed.data.secretKey) };
}

/** Region and endpoint of any account; manual accounts keep them in `details`. */
export function accountLocation(account: Account): { region: string; endpoint: string } {
  const region = (account.region ?? account.details?.region)?.trim() || DEFAULT_REGION;
  if (!isValidRegion(region)) throw configError(account, `"${region}" is not a valid OUTSCALE region (for example: ${DEFAULT_REGION}).`);
  try {
    return { region, endpoint: resolveEndpoint({ region, explicit: account.endpoint ?? (account.details?.endpoint?.trim() || undefined) }) };
  } catch (error) {
    throw configError(account, `the endpoint is unusable: ${(error as Error).message}.`);
  }
}
