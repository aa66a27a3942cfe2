/**
 * A fast, tolerant scanner of Terraform files: one pass, no exceptions, whatever the text. It finds
 * the blocks Cloud Keys annotates (resources of the four key types, `import` blocks whose `to` is one
 * of them, and `output` blocks) and the attributes directly in their body, with the literal value of
 * each where it has one. Comments, heredocs and strings (braces and all) are skipped; a block left
 * open (a half-typed file) ends where the next top-level block starts at the beginning of a line.
 */
import { isKeyResourceType } from './resourceTypes';
import { TOKEN, tokenize, type Tokens } from './scannerTokens';

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

const { CLOSE, EQ, HEREDOC, IDENT, LBRACE, NEWLINE, NUMBER, OPEN, RBRACE, STRING } = TOKEN;

/** Keywords that start a top-level block; one at the start of a line closes a block left open. */
const TOP_LEVEL = new Set([
  'resource',
  'data',
  'module',
  'output',
  'variable',
  'locals',
  'provider',
  'terraform',
  'import',
  'moved',
  'removed',
  'check',
]);

interface BodyResult {
  readonly next: number;
  readonly end: number;
  readonly closed: boolean;
}

class Parser {
  readonly blocks: ScannedBlock[] = [];
  readonly #types: Uint8Array;
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  readonly #count: number;

  constructor(
    private readonly text: string,
    private readonly tokens: Tokens,
  ) {
    this.#types = tokens.types;
    this.#starts = tokens.starts;
    this.#ends = tokens.ends;
    this.#count = tokens.count;
  }

  private isLineStart(offset: number): boolean {
    return offset === 0 || this.text.charCodeAt(offset - 1) === 10;
  }

