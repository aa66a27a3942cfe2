import { CREDENTIAL_FORMATS, hasFormat, type CredentialFormat } from '../keyMatching/credentialFormats';
import { classKeyOf, TokenScanner } from '../keyMatching/tokenClasses';
import type { CloudId } from '../model/types';
import { isAwsKeyId, nearAwsKeyId } from './awsKeyIds';
import { lineContext } from './lineContext';
import type { LeakPart } from './types';

/** A value with the shape of one of the clouds' credentials, where its line says it is one. */
export interface ShapeHit {
  /** Byte offset and length in the scanned bytes. */
  readonly offset: number;
  readonly length: number;
  readonly part: LeakPart;
  readonly clouds: readonly CloudId[];
  readonly name?: string;
}

interface ShapeClass {
  readonly classKey: string;
  readonly formats: readonly CredentialFormat[];
}

/** The formats grouped by token class (`classKeyOf` their alphabet), as the scanner wants them. */
function shapeClasses(): ShapeClass[] {
  const byClass = new Map<string, CredentialFormat[]>();
  for (const format of CREDENTIAL_FORMATS) {
    const key = classKeyOf(format.alphabet);
    byClass.set(key, [...(byClass.get(key) ?? []), format]);
  }
  return [...byClass.entries()].map(([classKey, formats]) => ({ classKey, formats }));
}

const CLASSES = shapeClasses();
const SCANNER = new TokenScanner(CLASSES.map((c) => ({ classKey: c.classKey, lengths: new Set(c.formats.map((f) => f.length)) })));

/**
 * Whether a value of a format looks random rather than a word, a constant or a hex dump of text:
 * a secret or a long id mixes capitals, small letters and digits (as base64 of random bytes does);
 * an id of capitals and digits, or of hex, has some of each.
 */
function looksRandom(value: string, format: CredentialFormat): boolean {
  const count = (re: RegExp) => (value.match(re) ?? []).length;
  const [upper, lower, digits] = [count(/[A-Z]/g), count(/[a-z]/g), count(/[0-9]/g)];
  if (format.part === 'fingerprint') return /^(?:[0-9a-f]{2}:){15}[0-9a-f]{2}$/.test(value);
  if (upper > 0 && lower > 0) return digits > 0;
  // Hex, or capitals and digits: some letters and some digits.
  return digits >= 1 && upper + lower >= 2 && !isAwsKeyId(value);
}

const PLUS = 0x2b;
const SLASH = 0x2f;
const DASH = 0x2d;
const UNDERSCORE = 0x5f;
const DOT = 0x2e;
const isAlnum = (b: number | undefined) =>
  b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/**
 * Whether a run is a value of its own rather than a piece of a longer blob: a run that touches `+`,
 * `/`, `-` or `_` is a piece of base64, a JWT or a path, and one followed by `.` and more letters a
 * piece of a dotted token.
 */
function standsAlone(bytes: Buffer, start: number, end: number): boolean {
  const before = start > 0 ? bytes[start - 1] : undefined;
  let after = end < bytes.length ? bytes[end] : undefined;
  let next = end + 1;
  while (after === 0x3d && next < bytes.length) after = bytes[next++];
  const joins = (b: number | undefined) => b === PLUS || b === SLASH || b === DASH || b === UNDERSCORE;
  if (joins(before) || joins(after)) return false;
  return !(after === DOT && isAlnum(bytes[next]));
}

/** The text of the line before `offset`, at most `max` bytes. */
export function lineBefore(bytes: Buffer, offset: number, max = 160): string {
  let start = offset;
  while (start > 0 && offset - start < max && bytes[start - 1] !== 0x0a) start--;
  return bytes.toString('latin1', start, offset);
}

/**
 * Every value in `bytes` with a credential shape of the three clouds whose line names it as that
 * part (a secret assigned to `…secret…`, an id to `…access_key…`, a fingerprint to `fingerprint`),
 * narrowed to the clouds the line names when it names any. A secret written next to an AWS key id
 * is AWS's and left out.
 */
export function shapeHits(bytes: Buffer): ShapeHit[] {
  const hits: ShapeHit[] = [];
  SCANNER.scan(bytes, (classIndex, start, end) => {
    if (!standsAlone(bytes, start, end)) return;
    const value = bytes.toString('latin1', start, end);
    const formats = CLASSES[classIndex].formats.filter((f) => hasFormat(value, f) && looksRandom(value, f));
    if (formats.length === 0) return;
    const context = lineContext(lineBefore(bytes, start));
    const named = formats.filter((f) => f.part === context.part);
    if (named.length === 0) return;
    const clouds = [...new Set(named.map((f) => f.cloud))];
    const narrowed = context.clouds.length > 0 ? clouds.filter((c) => context.clouds.includes(c)) : clouds;
    if (narrowed.length === 0) return;
    if (context.part === 'secret' && context.clouds.length === 0) {
      const from = Math.max(0, start - 400);
      if (nearAwsKeyId(bytes.toString('latin1', from, end + 400), start - from, end - from)) return;
    }
    // A value of letters and digits is a run of several classes (e.g. base64 and alphanumeric): one hit, every cloud.
    const same = hits.find((h) => h.offset === start && h.length === end - start);
    if (same) hits[hits.indexOf(same)] = { ...same, clouds: [...new Set([...same.clouds, ...narrowed])] };
    else hits.push({ offset: start, length: end - start, part: named[0].part, clouds: narrowed, name: context.name });
  });
  return hits.sort((a, b) => a.offset - b.offset);
}
