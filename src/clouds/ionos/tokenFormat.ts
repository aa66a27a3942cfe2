/**
 * IONOS API tokens, for finding one written in a file. The Auth API issues JSON Web Tokens ("Users
 * can generate new tokens (JWT or JSON Web Token)", api.ionos.com/docs/authentication/v1), so a
 * token is three base64url parts joined by dots, the first a JSON header (`eyJ`, the base64 of
 * `{"`). That its payload's `iss` names IONOS is UNCONFIRMED (no vendor page states the claims), so
 * a JWT without such an issuer counts as an IONOS token only where its line names IONOS.
 */
export const IONOS_TOKEN_FORMAT = {
  prefix: 'eyJ',
  /** The shortest header.payload.signature worth reporting (the emulator's tokens are ~260 characters). */
  minLength: 60,
  source: 'api.ionos.com/docs/authentication/v1: tokens are JWTs; issuer claim UNCONFIRMED',
} as const;

/** Whether a decoded JWT payload says IONOS issued it (`iss` mentioning ionos): UNCONFIRMED. */
export function isIonosIssuer(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null || !('iss' in payload)) return false;
  const iss = (payload as { iss: unknown }).iss;
  return typeof iss === 'string' && /ionos/i.test(iss);
}
