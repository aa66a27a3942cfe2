/**
 * A fast, tolerant scanner of Terraform files: one pass, no exceptions, whatever the text. It finds
 * the blocks Cloud Keys annotates (resources of the four key types, `import` blocks whose `to` is one
 * of them, and `output` blocks) and the attributes directly in their body, with the literal value of
 * each where it has one. Comments, heredocs and strings (braces and all) are skipped; a block left
 * open (a half-typed file) ends where the next top-level block starts at the beginning of a line.
 */
import { isKeyResourceType } from './resourceTypes';

export interface ScannedAttribute {
  readonly name: string;
  /** Offset of the attribute's name. */
  readonly start: number;
  /** Offsets of the expression after `=` (trailing comments excluded); equal when it is missing. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The expression's source text. */
  readonly expression: string;
  /** The value, when the expression is a literal: a string without templates, a number, true or false. */
  readonly literal?: string | number | boolean;
}

export interface ScannedBlock {
  readonly kind: 'resource' | 'import' | 'output';
  /** `["oci_identity_api_key", "ci"]` for a resource, the output's name, nothing for an import. */
  readonly labels: readonly string[];
  /** Offset of the block's keyword. */
  readonly start: number;
  /** Offset just after `{`. */
  readonly bodyStart: number;
  /** Offset just after `}`, or where an unclosed block was cut off. */
  readonly end: number;
  readonly closed: boolean;
  readonly attributes: readonly ScannedAttribute[];
  /** Types of the blocks nested directly in the body (`lifecycle`, …). */
  readonly nestedBlocks: readonly string[];
}

type TokenType = 'ident' | 'string' | 'heredoc' | 'number' | 'lbrace' | 'rbrace' | 'open' | 'close' | 'eq' | 'newline' | 'other';

interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
  /** The decoded value of a string without template sequences. */
  readonly value?: string;
}

/** Keywords that start a top-level block; one at the start of a line closes a block left open. */
const TOP_LEVEL = new Set(['resource', 'data', 'module', 'output', 'variable', 'locals', 'provider', 'terraform', 'import', 'moved', 'removed', 'check']);

const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isNumberPart = (c: number) => isDigit(c) || c === 46 || c === 101 || c === 69;

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

class Lexer {
  readonly tokens: Token[] = [];
  i = 0;
  constructor(private readonly text: string) {}

