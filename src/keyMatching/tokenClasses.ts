/**
 * Token classes: sets of ASCII characters a credential is made of. A candidate token is a maximal
 * run of one class's characters in the text, so `KEY="abc"`, `KEY = abc`, `key: abc` and `"abc",`
 * all give the token `abc`. `=` is never part of a class: a value that ends in `=` (base64 padding)
 * is matched as its run followed by that many `=`, so `SECRET=abc=` still gives `abc=`.
 */

const PAD = 0x3d; // '='

/** The class of a value: letters (both cases) and digits if it has any, plus each other character it holds. */
export function classKeyOf(value: string): string {
  let letters = false;
  let digits = false;
  const others = new Set<string>();
  for (const char of value.replace(/=+$/, '')) {
    if (/[A-Za-z]/.test(char)) letters = true;
    else if (/[0-9]/.test(char)) digits = true;
    else others.add(char);
  }
  return `${letters ? 'L' : ''}${digits ? 'D' : ''}|${[...others].sort().join('')}`;
}

/** Whether a value's characters are all ASCII and printable, so it can be found by the byte scanner. */
export function isScannable(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value);
}

function membersOf(classKey: string): number[] {
  const [base, others] = [classKey.slice(0, classKey.indexOf('|')), classKey.slice(classKey.indexOf('|') + 1)];
  const codes: number[] = [];
  const range = (from: string, to: string) => {
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) codes.push(c);
  };
  if (base.includes('L')) {
    range('A', 'Z');
    range('a', 'z');
  }
  if (base.includes('D')) range('0', '9');
  for (const char of others) if (char.charCodeAt(0) !== PAD) codes.push(char.charCodeAt(0));
  return codes;
}

/** Called for each candidate token: the class's index, and the token's bytes [start, end). */
export type TokenSink = (classIndex: number, start: number, end: number) => void;

/**
 * Scans bytes once for up to 31 classes at a time and reports each run whose length (with up to
 * two `=` of padding after it) is one the class wants. One table lookup and one comparison per
 * byte while the set of classes a byte belongs to does not change.
 */
export class TokenScanner {
  readonly #table = new Int32Array(256);
  readonly #wanted: ReadonlyArray<ReadonlySet<number>>;
  readonly #maxLength: number;

  /** `classes[i]`: a class key (`classKeyOf`) and the token lengths wanted for it. */
  constructor(classes: ReadonlyArray<{ readonly classKey: string; readonly lengths: ReadonlySet<number> }>) {
    if (classes.length > 31) throw new RangeError('at most 31 token classes can be scanned at once');
    classes.forEach(({ classKey }, i) => {
      for (const code of membersOf(classKey)) this.#table[code] |= 1 << i;
    });
    this.#wanted = classes.map((c) => c.lengths);
    this.#maxLength = Math.max(0, ...classes.flatMap((c) => [...c.lengths]));
  }

  scan(bytes: Uint8Array, sink: TokenSink): void {
    const table = this.#table;
    const starts = new Int32Array(31);
    let previous = 0;
    const length = bytes.length;
    for (let i = 0; i <= length; i++) {
      const mask = i < length ? table[bytes[i]] : 0;
      if (mask === previous) continue;
      let ended = previous & ~mask;
      while (ended !== 0) {
        const bit = 31 - Math.clz32(ended);
        ended &= ~(1 << bit);
        this.#emit(bytes, bit, starts[bit], i, sink);
      }
      let started = mask & ~previous;
      while (started !== 0) {
        const bit = 31 - Math.clz32(started);
        started &= ~(1 << bit);
        starts[bit] = i;
      }
      previous = mask;
    }
  }

  #emit(bytes: Uint8Array, classIndex: number, start: number, end: number, sink: TokenSink): void {
    const run = end - start;
    if (run > this.#maxLength) return;
    const wanted = this.#wanted[classIndex];
    if (wanted.has(run)) sink(classIndex, start, end);
    for (let pad = 1; pad <= 2 && bytes[end + pad - 1] === PAD; pad++) {
      if (wanted.has(run + pad)) sink(classIndex, start, end + pad);
    }
  }
}
