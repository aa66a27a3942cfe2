/**
 * Offsets of a text as an editor counts them. The scanners work on UTF-8 bytes; a finding's byte
 * offsets become UTF-16 offsets (the same in ASCII text), and offsets become 0-based lines and
 * characters by a binary search over the line starts, computed once per text.
 */
export class TextPositions {
  readonly #text: string;
  readonly #bytes: Buffer;
  readonly #ascii: boolean;
  #lineStarts: number[] | undefined;
  /** The last byte offset converted, and its UTF-16 offset: conversions in ascending order decode each byte once. */
  #lastByte = 0;
  #lastChar = 0;

  constructor(text: string, bytes: Buffer) {
    this.#text = text;
    this.#bytes = bytes;
    this.#ascii = bytes.length === text.length;
  }

  /** The UTF-16 offset of a byte offset (at a character boundary). */
  charOffset(byteOffset: number): number {
    if (this.#ascii) return byteOffset;
    if (byteOffset < this.#lastByte) {
      this.#lastByte = 0;
      this.#lastChar = 0;
    }
    this.#lastChar += this.#bytes.toString('utf8', this.#lastByte, byteOffset).length;
    this.#lastByte = byteOffset;
    return this.#lastChar;
  }

  /** The 0-based line and character of a UTF-16 offset. */
  position(offset: number): { line: number; character: number } {
    const starts = this.#starts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  }

  /** The text of the 0-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.#starts();
    if (line < 0 || line >= starts.length) return '';
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : this.#text.length;
    return this.#text.slice(starts[line], end).replace(/\r$/, '');
  }

  #starts(): number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      for (let at = this.#text.indexOf('\n'); at >= 0; at = this.#text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }
}