  /** A top-level keyword at the start of a line, followed by a label or `{`: the start of a new block. */
  private startsTopLevelBlock(pos: number): boolean {
    if (this.#types[pos] !== IDENT || !this.isLineStart(this.#starts[pos]) || !TOP_LEVEL.has(this.tokens.source(pos))) return false;
    if (pos + 1 >= this.#count) return false;
    const next = this.#types[pos + 1];
    return next === STRING || next === LBRACE || next === IDENT;
  }

  private skipLine(pos: number): number {
    while (pos < this.#count && this.#types[pos] !== NEWLINE) pos += 1;
    return pos;
  }

  /**
   * Parses a body from `pos` to its `}` (or the end of the text at depth 0). `sink` receives the
   * attributes and nested block types of an interesting block.
   */
  parseBody(pos: number, depth: number, sink?: { attributes: ScannedAttribute[]; nested: string[] }): BodyResult {
    const types = this.#types;
    const count = this.#count;
    while (pos < count) {
      const type = types[pos];
      if (type === NEWLINE) {
        pos += 1;
        continue;
      }
      if (type === RBRACE) {
        if (depth > 0) return { next: pos + 1, end: this.#ends[pos], closed: true };
        pos += 1;
        continue;
      }
      if (depth > 0 && this.startsTopLevelBlock(pos)) return { next: pos, end: this.#starts[pos], closed: false };
      if (type !== IDENT) {
        pos = this.skipLine(pos + 1);
        continue;
      }
      if (pos + 1 < count && types[pos + 1] === EQ) {
        pos = this.attribute(pos, sink);
        continue;
      }
      // A block: its type, labels, then `{`.
      let p = pos + 1;
      const labelsFrom = p;
      while (p < count && (types[p] === STRING || types[p] === IDENT)) p += 1;
      if (p >= count || types[p] !== LBRACE) {
        pos = this.skipLine(p);
        continue;
      }
      const blockType = this.tokens.source(pos);
      sink?.nested.push(blockType);
      const interesting = depth === 0 ? this.interest(blockType, labelsFrom, p) : undefined;
      const inner = interesting ? { attributes: [] as ScannedAttribute[], nested: [] as string[] } : undefined;
      const bodyStart = this.#ends[p];
      const result = this.parseBody(p + 1, depth + 1, inner);
      if (interesting && inner) {
        const block: ScannedBlock = {
          kind: interesting.kind,
          labels: interesting.labels,
          start: this.#starts[pos],
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
    return { next: pos, end: this.text.length, closed: depth === 0 };
  }

  /** Whether a top-level block is one Cloud Keys annotates, from its type and its labels' tokens `from`..`to`. */
  private interest(type: string, from: number, to: number): { kind: ScannedBlock['kind']; labels: string[] } | undefined {
    const count = to - from;
    if (type === 'resource' && count === 2) {
      const resourceType = this.label(from);
      return isKeyResourceType(resourceType) ? { kind: 'resource', labels: [resourceType, this.label(from + 1)] } : undefined;
    }
    if (type === 'output' && count === 1) return { kind: 'output', labels: [this.label(from)] };
    if (type === 'import' && count === 0) return { kind: 'import', labels: [] };
    return undefined;
  }

  private label(n: number): string {
    if (this.#types[n] !== STRING) return this.tokens.source(n);
    return this.tokens.value(n) ?? this.text.slice(this.#starts[n] + 1, this.#ends[n] - 1);
  }

  private importsKeyResource(block: ScannedBlock): boolean {
    const to = block.attributes.find((a) => a.name === 'to');
    const type = to?.expression.split('.')[0] ?? '';
    return isKeyResourceType(type);
  }

  /** An attribute at `pos` (its name): the expression runs to the end of the line outside brackets. */
  private attribute(pos: number, sink?: { attributes: ScannedAttribute[] }): number {
    const types = this.#types;
    const count = this.#count;
    let p = pos + 2;
    let nesting = 0;
    let first = -1;
    let last = -1;
    let tokensInValue = 0;
    while (p < count) {
      const type = types[p];
      if (type === LBRACE || type === OPEN) nesting += 1;
      else if (type === CLOSE) nesting = Math.max(0, nesting - 1);
      else if (type === RBRACE) {
        if (nesting === 0) break;
        nesting -= 1;
      } else if (type === NEWLINE) {
        if (nesting === 0) break;
        p += 1;
        continue;
      } else if (nesting > 0 && this.startsTopLevelBlock(p)) break;
      if (first < 0) first = p;
      last = p;
      tokensInValue += 1;
      p += 1;
    }
    if (sink) {
      const valueStart = first >= 0 ? this.#starts[first] : this.#ends[pos + 1];
      const valueEnd = first >= 0 ? this.#ends[last] : valueStart;
      const attribute: ScannedAttribute = {
        name: this.tokens.source(pos),
        start: this.#starts[pos],
        valueStart,
        valueEnd,
        expression: this.text.slice(valueStart, valueEnd),
        ...(tokensInValue === 1 ? literalOf(this.tokens, first) : {}),
      };
      sink.attributes.push(attribute);
    }
    return p;
  }
}

/** The value of a one-token expression that is a literal: a plain string or heredoc, a number, true or false. */
function literalOf(tokens: Tokens, n: number): { literal?: string | number | boolean } {
  const type = tokens.types[n];
  if (type === STRING || type === HEREDOC) {
    const value = tokens.value(n);
    if (value === undefined || (type === HEREDOC && /[$%]\{/.test(value))) return {};
    return { literal: value };
  }
  if (type === NUMBER) {
    const n2 = Number(tokens.source(n));
    return Number.isFinite(n2) ? { literal: n2 } : {};
  }
  if (type === IDENT) {
    const word = tokens.source(n);
    if (word === 'true' || word === 'false') return { literal: word === 'true' };
  }
  return {};
}

/** Finds the key resources, their `import` blocks and the outputs of a Terraform file's text. Never throws. */
export function scanTerraform(text: string): ScannedBlock[] {
  const parser = new Parser(text, tokenize(text));
  parser.parseBody(0, 0);
  return parser.blocks.sort((a, b) => a.start - b.start);
}
