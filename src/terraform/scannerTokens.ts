/**
 * The scanner's lexer: one pass over a Terraform text into parallel typed arrays (type, start, end,
 * flag), so a 50,000-line file costs no object per token. Comments and whitespace other than
 * newlines are dropped; strings, heredocs and template sequences are skipped as single tokens, and
 * their values are decoded only when asked for.
 */

/** Token types. Read them into module constants (`const { IDENT } = TOKEN`): an imported binding costs a getter call per use once transpiled. */
export const TOKEN = {
  IDENT: 1,
  STRING: 2,
  HEREDOC: 3,
  NUMBER: 4,
  LBRACE: 5,
  RBRACE: 6,
  OPEN: 7,
  CLOSE: 8,
  EQ: 9,
  NEWLINE: 10,
  OTHER: 11,
} as const;
const { IDENT, STRING, HEREDOC, NUMBER, LBRACE, RBRACE, OPEN, CLOSE, EQ, NEWLINE, OTHER } = TOKEN;

/** On a string: closed and without template sequences, so it has a value. On a heredoc: closed. */
const PLAIN = 1;
/** On a heredoc: left open, so its body runs to the end of the text. */
const OPEN_TO_END = 2;

const HEREDOC_START = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Character classes of ASCII, looked up once per character: bit flags below. */
const START = 1;
const PART = 2;
const DIGIT = 4;
const NUMBER_PART = 8;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const digit = c >= 48 && c <= 57;
  ASCII[c] =
    (letter ? START | PART : 0) |
    (digit ? DIGIT | PART | NUMBER_PART : 0) |
    (c === 45 ? PART : 0) |
    (c === 46 || c === 101 || c === 69 ? NUMBER_PART : 0);
}
/** Letters, `_`, and anything beyond ASCII start an identifier. */
const isIdentStart = (c: number): boolean => c > 127 || (ASCII[c] & START) !== 0;
/** …which goes on with those, digits and `-`. */
const isIdentPart = (c: number): boolean => c > 127 || (ASCII[c] & PART) !== 0;
const isDigit = (c: number): boolean => c < 128 && (ASCII[c] & DIGIT) !== 0;
const isNumberPart = (c: number): boolean => c < 128 && (ASCII[c] & NUMBER_PART) !== 0;

export class Tokens {
  count = 0;
  types: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;

  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.types = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  push(type: number, start: number, end: number, flag = 0): void {
    if (this.count === this.types.length) this.#grow();
    const n = this.count++;
    this.types[n] = type;
    this.starts[n] = start;
    this.ends[n] = end;
    this.flags[n] = flag;
  }

  #grow(): void {
    const size = this.types.length * 2 + 16;
    const grow = <A extends Uint8Array | Int32Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.types = grow(this.types, new Uint8Array(size));
    this.starts = grow(this.starts, new Int32Array(size));
    this.ends = grow(this.ends, new Int32Array(size));
    this.flags = grow(this.flags, new Uint8Array(size));
  }

  source(n: number): string {
    return this.text.slice(this.starts[n], this.ends[n]);
  }

  /** The decoded value of a closed string without templates, or a heredoc's body. */
  value(n: number): string | undefined {
    const flag = this.flags[n];
    if (this.types[n] === STRING) return flag === PLAIN ? decodeString(this.text, this.starts[n]) : undefined;
    if (this.types[n] === HEREDOC) return heredocBody(this.text, this.starts[n], this.ends[n], flag === PLAIN);
    return undefined;
  }
}

/** Tokenises a whole text. Never throws. */
export function tokenize(text: string): Tokens {
  const tokens = new Tokens(text, (text.length >> 2) + 16);
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
      i += 1;
    } else if (c === 10) {
      tokens.push(NEWLINE, start, ++i);
    } else if (isIdentStart(c)) {
      i += 1;
      while (i < length && isIdentPart(text.charCodeAt(i))) i += 1;
      tokens.push(IDENT, start, i);
    } else if (c === 34) {
      const end = skipString(text, i);
      tokens.push(STRING, start, end >= 0 ? end : ~end, end >= 0 ? PLAIN : 0);
      i = end >= 0 ? end : ~end;
    } else if (c === 35 || (c === 47 && text.charCodeAt(start + 1) === 47)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? length : nl;
    } else if (c === 47 && text.charCodeAt(start + 1) === 42) {
      const close = text.indexOf('*/', start + 2);
      i = close < 0 ? length : close + 2;
    } else if (c === 61) {
      const next = text.charCodeAt(start + 1);
      if (next === 61 || next === 62) {
        i += 2;
        tokens.push(OTHER, start, i);
      } else tokens.push(EQ, start, ++i);
    } else if (c === 123) {
      tokens.push(LBRACE, start, ++i);
    } else if (c === 125) {
      tokens.push(RBRACE, start, ++i);
    } else if (c === 40 || c === 91) {
      tokens.push(OPEN, start, ++i);
    } else if (c === 41 || c === 93) {
      tokens.push(CLOSE, start, ++i);
    } else if (isDigit(c)) {
      i += 1;
      while (i < length && isNumberPart(text.charCodeAt(i))) i += 1;
      tokens.push(NUMBER, start, i);
    } else if (c === 60 && text.charCodeAt(start + 1) === 60 && (i = skipHeredoc(text, start, tokens)) > start) {
      // skipHeredoc pushed the token
    } else if ((c === 33 || c === 60 || c === 62) && text.charCodeAt(start + 1) === 61) {
      i = start + 2;
      tokens.push(OTHER, start, i);
    } else {
      i = start + 1;
      tokens.push(OTHER, start, i);
    }
  }
  return tokens;
}

