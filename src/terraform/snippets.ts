import { lazySchema } from '../model/lazySchema';

/** A VS Code snippets file (`snippets/terraform.json`), as read at run time. */
const SnippetFileSchema = lazySchema((z) =>
  z.record(
    z.string(),
    z.object({
      prefix: z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]),
      body: z.union([z.string(), z.array(z.string())]),
      description: z.string().check(z.minLength(1)),
    }),
  ),
);

export interface TerraformSnippet {
  readonly name: string;
  readonly prefixes: readonly string[];
  /** The body in VS Code snippet syntax (tab stops, placeholders, choices). */
  readonly body: string;
  /** What the snippet writes, in a sentence: shown in the suggestion list. */
  readonly description: string;
}

/** Reads a snippets file's JSON; throws a message naming the file's problem when it is not one. */
export function parseSnippets(json: unknown): TerraformSnippet[] {
  const parsed = SnippetFileSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`snippets/terraform.json is not a VS Code snippets file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return Object.entries(parsed.data).map(([name, s]) => ({
    name,
    prefixes: typeof s.prefix === 'string' ? [s.prefix] : s.prefix,
    body: typeof s.body === 'string' ? s.body : s.body.join('\n'),
    description: s.description,
  }));
}

/**
 * The text a snippet inserts when every tab stop keeps its default, for a readable preview:
 * `${1:x}` → x, `${1|a,b|}` → a, `$1` / `$0` → nothing, `\$` → `$`. Nested placeholders are
 * expanded from the inside out.
 */
export function snippetPreview(body: string): string {
  let text = body;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/(?<!\\)\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/(?<!\\)\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/(?<!\\)\$\d+/g, '');
  }
  return text.replace(/\\\$/g, '$').replace(/\\\}/g, '}');
}
