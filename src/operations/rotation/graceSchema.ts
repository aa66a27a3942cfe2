import { lazySchema } from '../../model/lazySchema';

/**
 * When the old key is deleted: as soon as the new one works, or after 1 to 365 days. The one schema
 * of a grace period: the rotation journal, the Rotate form's messages and command arguments use it.
 */
export const GraceSchema = lazySchema((z) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('now') }),
    z.object({ kind: z.literal('later'), days: z.int().check(z.minimum(1), z.maximum(365)) }),
  ]),
);