/**
 * Skips a quoted string starting at `start` (on the `"`), with its template sequences. Returns the
 * offset after the closing quote when the string is closed and has no template sequence, otherwise
 * `~end` (an unclosed string ends at the end of its line).
 */
function skipString(text: string, start: number): number {
  let i = start + 1;
  let plain = true;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 34) return plain ? i + 1 : ~(i + 1);
    if (c === 10) return ~i;
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (next === 117 || next === 85) {
        i += 2 + Math.min(next === 117 ? 4 : 8, Math.max(0, length - i - 2));
        continue;
      }
      i += next === 10 || Number.isNaN(next) ? 1 : 2;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
      i += 3;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
      plain = false;
      i = skipTemplateExpression(text, i + 2);
      continue;
    }
    i += 1;
  }
  return ~length;
}

/** Skips the inside of `${ … }` from `i` up to and past its `}`, with nested braces and strings. */
function skipTemplateExpression(text: string, i: number): number {
  let depth = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = skipString(text, i);
      i = end >= 0 ? end : ~end;
      continue;
    }
    if (c === 123) depth += 1;
    else if (c === 125) {
      if (depth === 0) return i + 1;
      depth -= 1;
    } else if (c === 10 && depth === 0) {
      // An unclosed interpolation in a half-typed line: give up at the line's end.
      return i;
    }
    i += 1;
  }
  return i;
}

/** The value of the closed, template-free string at `start`: escapes decoded, `$${` read as `${`. */
function decodeString(text: string, start: number): string {
  let i = start + 1;
  let value = '';
  let run = i;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 34) return value + text.slice(run, i);
    if (c === 92) {
      value += text.slice(run, i);
      const next = text[i + 1] ?? '';
      if (next === 'u' || next === 'U') {
        const digits = text.slice(i + 2, i + (next === 'u' ? 6 : 10));
        if (/^[0-9a-fA-F]+$/.test(digits)) value += String.fromCodePoint(Math.min(parseInt(digits, 16), 0x10ffff));
        i += 2 + digits.length;
      } else {
        value += ESCAPES[next] ?? next;
        i += 2;
      }
      run = i;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
      value += text.slice(run, i + 1) + '{';
      i += 3;
      run = i;
      continue;
    }
    i += 1;
  }
}

/**
 * A heredoc at `start` (`<<EOT` or `<<-EOT` then a newline): pushes one token up to its closing
 * marker's line end and returns where it ends, or returns `start` when this is no heredoc.
 */
function skipHeredoc(text: string, start: number, tokens: Tokens): number {
  const m = HEREDOC_START.exec(text.slice(start, start + 256));
  if (!m) return start;
  const marker = m[2];
  let pos = start + m[0].length;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.slice(pos, lineEnd).trim() === marker) {
      tokens.push(HEREDOC, start, lineEnd, PLAIN);
      return lineEnd;
    }
    pos = lineEnd + 1;
  }
  tokens.push(HEREDOC, start, text.length, OPEN_TO_END);
  return text.length;
}

/** The body of the heredoc `start`..`end`: from after its first line to the start of its marker's line (or the end). */
function heredocBody(text: string, start: number, end: number, closed: boolean): string {
  const bodyStart = start + (HEREDOC_START.exec(text.slice(start, start + 256))?.[0].length ?? 0);
  const bodyEnd = closed ? Math.max(bodyStart, text.lastIndexOf('\n', end - 1) + 1) : text.length;
  return text.slice(bodyStart, bodyEnd);
}
