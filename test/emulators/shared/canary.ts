/**
 * The secret-leak canary: with the `canary` option, an emulator starts every secret it generates
 * (new and seeded key secrets) with one recognisable text, then random characters to the usual
 * length. A test run can then search everything the extension wrote for that text.
 */
export const CANARY_PATTERN = /^[A-Za-z0-9]{6,20}$/;

/** `secret` with its start replaced by `canary` (same length), or `secret` unchanged without one. */
export function markWithCanary(secret: string, canary: string | undefined): string {
  if (canary === undefined) return secret;
  if (!CANARY_PATTERN.test(canary)) throw new Error(`a canary is 6 to 20 letters or digits, not "${canary}"`);
  if (canary.length * 2 > secret.length) throw new Error(`the canary "${canary}" is too long for a ${secret.length}-character secret`);
  return canary + secret.slice(canary.length);
}
