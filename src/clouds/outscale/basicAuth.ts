/**
 * Signing in to OUTSCALE with the account's login (its email) and password instead of an access key.
 * OUTSCALE accepts `Authorization: Basic base64(login:password)` with an `X-Osc-Date` header on the
 * four access-key actions only (security `ApiKeyAuthSec|BasicAuth` in osc-api); every other action,
 * ReadUsers included, needs a signature. This is how an account with no usable access key creates one.
 */
import type { Secret } from '../../model/secret';

export interface PasswordCredentials {
  /** The email address the account signs in to Cockpit with. */
  readonly login: string;
  readonly password: Secret;
}

/** The actions OUTSCALE lets a login and password call. */
export const PASSWORD_ACTIONS: ReadonlySet<string> = new Set(['CreateAccessKey', 'ReadAccessKeys', 'UpdateAccessKey', 'DeleteAccessKey']);

/** Why anything beyond the account's own keys is refused to an account that signs in with a password. */
export const PASSWORD_ONLY_MESSAGE =
  "Signing in with a password only allows managing the account's own access keys; add an access key to manage EIM users.";

/** `20260131T101500Z`: the form OUTSCALE expects in `X-Osc-Date`. */
export function oscDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** The headers of a `POST <endpoint>/api/v1/<action>` sent with a login and password. */
export function basicAuthHeaders(credentials: PasswordCredentials, now: number): Record<string, string> {
  const token = Buffer.from(`${credentials.login}:${credentials.password.reveal()}`, 'utf8').toString('base64');
  return { 'Content-Type': 'application/json', Authorization: `Basic ${token}`, 'X-Osc-Date': oscDate(now) };
}
