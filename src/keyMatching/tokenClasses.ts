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

/** Called for each candidate token: the class's index, the token's bytes [start, end) and their seeded hash (`tokenHash`). */
export type TokenSink = (classIndex: number, start: number, end: number, hash: number) => void;

/**
 * A 32-bit FNV-1a hash of `bytes[start, end)` from `seed`: the cheap first test of a candidate
 * token, before a map lookup or an HMAC. With a random seed it tells nothing about the value.
 */
export function tokenHash(bytes: Uint8Array, start: number, end: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

interface ScanClass {
  readonly member: Uint8Array;
  readonly wanted: ReadonlySet<number>;
  readonly stride: number;
  readonly maxRun: number;
}

/**
 * Finds, for each class, every maximal run of its characters whose length (with up to two `=` of
 * padding after it) is one the class wants. A run of length L holds exactly one position that is a
 * multiple of any stride ≤ L, so the scan looks only at every stride-th byte and widens from there:
 * on ordinary text it reads a fraction of the bytes.
 */
export class TokenScanner {
  readonly #classes: ScanClass[];

  /** `classes[i]`: a class key (`classKeyOf`) and the token lengths wanted for it. */
  constructor(
    classes: ReadonlyArray<{ readonly classKey: string; readonly lengths: ReadonlySet<number> }>,
    readonly seed = 0,
  ) {
    this.#classes = classes.map(({ classKey, lengths }) => {
      const member = new Uint8Array(256);
      for (const code of membersOf(classKey)) member[code] = 1;
      const shortest = Math.min(...lengths);
      return { member, wanted: lengths, stride: Math.max(1, shortest - 2), maxRun: Math.max(0, ...lengths) };
    });
  }

  scan(bytes: Uint8Array, sink: TokenSink): void {
    this.#classes.forEach((c, i) => this.#scanClass(bytes, c, i, sink));
  }

  #scanClass(bytes: Uint8Array, c: ScanClass, classIndex: number, sink: TokenSink): void {
    const { member, stride, maxRun, wanted } = c;
    const length = bytes.length;
    let p = stride - 1;
    while (p < length) {
      if (member[bytes[p]] === 0) {
        p += stride;
        continue;
      }
      let start = p;
      while (start > 0 && member[bytes[start - 1]] === 1) start--;
      let end = p + 1;
      while (end < length && member[bytes[end]] === 1) end++;
      const run = end - start;
      if (run <= maxRun) {
        if (wanted.has(run)) sink(classIndex, start, end, tokenHash(bytes, start, end, this.seed));
        for (let pad = 1; pad <= 2 && bytes[end + pad - 1] === PAD; pad++) {
          if (wanted.has(run + pad)) sink(classIndex, start, end + pad, tokenHash(bytes, start, end + pad, this.seed));
        }
      }
      // The next run starts after this one's end (a non-member byte); skip to the first sample past it.
      p = Math.ceil((end + 2) / stride) * stride - 1;
    }
  }
}
