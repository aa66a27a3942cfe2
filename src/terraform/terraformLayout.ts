/**
 * The outline of a Terraform file that writing into it needs: every top-level block (type, labels,
 * where it ends) and the `terraform { required_providers { … } }` block with its entries. One pass
 * over the scanner's tokens; strings, heredocs and comments never count as braces.
 */
import { TOKEN, tokenize } from './scannerTokens';

const { IDENT, STRING, LBRACE, RBRACE, OPEN, CLOSE, EQ, NEWLINE } = TOKEN;

export interface TopLevelBlock {
  readonly type: string;
  readonly labels: readonly string[];
  /** Offset of the block's keyword. */
  readonly start: number;
  /** Offset of its closing `}`; the end of the text when it was left open. */
  readonly close: number;
  readonly closed: boolean;
}

export interface RequiredProvidersEntry {
  /** The provider's local name (`oci`, `outscale`, …). */
  readonly localName: string;
  /** The entry's value as written (`{ source = "oracle/oci" }`, or a version string in old files). */
  readonly expression: string;
}

export interface RequiredProvidersBlock {
  /** Offset of the `required_providers` keyword. */
  readonly start: number;
  /** Offset of its closing `}`. */
  readonly close: number;
  readonly entries: readonly RequiredProvidersEntry[];
}

export interface TerraformLayout {
  readonly blocks: readonly TopLevelBlock[];
  /** The first `required_providers` of a `terraform` block (a module has at most one). */
  readonly requiredProviders?: RequiredProvidersBlock;
}

/** The outline of a Terraform text. Never throws, whatever the text. */
export function terraformLayout(text: string): TerraformLayout {
  const tokens = tokenize(text);
  const { types, starts, ends, count } = tokens;
  const blocks: TopLevelBlock[] = [];
  let requiredProviders: RequiredProvidersBlock | undefined;

  /** Index of the `}` closing the `{` at `open`, or `count` when it is never closed. */
  const closing = (open: number): number => {
    let depth = 0;
    for (let p = open; p < count; p += 1) {
      if (types[p] === LBRACE) depth += 1;
      else if (types[p] === RBRACE && (depth -= 1) === 0) return p;
    }
    return count;
  };
  /** A block header at `pos`: its type, labels and the index of its `{`, if `pos` starts one. */
  const header = (pos: number): { labels: string[]; open: number } | undefined => {
    if (types[pos] !== IDENT) return undefined;
    let p = pos + 1;
    const labels: string[] = [];
    while (p < count && (types[p] === STRING || types[p] === IDENT)) {
      labels.push(types[p] === STRING ? (tokens.value(p) ?? text.slice(starts[p] + 1, ends[p] - 1)) : tokens.source(p));
      p += 1;
    }
    return p < count && types[p] === LBRACE ? { labels, open: p } : undefined;
  };

  const entriesOf = (open: number, close: number): RequiredProvidersEntry[] => {
    const entries: RequiredProvidersEntry[] = [];
    let nesting = 0;
    for (let p = open + 1; p < close; p += 1) {
      const type = types[p];
      if (type === LBRACE || type === OPEN) nesting += 1;
      else if (type === RBRACE || type === CLOSE) nesting -= 1;
      else if (nesting === 0 && type === IDENT && types[p + 1] === EQ) {
        // The value runs to the end of the line outside brackets.
        let q = p + 2;
        let inner = 0;
        while (q < close && !(inner === 0 && types[q] === NEWLINE)) {
          if (types[q] === LBRACE || types[q] === OPEN) inner += 1;
          else if (types[q] === RBRACE || types[q] === CLOSE) inner -= 1;
          q += 1;
        }
        const last = q - 1;
        entries.push({ localName: tokens.source(p), expression: last >= p + 2 ? text.slice(starts[p + 2], ends[last]) : '' });
        p = last;
      }
    }
    return entries;
  };

  let pos = 0;
  while (pos < count) {
    const found = header(pos);
    if (!found) {
      pos += 1;
      continue;
    }
    const close = closing(found.open);
    const type = tokens.source(pos);
    blocks.push({
      type,
      labels: found.labels,
      start: starts[pos],
      close: close < count ? starts[close] : text.length,
      closed: close < count,
    });
    if (type === 'terraform' && !requiredProviders) {
      for (let p = found.open + 1; p < close; p += 1) {
        const nested = tokens.source(p) === 'required_providers' ? header(p) : undefined;
        if (nested && nested.labels.length === 0) {
          const end = closing(nested.open);
          if (end < count) requiredProviders = { start: starts[p], close: starts[end], entries: entriesOf(nested.open, end) };
          break;
        }
        if (types[p] === LBRACE) p = closing(p);
      }
    }
    pos = close + 1;
  }
  return requiredProviders ? { blocks, requiredProviders } : { blocks };
}
