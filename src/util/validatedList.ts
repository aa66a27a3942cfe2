import type { Logger } from './logger';

/** The part of a zod (or zod/mini) schema this needs. */
interface ItemSchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

/**
 * Reads a list kept in extension state: every item is validated, an item that does not validate
 * is dropped with a warning naming the fields at fault (never their values), and anything that is
 * not a list counts as empty.
 */
export function readValidatedList<T>(raw: unknown, schema: ItemSchema<T>, what: string, logger?: Logger): T[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    logger?.warn(`The stored ${what} list is not a list; ignoring it.`);
    return [];
  }
  const items: T[] = [];
  for (const item of raw) {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else
      logger?.warn(
        `Ignoring a stored ${what} that is not in the expected format:`,
        parsed.error.issues.map((i) => i.path.map(String).join('.')).join(', '),
      );
  }
  return items;
}
