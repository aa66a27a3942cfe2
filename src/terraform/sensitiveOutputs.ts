import type { ScannedBlock } from './scanner';
import { KEY_RESOURCES, KEY_RESOURCE_TYPES, type KeyResourceType } from './resourceTypes';

/** An output whose value carries a key's secret while the output is not marked sensitive. */
export interface UnsafeOutput {
  readonly output: string;
  readonly resourceType: KeyResourceType;
  /** `oci_identity_customer_secret_key.ci`, as written (without an index). */
  readonly resource: string;
  readonly secretAttribute: string;
  /** Whether the whole resource object is output (it holds the secret too). */
  readonly wholeResource: boolean;
  /** Offsets of the reference in the file. */
  readonly start: number;
  readonly end: number;
  readonly fix: TextFix;
}

/** One text replacement: `[start, end)` becomes `text`. */
export interface TextFix {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const SECRET_TYPES = KEY_RESOURCE_TYPES.filter((type) => KEY_RESOURCES[type].secretAttribute !== undefined);
// type.name, an optional index or splat, then an optional .attribute
const REFERENCE = new RegExp(
  `\\b(${SECRET_TYPES.join('|')})\\.([A-Za-z_][A-Za-z0-9_-]*)((?:\\[[^\\]]*\\]|\\.\\*)*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?`,
  'g',
);

/** The edit that makes an output sensitive: `sensitive = false` becomes true, or a line is added after `value`. */
export function sensitiveFix(text: string, output: ScannedBlock): TextFix {
  const existing = output.attributes.find((a) => a.name === 'sensitive');
  if (existing) return { start: existing.valueStart, end: existing.valueEnd, text: 'true' };
  const value = output.attributes.find((a) => a.name === 'value');
  const anchor = value ? value.valueEnd : output.bodyStart;
  const lineEnd = text.indexOf('\n', anchor);
  const at = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = value ? text.lastIndexOf('\n', value.start) + 1 : output.start;
  const indent = value ? /^[ \t]*/.exec(text.slice(lineStart))![0] : '  ';
  return { start: at, end: at, text: `${eol}${indent}sensitive = true` };
}

/**
 * Outputs that expose a key's secret attribute (`key`, `secret_key`), or the whole key resource,
 * without `sensitive = true`. None of the four providers marks these attributes sensitive, so plans,
 * `terraform output` and CI logs print them.
 */
export function findUnsafeOutputs(text: string, blocks: readonly ScannedBlock[]): UnsafeOutput[] {
  const found: UnsafeOutput[] = [];
  for (const block of blocks) {
    if (block.kind !== 'output') continue;
    if (block.attributes.some((a) => a.name === 'sensitive' && a.literal === true)) continue;
    const value = block.attributes.find((a) => a.name === 'value');
    if (!value) continue;
    for (const match of value.expression.matchAll(REFERENCE)) {
      const type = match[1] as KeyResourceType;
      const secretAttribute = KEY_RESOURCES[type].secretAttribute!;
      const attribute = match[4];
      if (attribute !== undefined && attribute !== secretAttribute) continue;
      const start = value.valueStart + (match.index ?? 0);
      found.push({
        output: block.labels[0],
        resourceType: type,
        resource: `${type}.${match[2]}`,
        secretAttribute,
        wholeResource: attribute === undefined,
        start,
        end: start + match[0].length,
        fix: sensitiveFix(text, block),
      });
    }
  }
  return found;
}
