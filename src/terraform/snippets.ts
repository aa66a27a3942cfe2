import * as z from 'zod/mini';
import '../util/zodLocale';

/** A VS Code snippets file (`snippets/terraform.json`), as read at run time. */
const SnippetFileSchema = z.record(
  z.string(),
  z.object({
    prefix: z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]),
    body: z.union([z.string(), z.array(z.string())]),
    description: z.optional(z.string()),
  }),
);

export interface TerraformSnippet {
  readonly name: string;
  readonly prefixes: readonly string[];
  /** The body in VS Code snippet syntax (tab stops, placeholders, choices). */
  readonly body: string;
  readonly description?: string;
}

/** Reads a snippets file's JSON; throws a message naming the file's problem when it is not one. */
export function parseSnippets(json: unknown): TerraformSnippet[] {
  const parsed = SnippetFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`snippets/terraform.json is not a VS Code snippets file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return Object.entries(parsed.data).map(([name, s]) => ({
    name,
    prefixes: typeof s.prefix === 'string' ? [s.prefix] : s.prefix,
    body: typeof s.body === 'string' ? s.body : s.body.join('\n'),
    ...(s.description === undefined ? {} : { description: s.description }),
  }));
}
