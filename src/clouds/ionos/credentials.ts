/**
 * How an IONOS account authenticates: a token (Bearer) or a username and password (Basic), plus
 * an optional contract number for resellers. Secrets stay wrapped in `Secret` until the one place
 * they become a header.
 */
import { z } from 'zod';
import type { CloudContext } from '../cloudModule';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import { manualCredentialName, type Account } from '../../model/types';

export type IonosAuth =
  { readonly kind: 'token'; readonly token: Secret } | { readonly kind: 'basic'; readonly username: string; readonly password: Secret };

export interface IonosCredentials {
  readonly auth: IonosAuth;
  readonly contractNumber?: string;
}

export const ENV = {
  token: 'IONOS_TOKEN',
  username: 'IONOS_USERNAME',
  password: 'IONOS_PASSWORD',
  apiUrl: 'IONOS_API_URL',
  contractNumber: 'IONOS_CONTRACT_NUMBER',
} as const;

/** The secret half of a hand-entered account, as kept in the CredentialStore. */
const ManualSecretSchema = z.object({
  token: z.string().optional(),
  password: z.string().optional(),
});

/** The `Authorization` header value; the only place an account secret is revealed. */
export function authorizationHeader(auth: IonosAuth): string {
  if (auth.kind === 'token') return `Bearer ${auth.token.reveal()}`;
  return `Basic ${Buffer.from(`${auth.username}:${auth.password.reveal()}`, 'utf8').toString('base64')}`;
}

function configError(account: Account, message: string): CloudError {
  return new CloudError('config', `IONOS account "${account.label}": ${message}`, { cloud: 'ionos' });
}

/** Picks the auth from the pieces found; a token wins over a username and password, as in the IONOS SDKs. */
export function chooseAuth(token: string | undefined, username: string | undefined, password: string | undefined): IonosAuth | undefined {
  if (token?.trim()) return { kind: 'token', token: new Secret(token.trim()) };
  if (username?.trim() && password) return { kind: 'basic', username: username.trim(), password: new Secret(password) };
  return undefined;
}

function fromEnvironment(account: Account, ctx: CloudContext): IonosCredentials {
  const auth = chooseAuth(ctx.env[ENV.token], ctx.env[ENV.username], ctx.env[ENV.password]);
  if (!auth) {
    throw configError(
      account,
      `the environment no longer holds ${ENV.token}, or ${ENV.username} and ${ENV.password}. Set them and reload the window.`,
    );
  }
  const contractNumber = ctx.env[ENV.contractNumber]?.trim() || account.details?.contractNumber;
  return { auth, contractNumber: contractNumber || undefined };
}

async function fromCredentialStore(account: Account, ctx: CloudContext): Promise<IonosCredentials> {
  const stored = await ctx.credentials.get(manualCredentialName(account.id));
  if (!stored) throw configError(account, 'its token or password is missing from the secret storage. Edit the account and enter it again.');
  let json: unknown;
  try {
    json = JSON.parse(stored.reveal());
  } catch {
    json = undefined;
  }
  const parsed = ManualSecretSchema.safeParse(json);
  if (!parsed.success) throw configError(account, 'the stored credentials are unreadable. Edit the account and enter them again.');
  const auth = chooseAuth(parsed.data.token, account.details?.username, parsed.data.password);
  if (!auth) throw configError(account, 'give either a token, or a username and a password. Edit the account to complete it.');
  const contractNumber = account.details?.contractNumber?.trim();
  return { auth, contractNumber: contractNumber || undefined };
}

/** The credentials of an account of any origin, read when first needed. */
export async function resolveCredentials(account: Account, ctx: CloudContext): Promise<IonosCredentials> {
  switch (account.origin.kind) {
    case 'environment':
      return fromEnvironment(account, ctx);
    case 'manual':
      return fromCredentialStore(account, ctx);
    default:
      throw configError(account, 'IONOS accounts come from the environment or are entered by hand; this one has neither origin.');
  }
}
