/**
 * Appending generated HCL to an existing Terraform file: the providers it needs are merged into the
 * module's `required_providers` (only the missing ones, never a second block), and the rest goes
 * after the file's last block of the kind it belongs with (a resource after the last resource).
 */
import { renderHcl } from './hcl';
import {
  declaresSource,
  providerEntries,
  renderRequiredProviders,
  type GeneratedTerraform,
  type ProviderRequirement,
} from './requiredProviders';
import { terraformLayout, type RequiredProvidersEntry, type TerraformLayout } from './terraformLayout';

/** Text to insert at an offset of the original text. */
export interface TextInsertion {
  readonly offset: number;
  readonly text: string;
}

export interface ProviderMerge {
  /** The providers added. */
  readonly added: readonly ProviderRequirement[];
  /** Where they go; none when nothing is missing. */
  readonly insertion?: TextInsertion;
}

/** Whether a `required_providers` entry stands for a provider: the same local name, or the same source. */
function declares(entry: RequiredProvidersEntry, provider: ProviderRequirement): boolean {
  return entry.localName === provider.localName || declaresSource(entry.expression, provider.source);
}

function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The leading whitespace of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/** Where the line holding `offset` ends (before its `\r\n` or `\n`). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

function indentLines(hcl: string, indent: string): string {
  return hcl
    .split('\n')
    .map((line) => (line === '' ? '' : `${indent}${line}`))
    .join('\n');
}

/** Inserts `lines` (each ending with a newline) on their own lines just before the `}` at `close`. */
function beforeClosingBrace(text: string, close: number, lines: string): TextInsertion {
  const start = lineStart(text, close);
  if (/^[ \t]*$/.test(text.slice(start, close))) return { offset: start, text: lines };
  // `required_providers {}`, or `}` after other text: break the line.
  return { offset: close, text: `\n${lines}${indentAt(text, close)}` };
}

/** The line ending a text uses (CRLF when it has any). */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function withEol(insertion: TextInsertion, eol: string): TextInsertion {
  return eol === '\n' ? insertion : { offset: insertion.offset, text: insertion.text.replace(/\n/g, eol) };
}

/**
 * Adds the providers a file's `required_providers` lacks: inside it when it exists, as a
 * `required_providers` block in its `terraform` block when only that exists, else as a `terraform`
 * block at the top of the file. Nothing when every provider is declared. Throws when the file's
 * `terraform` block is left open (a half-typed file): adding a second one would be wrong.
 */
export function mergeProviders(
  text: string,
  providers: readonly ProviderRequirement[],
  layout: TerraformLayout = terraformLayout(text),
): ProviderMerge {
  const open = layout.blocks.find((b) => b.type === 'terraform' && !b.closed);
  if (open) throw new Error(`The terraform block at line ${lineNumber(text, open.start)} is not closed: close it, then append again.`);
  const required = layout.requiredProviders;
  const missing = providers.filter((p) => !(required?.entries ?? []).some((e) => declares(e, p)));
  if (missing.length === 0) return { added: [] };
  let insertion: TextInsertion;
  const terraform = layout.blocks.find((b) => b.type === 'terraform' && b.closed);
  if (required) {
    // The entries, one level inside the existing block.
    insertion = beforeClosingBrace(
      text,
      required.close,
      indentLines(renderHcl(providerEntries(missing)), `${indentAt(text, required.start)}  `),
    );
  } else if (terraform) {
    insertion = beforeClosingBrace(
      text,
      terraform.close,
      indentLines(renderRequiredProviders(missing, false), `${indentAt(text, terraform.start)}  `),
    );
  } else {
    insertion = { offset: 0, text: `${renderRequiredProviders(missing, true)}\n` };
  }
  return { added: missing, insertion: withEol(insertion, eolOf(text)) };
}

/**
 * Where generated HCL goes in a file: after the last block of the first type of `placeAfter` the
 * file has (on the line after its `}`, a blank line between), else at the end of the file.
 */
export function placeBody(text: string, generated: GeneratedTerraform, layout: TerraformLayout = terraformLayout(text)): TextInsertion {
  const anchor = generated.placeAfter
    .map((type) => layout.blocks.filter((b) => b.type === type && b.closed).at(-1))
    .find((b) => b !== undefined);
  const body = generated.body.replace(/\n+$/, '');
  let insertion: TextInsertion;
  if (anchor) {
    insertion = { offset: lineEnd(text, anchor.close), text: `\n\n${body}` };
  } else {
    const separator = text.trim() === '' ? '' : /\n\s*\n$/.test(text) ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    insertion = { offset: text.length, text: `${separator}${body}\n` };
  }
  return withEol(insertion, eolOf(text));
}

/** The insertions that append generated HCL to a file that holds (or should hold) the module's `required_providers`. */
export function planAppend(
  text: string,
  generated: GeneratedTerraform,
): { insertions: TextInsertion[]; added: readonly ProviderRequirement[] } {
  const layout = terraformLayout(text);
  const merge = mergeProviders(text, generated.providers, layout);
  const insertions = [...(merge.insertion ? [merge.insertion] : []), placeBody(text, generated, layout)];
  // Stable: at the same offset (an empty file), the providers come first.
  insertions.sort((a, b) => a.offset - b.offset);
  return { insertions, added: merge.added };
}

/** The text once insertions (by increasing offset, against the original text) are made. */
export function applyInsertions(text: string, insertions: readonly TextInsertion[]): string {
  let out = '';
  let from = 0;
  for (const insertion of insertions) {
    out += text.slice(from, insertion.offset) + insertion.text;
    from = insertion.offset;
  }
  return out + text.slice(from);
}
