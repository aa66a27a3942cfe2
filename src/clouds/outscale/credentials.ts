/**
 * The credentials of an account, read when first needed: from its config file profile, from `OSC_*`
 * variables, or (typed by hand) from the CredentialStore. An account signs with an access key, or
 * signs in with its login and password (`OSC_LOGIN` / `OSC_PASSWORD`, or typed by hand), which
 * OUTSCALE accepts only for the access-key actions. Nothing typed by hand is written to a file.
 */
import { z } from 'zod';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import { manualCredentialName, type Account } from '../../model/types';
import type { CloudContext, ManualField } from '../cloudModule';
import type { PasswordCredentials } from './basicAuth';
import { readConfigFile } from './configFile';
import { DEFAULT_REGION } from './constants';
import { isValidRegion, resolveEndpoint } from './endpoint';
import type { SigningCredentials } from './signing';

/** How an account authenticates: a SigV4 access key, or its login and password (access-key actions only). */
export type AccountCredentials =
  ({ readonly kind: 'access-key' } & SigningCredentials) | ({ readonly kind: 'password' } & PasswordCredentials);

/**
 * The "Add Account" form for OUTSCALE: an access key, or (for an account without a usable access key)
 * the login and password. Secret fields, the login among them, go to the CredentialStore as one JSON
 * object (`{ secretKey? , login?, password? }`); the others to `Account.details`.
 */
export const MANUAL_FIELDS: readonly ManualField[] = [
  {
    name: 'accessKeyId',
    label: 'Access key ID (leave empty to sign in with the login and password instead)',
    secret: false,
    required: false,
    placeholder: '20 characters, e.g. ABCDEFGHIJ0123456789',
  },
  { name: 'secretKey', label: 'Secret key (with an access key ID)', secret: true, required: false, placeholder: '40 characters' },
  {
    name: 'login',
    label: "Login: the account's email (without an access key; manages the account's own keys only)",
    secret: true,
    masked: false,
    required: false,
    placeholder: 'you@example.com',
  },
  { name: 'password', label: 'Password (with a login)', secret: true, required: false },
  { name: 'region', label: 'Region', secret: false, required: false, placeholder: DEFAULT_REGION },
  {
    name: 'endpoint',
    label: 'API endpoint (optional)',
    secret: false,
    required: false,
    placeholder: `https://api.${DEFAULT_REGION}.outscale.com`,
  },
];

const ManualSecret = z
  .object({
    secretKey: z.string().trim().min(1).optional(),
    login: z.string().trim().min(1).optional(),
    password: z.string().min(1).optional(),
  })
  .loose();

function configError(account: Account, message: string): CloudError {
  return new CloudError('config', `${account.label}: ${message}`, { cloud: 'outscale' });
}

export async function loadCredentials(account: Account, ctx: CloudContext): Promise<AccountCredentials> {
  const origin = account.origin;
  if (origin.kind === 'config-file') {
    const result = readConfigFile(origin.path);
    const entry = result.profiles.find((p) => p.name === origin.profile);
    const accessKeyId = entry?.profile.access_key?.trim();
    const secretKey = entry?.profile.secret_key?.trim();
    if (!accessKeyId || !secretKey) {
      throw configError(
        account,
        `profile "${origin.profile}" in ${origin.path} no longer has an access_key and secret_key. Fix the file, then refresh.`,
      );
    }
    return { kind: 'access-key', accessKeyId, secretKey: new Secret(secretKey) };
  }
  if (origin.kind === 'environment') return fromEnvironment(account, ctx);
  return fromCredentialStore(account, ctx);
}

function fromEnvironment(account: Account, ctx: CloudContext): AccountCredentials {
  if (account.details?.auth === 'password') {
    const login = ctx.env.OSC_LOGIN?.trim();
    const password = ctx.env.OSC_PASSWORD;
    if (!login || !password)
      throw configError(account, 'OSC_LOGIN and OSC_PASSWORD are no longer both set. Set them, then restart VS Code.');
    return { kind: 'password', login, password: new Secret(password) };
  }
  const accessKeyId = ctx.env.OSC_ACCESS_KEY?.trim();
  const secretKey = ctx.env.OSC_SECRET_KEY?.trim();
  if (!accessKeyId || !secretKey)
    throw configError(account, 'OSC_ACCESS_KEY and OSC_SECRET_KEY are no longer both set. Set them, then restart VS Code.');
  return { kind: 'access-key', accessKeyId, secretKey: new Secret(secretKey) };
}

async function fromCredentialStore(account: Account, ctx: CloudContext): Promise<AccountCredentials> {
  const accessKeyId = account.details?.accessKeyId?.trim();
  const stored = await ctx.credentials.get(manualCredentialName(account.id));
  if (!stored) {
    throw configError(
      account,
      `its ${accessKeyId ? 'secret key is' : 'login and password are'} not in the secret store. Remove the account and add it again.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(stored.reveal());
  } catch {
    json = undefined;
  }
  const parsed = ManualSecret.safeParse(json);
  if (!parsed.success) throw configError(account, 'its stored secret is not in the expected format. Remove the account and add it again.');
  const { secretKey, login, password } = parsed.data;
  if (accessKeyId) {
    if (!secretKey)
      throw configError(account, `the secret key of access key ${accessKeyId} is missing. Remove the account and add it again with both.`);
    return { kind: 'access-key', accessKeyId, secretKey: new Secret(secretKey) };
  }
  if (login && password) return { kind: 'password', login, password: new Secret(password) };
  if (login || password)
    throw configError(
      account,
      `the ${login ? 'password' : 'login'} is missing. Remove the account and add it again with both the login and the password.`,
    );
  throw configError(
    account,
    'give either an access key ID and its secret key, or the login (email) and password of the account. Remove the account and add it again.',
  );
}

/** Region and endpoint of any account; manual accounts keep them in `details`. */
export function accountLocation(account: Account): { region: string; endpoint: string } {
  const region = (account.region ?? account.details?.region)?.trim() || DEFAULT_REGION;
  if (!isValidRegion(region)) throw configError(account, `"${region}" is not a valid OUTSCALE region (for example: ${DEFAULT_REGION}).`);
  try {
    return {
      region,
      endpoint: resolveEndpoint({ region, explicit: account.endpoint ?? (account.details?.endpoint?.trim() || undefined) }),
    };
  } catch (error) {
    throw configError(account, `the endpoint is unusable: ${(error as Error).message}.`);
  }
}
