/**
 * A small model of the HCL Cloud Keys writes, and its rendering in the layout `terraform fmt`
 * produces: two-space indent, and the `=` of each run of single-line attributes aligned (a blank
 * line, a comment, a nested block or a multi-line value ends a run).
 */

/** An expression: source text already in HCL syntax, an object constructor, or a heredoc. */
export type HclExpr = string | HclObject | HclHeredoc;

export interface HclObject {
  readonly object: readonly (readonly [string, HclExpr])[];
}

export interface HclHeredoc {
  /** The text, one line per element; written with `<<-EOT` so it can be indented. */
  readonly heredoc: readonly string[];
}

export type HclItem =
  | { readonly kind: 'attribute'; readonly name: string; readonly value: HclExpr }
  | { readonly kind: 'block'; readonly type: string; readonly labels: readonly string[]; readonly body: readonly HclItem[] }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'blank' };

export const attr = (name: string, value: HclExpr): HclItem => ({ kind: 'attribute', name, value });
export const block = (type: string, labels: readonly string[], body: readonly HclItem[]): HclItem => ({
  kind: 'block',
  type,
  labels,
  body,
});
export const comment = (text: string): HclItem => ({ kind: 'comment', text });
export const blank: HclItem = { kind: 'blank' };

/** A quoted HCL string: escapes, and `${` / `%{` doubled so nothing is read as a template. */
export function str(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.charCodeAt(0) < 0x20) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `"${out.replace(/([$%])\{/g, (_m, sign: string) => `${sign}${sign}{`)}"`;
}

/** Whether a value ends an alignment run: object constructors do, heredocs (like one-line values) do not. */
function breaksAlignment(value: HclExpr): boolean {
  return typeof value !== 'string' && 'object' in value;
}

function renderExpr(value: HclExpr, indent: string): string[] {
  if (typeof value === 'string') return [value];
  if ('heredoc' in value) {
    // `<<-` strips the common leading whitespace, so the text sits one level deeper than the attribute.
    return ['<<-EOT', ...value.heredoc.map((line) => (line === '' ? '' : `${indent}  ${line}`)), `${indent}EOT`];
  }
  return [
    '{',
    ...renderBody(
      value.object.map(([name, v]) => attr(name, v)),
      `${indent}  `,
    ),
    `${indent}}`,
  ];
}

const COMMENT_WIDTH = 98;

/** Splits a comment line at spaces so it fits `width` characters (a longer word stays whole). */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  out.push(current);
  return out;
}

function label(text: string): string {
  return str(text);
}

function renderBody(items: readonly HclItem[], indent: string): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (item.kind === 'attribute' && !breaksAlignment(item.value)) {
      // A run of attributes: align their `=`.
      let j = i;
      while (j < items.length && items[j].kind === 'attribute' && !breaksAlignment((items[j] as { value: HclExpr }).value)) j += 1;
      const run = items.slice(i, j) as { name: string; value: HclExpr }[];
      const width = Math.max(...run.map((a) => a.name.length));
      for (const a of run) {
        const [first, ...rest] = renderExpr(a.value, indent);
        lines.push(`${indent}${a.name.padEnd(width)} = ${first}`, ...rest);
      }
      i = j;
      continue;
    }
    switch (item.kind) {
      case 'attribute': {
        const [first, ...rest] = renderExpr(item.value, indent);
        lines.push(`${indent}${item.name} = ${first}`, ...rest);
        break;
      }
      case 'block': {
        const head = [item.type, ...item.labels.map(label)].join(' ');
        if (item.body.length === 0) lines.push(`${indent}${head} {}`);
        else lines.push(`${indent}${head} {`, ...renderBody(item.body, `${indent}  `), `${indent}}`);
        break;
      }
      case 'comment':
        for (const line of item.text.split('\n').flatMap((l) => wrap(l, COMMENT_WIDTH - indent.length))) {
          lines.push(line === '' ? `${indent}#` : `${indent}# ${line}`);
        }
        break;
      case 'blank':
        lines.push('');
        break;
    }
    i += 1;
  }
  return lines;
}

/** Renders items as a file: formatted as `terraform fmt` would, ending with one newline. */
export function renderHcl(items: readonly HclItem[]): string {
  const lines = renderBody(items, '');
  // No blank line at either end, and never two in a row (terraform fmt keeps at most one).
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
