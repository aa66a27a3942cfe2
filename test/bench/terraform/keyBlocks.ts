/**
 * The key blocks of a Terraform file, as one comparable list of lines, from two sources: Cloud Keys'
 * scanner, and the JSON that HashiCorp's parser (`@cdktf/hcl2json`) gives for the whole file. A line
 * is a block's identity and the names of what its body holds (attributes and nested blocks):
 *   resource outscale_access_key.k_1 {expiration_date,lifecycle,state,user_name}
 *   import outscale_access_key.k_1 {id,to}
 *   output k_1_id {value}
 */
import { z } from 'zod';
import { isKeyResourceType } from '../../../src/terraform/resourceTypes';
import type { ScannedBlock } from '../../../src/terraform/scanner';

const Bodies = z.array(z.record(z.string(), z.unknown()));
/** The parts of hcl2json's output that hold key blocks; everything else is ignored. */
const ParsedHclSchema = z.object({
  resource: z.record(z.string(), z.record(z.string(), Bodies)).optional(),
  import: Bodies.optional(),
  output: z.record(z.string(), Bodies).optional(),
});

const line = (what: string, names: Iterable<string>) => `${what} {${[...new Set(names)].sort().join(',')}}`;

/** `${outscale_access_key.k_1}` (how hcl2json writes an expression) → `outscale_access_key.k_1`. */
function expression(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const m = /^\$\{(.*)\}$/s.exec(text);
  return (m ? m[1] : text).trim();
}

export function keyBlocksFromScanner(blocks: readonly ScannedBlock[]): string[] {
  return blocks
    .map((b) => {
      const names = [...b.attributes.map((a) => a.name), ...b.nestedBlocks];
      if (b.kind === 'resource') return line(`resource ${b.labels.join('.')}`, names);
      if (b.kind === 'import') return line(`import ${b.attributes.find((a) => a.name === 'to')?.expression ?? ''}`, names);
      return line(`output ${b.labels[0]}`, names);
    })
    .sort();
}

export function keyBlocksFromParse(parsed: unknown): string[] {
  const hcl = ParsedHclSchema.parse(parsed);
  const out: string[] = [];
  for (const [type, byName] of Object.entries(hcl.resource ?? {})) {
    if (!isKeyResourceType(type)) continue;
    for (const [name, bodies] of Object.entries(byName))
      for (const body of bodies) out.push(line(`resource ${type}.${name}`, Object.keys(body)));
  }
  for (const body of hcl.import ?? []) {
    const to = expression(body.to);
    if (isKeyResourceType(to.split('.')[0])) out.push(line(`import ${to}`, Object.keys(body)));
  }
  for (const [name, bodies] of Object.entries(hcl.output ?? {}))
    for (const body of bodies) out.push(line(`output ${name}`, Object.keys(body)));
  return out.sort();
}

/** The lines only one side has, at most `limit` of each, for a readable failure. */
export function difference(a: readonly string[], b: readonly string[], limit = 5): { onlyA: string[]; onlyB: string[] } {
  const count = (list: readonly string[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const only = (x: Map<string, number>, y: Map<string, number>) =>
    [...x]
      .filter(([k, n]) => (y.get(k) ?? 0) < n)
      .map(([k]) => k)
      .slice(0, limit);
  return { onlyA: only(ca, cb), onlyB: only(cb, ca) };
}
