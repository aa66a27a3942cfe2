import type { CloudId, KeyKind } from '../../model/types';

/** Which part of a key a value is. */
export type CredentialPart = 'key-id' | 'secret' | 'fingerprint';

/**
 * The shape of one part of one cloud's keys: its length and alphabet, with where that fact comes
 * from. Each cloud states its own in `src/clouds/<cloud>/credentialFormats.ts`; nothing here is a
 * fact about a cloud.
 */
export interface CredentialFormat {
  readonly cloud: CloudId;
  readonly kind: KeyKind;
  readonly part: CredentialPart;
  /** The exact length in characters, padding included. */
  readonly length: number;
  /** Every character the value may hold, as a list (`A-Z` ranges are written out by `alphabet()`). */
  readonly alphabet: string;
  /** Where the fact comes from; starts with `UNCONFIRMED` when no vendor source states it. */
  readonly source: string;
}

/** The characters of `ranges`, e.g. `alphabet('A-Z', '0-9', '+/')`. */
export function alphabet(...ranges: string[]): string {
  let out = '';
  for (const range of ranges) {
    if (range.length === 3 && range[1] === '-') {
      for (let c = range.charCodeAt(0); c <= range.charCodeAt(2); c++) out += String.fromCharCode(c);
    } else {
      out += range;
    }
  }
  return out;
}

export const UPPER = alphabet('A-Z');
export const LOWER = alphabet('a-z');
export const DIGITS = alphabet('0-9');
export const HEX_LOWER = alphabet('0-9', 'a-f');
export const BASE64 = alphabet('A-Z', 'a-z', '0-9', '+/');