  run(): Token[] {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      const start = this.i;
      if (c === 10) {
        this.push('newline', start, ++this.i);
      } else if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
        this.i += 1;
      } else if (c === 35 || (c === 47 && text.charCodeAt(start + 1) === 47)) {
        this.lineComment();
      } else if (c === 47 && text.charCodeAt(start + 1) === 42) {
        const close = text.indexOf('*/', start + 2);
        this.i = close < 0 ? text.length : close + 2;
      } else if (c === 34) {
        const value = this.quoted();
        this.tokens.push({ type: 'string', start, end: this.i, ...(value === undefined ? {} : { value }) });
      } else if (c === 60 && text.charCodeAt(start + 1) === 60 && this.heredoc()) {
        // heredoc() pushed the token
      } else if (isIdentStart(c)) {
        this.i += 1;
        while (this.i < text.length && isIdentPart(text.charCodeAt(this.i))) this.i += 1;
        this.push('ident', start, this.i);
      } else if (isDigit(c)) {
        this.i += 1;
        while (this.i < text.length && isNumberPart(text.charCodeAt(this.i))) this.i += 1;
        this.push('number', start, this.i);
      } else if (c === 123) {
        this.push('lbrace', start, ++this.i);
      } else if (c === 125) {
        this.push('rbrace', start, ++this.i);
      } else if (c === 40 || c === 91) {
        this.push('open', start, ++this.i);
      } else if (c === 41 || c === 93) {
        this.push('close', start, ++this.i);
      } else if (c === 61) {
        const next = text.charCodeAt(start + 1);
        if (next === 61 || next === 62) {
          this.i += 2;
          this.push('other', start, this.i);
        } else this.push('eq', start, ++this.i);
      } else if ((c === 33 || c === 60 || c === 62) && text.charCodeAt(start + 1) === 61) {
        this.i += 2;
        this.push('other', start, this.i);
      } else {
        this.push('other', start, ++this.i);
      }
    }
    return this.tokens;
  }

  private push(type: TokenType, start: number, end: number): void {
    this.tokens.push({ type, start, end });
  }

  private lineComment(): void {
    const nl = this.text.indexOf('\n', this.i);
    this.i = nl < 0 ? this.text.length : nl;
  }

  /**
   * Skips a quoted string at `i` (on the `"`), with its template sequences. Returns its value when
   * it has no template sequence and is closed. An unclosed string ends at the end of its line.
   */
  private quoted(): string | undefined {
    const { text } = this;
    this.i += 1;
    let value = '';
    let plain = true;
    while (this.i < text.length) {
      const ch = text[this.i];
      if (ch === '"') {
        this.i += 1;
        return plain ? value : undefined;
      }
      if (ch === '\n') return undefined;
      if (ch === '\\') {
        const next = text[this.i + 1] ?? '';
        if (next === 'u' || next === 'U') {
          const digits = text.slice(this.i + 2, this.i + (next === 'u' ? 6 : 10));
          if (/^[0-9a-fA-F]+$/.test(digits)) value += String.fromCodePoint(Math.min(parseInt(digits, 16), 0x10ffff));
          this.i += 2 + digits.length;
          continue;
        }
        if (next === '\n' || next === '') {
          this.i += 1;
          continue;
        }
        value += ESCAPES[next] ?? next;
        this.i += 2;
        continue;
      }
      if ((ch === '$' || ch === '%') && text[this.i + 1] === ch && text[this.i + 2] === '{') {
        value += `${ch}{`;
        this.i += 3;
        continue;
      }
      if ((ch === '$' || ch === '%') && text[this.i + 1] === '{') {
        plain = false;
        this.i += 2;
        this.skipTemplateExpression();
        continue;
      }
      value += ch;
      this.i += 1;
    }
    return undefined;
  }

  /** Skips the inside of `${ … }` up to and past its `}`, with nested braces and strings. */
  private skipTemplateExpression(): void {
    const { text } = this;
    let depth = 0;
    while (this.i < text.length) {
      const ch = text[this.i];
      if (ch === '"') {
        this.quoted();
        continue;
      }
      if (ch === '{') depth += 1;
      else if (ch === '}') {
        if (depth === 0) {
          this.i += 1;
          return;
        }
        depth -= 1;
      } else if (ch === '\n' && depth === 0) {
        // An unclosed interpolation in a half-typed line: give up at the line's end.
        return;
      }
      this.i += 1;
    }
  }

  /** A heredoc at `i` (`<<EOT` or `<<-EOT` then a newline): pushes one token up to its closing marker. */
  private heredoc(): boolean {
    const { text } = this;
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(this.i, this.i + 256));
    if (!m) return false;
    const start = this.i;
    const marker = m[2];
    let pos = start + m[0].length;
    const bodyStart = pos;
    let end = text.length;
    let bodyEnd = text.length;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl < 0 ? text.length : nl;
      if (text.slice(pos, lineEnd).trim() === marker) {
        bodyEnd = pos;
        end = lineEnd;
        break;
      }
      pos = lineEnd + 1;
    }
    this.i = end;
    this.tokens.push({ type: 'heredoc', start, end, value: text.slice(bodyStart, bodyEnd) });
    return true;
  }
}

interface BodyResult {
  readonly next: number;
  readonly end: number;
  readonly closed: boolean;
}

class Parser {
  readonly blocks: ScannedBlock[] = [];
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  private isLineStart(offset: number): boolean {
    return offset === 0 || this.text.charCodeAt(offset - 1) === 10;
  }

  /** A top-level keyword at the start of a line, followed by a label or `{`: the start of a new block. */
  private startsTopLevelBlock(pos: number): boolean {
    const t = this.tokens[pos];
    if (t.type !== 'ident' || !this.isLineStart(t.start) || !TOP_LEVEL.has(this.text.slice(t.start, t.end))) return false;
    const next = this.tokens[pos + 1];
    return next !== undefined && (next.type === 'string' || next.type === 'lbrace' || next.type === 'ident');
  }

  private skipLine(pos: number): number {
    while (pos < this.tokens.length && this.tokens[pos].type !== 'newline') pos += 1;
    return pos;
  }

