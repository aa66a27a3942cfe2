import { lazySchema } from './lazySchema';
import { CLOUD_IDS, KEY_KINDS, KEY_STATES } from './types';

/** The one schema of each of the model's lists, built on first use (not at activation): use these, not `z.enum(CLOUD_IDS)`. */
export const CloudIdSchema = lazySchema((z) => z.enum(CLOUD_IDS));
export const KeyKindSchema = lazySchema((z) => z.enum(KEY_KINDS));
export const KeyStateSchema = lazySchema((z) => z.enum(KEY_STATES));
