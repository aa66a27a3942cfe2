/**
 * The emulator's check of OUTSCALE's login + password authentication: `Authorization: Basic
 * base64(email:password)` with an `X-Osc-Date: YYYYMMDDTHHMMSSZ` header, accepted on the four
 * access-key actions only (osc-api security `ApiKeyAuthSec|BasicAuth`), as the account itself.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorRequest } from '../shared/httpServer';
import { MAX_CLOCK_SKEW_MS } from './sigv4';
import type { AccountLogin } from './state';

/** The actions that take a login and password; every other action needs a signature. */
export const BASIC_AUTH_ACTIONS: ReadonlySet<string> = new Set(['CreateAccessKey', 'ReadAccessKeys', 'UpdateAccessKey', 'DeleteAccessKey']);

export type BasicAuthCheck =
  | { readonly ok: true; readonly login: string }
  /** `login` is set when the request named one (failures count against it for the lock-out). */
  | { readonly ok: false; readonly reason: string; readonly login?: string };

export function isBasicAuth(authorization: string | undefined): boolean {
  return /^Basic\s/i.test(authorization?.trim() ?? '');
}

/** `20260131T101500Z` → ms since the epoch. */
function parseOscDate(value: string | undefined): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

/** Compares without leaking the length or the first differing position through timing. */
function sameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

export function verifyBasicAuth(
  req: EmulatorRequest,
  options: { readonly now: number; readonly account: AccountLogin | undefined },
): BasicAuthCheck {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header('authorization')?.trim() ?? '')?.[1];
  const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0) return { ok: false, reason: 'The Basic credentials are not base64 of "login:password".' };
  const login = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const date = parseOscDate(header('x-osc-date'));
  if (date === undefined) return { ok: false, login, reason: 'The request has no valid X-Osc-Date header (YYYYMMDDTHHMMSSZ).' };
  if (Math.abs(date - options.now) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, login, reason: 'The request timestamp is more than 5 minutes away from the server time.' };
  }
  const account = options.account;
  // The login is an email: compared without case, the password exactly.
  if (!account || !sameText(login.toLowerCase(), account.email.toLowerCase()) || !sameText(password, account.password)) {
    return { ok: false, login, reason: 'The login or password is incorrect.' };
  }
  return { ok: true, login };
}