  /**
   * Parses a body from `pos` to its `}` (or the end of the text at depth 0). `sink` receives the
   * attributes and nested block types of an interesting block.
   */
  parseBody(pos: number, depth: number, sink?: { attributes: ScannedAttribute[]; nested: string[] }): BodyResult {
    const { tokens, text } = this;
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (t.type === 'newline') {
        pos += 1;
        continue;
      }
      if (t.type === 'rbrace') {
        if (depth > 0) return { next: pos + 1, end: t.end, closed: true };
        pos += 1;
        continue;
      }
      if (depth > 0 && this.startsTopLevelBlock(pos)) return { next: pos, end: t.start, closed: false };
      if (t.type !== 'ident') {
        pos = this.skipLine(pos + 1);
        continue;
      }
      const after = tokens[pos + 1];
      if (after?.type === 'eq') {
        pos = this.attribute(pos, sink);
        continue;
      }
      // A block: its type, labels, then `{`.
      let p = pos + 1;
      const labels: Token[] = [];
      while (p < tokens.length && (tokens[p].type === 'string' || tokens[p].type === 'ident')) labels.push(tokens[p++]);
      if (tokens[p]?.type !== 'lbrace') {
        pos = this.skipLine(p);
        continue;
      }
      const type = text.slice(t.start, t.end);
      sink?.nested.push(type);
      const interesting = depth === 0 ? this.interest(type, labels) : undefined;
      const inner = interesting ? { attributes: [] as ScannedAttribute[], nested: [] as string[] } : undefined;
      const bodyStart = tokens[p].end;
      const result = this.parseBody(p + 1, depth + 1, inner);
      if (interesting && inner) {
        const block: ScannedBlock = {
          kind: interesting.kind,
          labels: interesting.labels,
          start: t.start,
          bodyStart,
          end: result.end,
          closed: result.closed,
          attributes: inner.attributes,
          nestedBlocks: inner.nested,
        };
        if (block.kind !== 'import' || this.importsKeyResource(block)) this.blocks.push(block);
      }
      if (!result.closed && depth > 0) return { next: result.next, end: result.end, closed: false };
      pos = result.next;
    }
    return { next: pos, end: text.length, closed: depth === 0 };
  }

  private interest(type: string, labels: readonly Token[]): { kind: ScannedBlock['kind']; labels: string[] } | undefined {
    const names = labels.map((l) => (l.type === 'string' ? (l.value ?? this.text.slice(l.start + 1, l.end - 1)) : this.text.slice(l.start, l.end)));
    if (type === 'resource' && names.length === 2 && isKeyResourceType(names[0])) return { kind: 'resource', labels: names };
    if (type === 'output' && names.length === 1) return { kind: 'output', labels: names };
    if (type === 'import' && names.length === 0) return { kind: 'import', labels: [] };
    return undefined;
  }

  private importsKeyResource(block: ScannedBlock): boolean {
    const to = block.attributes.find((a) => a.name === 'to');
    const type = to?.expression.split('.')[0] ?? '';
    return isKeyResourceType(type);
  }

  /** An attribute at `pos` (its name): the expression runs to the end of the line outside brackets. */
  private attribute(pos: number, sink?: { attributes: ScannedAttribute[] }): number {
    const { tokens, text } = this;
    const nameToken = tokens[pos];
    let p = pos + 2;
    const first = p;
    let nesting = 0;
    while (p < tokens.length) {
      const t = tokens[p];
      if (t.type === 'lbrace' || t.type === 'open') nesting += 1;
      else if (t.type === 'close') nesting = Math.max(0, nesting - 1);
      else if (t.type === 'rbrace') {
        if (nesting === 0) break;
        nesting -= 1;
      } else if (t.type === 'newline' && nesting === 0) break;
      else if (nesting > 0 && this.startsTopLevelBlock(p)) break;
      p += 1;
    }
    if (sink) {
      const exprTokens = tokens.slice(first, p).filter((t) => t.type !== 'newline');
      const valueStart = exprTokens.length > 0 ? exprTokens[0].start : tokens[pos + 1].end;
      const valueEnd = exprTokens.length > 0 ? exprTokens[exprTokens.length - 1].end : valueStart;
      const attribute: ScannedAttribute = {
        name: text.slice(nameToken.start, nameToken.end),
        start: nameToken.start,
        valueStart,
        valueEnd,
        expression: text.slice(valueStart, valueEnd),
        ...literalOf(text, exprTokens),
      };
      sink.attributes.push(attribute);
    }
    return p;
  }
}

function literalOf(text: string, tokens: readonly Token[]): { literal?: string | number | boolean } {
  if (tokens.length !== 1) return {};
  const [t] = tokens;
  if (t.type === 'string' && t.value !== undefined) return { literal: t.value };
  if (t.type === 'heredoc' && t.value !== undefined && !/[$%]\{/.test(t.value)) return { literal: t.value };
  if (t.type === 'number') {
    const n = Number(text.slice(t.start, t.end));
    return Number.isFinite(n) ? { literal: n } : {};
  }
  if (t.type === 'ident') {
    const word = text.slice(t.start, t.end);
    if (word === 'true' || word === 'false') return { literal: word === 'true' };
  }
  return {};
}

/** Finds the key resources, their `import` blocks and the outputs of a Terraform file's text. Never throws. */
export function scanTerraform(text: string): ScannedBlock[] {
  const tokens = new Lexer(text).run();
  const parser = new Parser(text, tokens);
  parser.parseBody(0, 0);
  return parser.blocks.sort((a, b) => a.start - b.start);
}
