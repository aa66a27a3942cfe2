/**
 * Text as bytes for the scanner: UTF-8 (with or without BOM) and Latin-1 pass as they are; UTF-16
 * (with a BOM) is re-encoded as UTF-8; anything else with a NUL byte near the start is binary.
 */
export type TextBytes = { readonly kind: 'text'; readonly bytes: Buffer } | { readonly kind: 'binary' };

const SNIFF = 8000;

export function asTextBytes(raw: Buffer): TextBytes {
  if (raw.length >= 2 && raw[0] === 0xff && raw[1] === 0xfe)
    return { kind: 'text', bytes: Buffer.from(new TextDecoder('utf-16le').decode(raw), 'utf8') };
  if (raw.length >= 2 && raw[0] === 0xfe && raw[1] === 0xff)
    return { kind: 'text', bytes: Buffer.from(new TextDecoder('utf-16be').decode(raw), 'utf8') };
  const sniff = raw.subarray(0, SNIFF);
  return sniff.indexOf(0) >= 0 ? { kind: 'binary' } : { kind: 'text', bytes: raw };
}

/** A place in a text as an editor shows it: 1-based line, 0-based column in UTF-16 units (a UTF-8 BOM not counted). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Positions of byte offsets, which must come in ascending order (as `KeyIndex.findIn` returns
 * them): each call continues counting lines from the previous one.
 */
export class PositionFinder {
  #line = 1;
  #lineStart = 0;
  #scanned = 0;

  constructor(private readonly bytes: Buffer) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.#lineStart = 3;
  }

  at(offset: number): TextPosition {
    let next = this.bytes.indexOf(0x0a, this.#scanned);
    while (next >= 0 && next < offset) {
      this.#line++;
      this.#lineStart = next + 1;
      next = this.bytes.indexOf(0x0a, next + 1);
    }
    this.#scanned = Math.max(this.#scanned, this.#lineStart);
    const prefix = this.bytes.toString('utf8', this.#lineStart, offset);
    return { line: this.#line, column: prefix.length };
  }
}
