import type { KeyIndex, RawMatch } from '../keyMatching/keyIndex';
import { privateKeyFingerprints } from '../keyMatching/privateKeys';
import type { CloudId } from '../model/types';
import { IGNORE_MARK } from './ignoreMark';
import { ionosTokenHits } from './ionosTokens';
import { lineContext } from './lineContext';
import { lineBefore, shapeHits, type ShapeHit } from './shapes';
import { TextPositions } from './textPositions';
import type { Leak, LeakOwner, LeakPart } from './types';

export { IGNORE_MARK };

export interface DetectOptions {
  /** The clouds to look for (all when left out). */
  readonly clouds?: ReadonlySet<CloudId>;
}

interface Found extends ShapeHit {
  readonly owner?: LeakOwner;
  readonly probableOwner?: LeakOwner;
}

/** How far (bytes) a known key id makes an unknown secret next to it probably that key's. */
const PAIR_DISTANCE = 400;

function partOf(match: RawMatch<LeakOwner>): LeakPart {
  return match.ref.keyKind === 'api-token' ? 'token' : match.kind;
}

/** The unencrypted PEM private keys of a text that the index did not attribute: OCI API keys by shape. */
function privateKeyHits(bytes: Buffer): ShapeHit[] {
  return privateKeyFingerprints(bytes)
    .filter((b) => b.type === 'private')
    .map((b) => ({ offset: b.offset, length: b.length, part: 'private-key', clouds: ['oci'] }));
}

const overlaps = (a: { offset: number; length: number }, b: { offset: number; length: number }) =>
  a.offset < b.offset + b.length && b.offset < a.offset + a.length;

/**
 * The credentials of the three clouds written in `text`. Values of the user's own keys (ids,
 * fingerprints, private keys, and secrets, by keyed hash) are found by `index` wherever they are;
 * other values only where their shape and their line say they are credentials. Nothing here calls
 * the network, and no finding holds the value.
 */
export function detectLeaks(text: string, index: KeyIndex<LeakOwner> | undefined, options: DetectOptions = {}): Leak[] {
  const bytes = Buffer.from(text, 'utf8');
  const known: Found[] = (index?.findIn(bytes) ?? []).map((m) => ({
    offset: m.offset,
    length: m.length,
    part: partOf(m),
    clouds: [m.ref.cloud],
    owner: m.ref,
    name: lineContext(lineBefore(bytes, m.offset)).name,
  }));
  const found: Found[] = [...known];
  for (const hit of [...ionosTokenHits(bytes), ...privateKeyHits(bytes), ...shapeHits(bytes)]) {
    if (found.some((f) => overlaps(f, hit))) continue;
    const pair =
      hit.part === 'secret'
        ? known.find((k) => k.part === 'key-id' && hit.clouds.includes(k.owner!.cloud) && Math.abs(k.offset - hit.offset) < PAIR_DISTANCE)
        : undefined;
    found.push(pair ? { ...hit, clouds: [pair.owner!.cloud], probableOwner: pair.owner } : hit);
  }
  const enabled = options.clouds;
  const positions = new TextPositions(text, bytes);
  const leaks: Leak[] = [];
  for (const f of found.sort((a, b) => a.offset - b.offset)) {
    const clouds = enabled ? f.clouds.filter((c) => enabled.has(c)) : f.clouds;
    if (clouds.length === 0) continue;
    const start = positions.charOffset(f.offset);
    const end = positions.charOffset(f.offset + f.length);
    const from = positions.position(start);
    if (positions.lineText(from.line).includes(IGNORE_MARK) || positions.lineText(from.line - 1).includes(IGNORE_MARK)) continue;
    const to = positions.position(end);
    leaks.push({
      start,
      end,
      range: { startLine: from.line, startCharacter: from.character, endLine: to.line, endCharacter: to.character },
      part: f.part,
      clouds,
      ...(f.owner ? { owner: f.owner } : {}),
      ...(f.probableOwner ? { probableOwner: f.probableOwner } : {}),
      ...(f.name ? { name: f.name } : {}),
    });
  }
  return leaks;
}
