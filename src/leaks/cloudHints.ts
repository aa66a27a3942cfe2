import { CLOUD_ENGINE_PARTS } from '../clouds/engineParts';
import type { LeakHints } from '../clouds/shared/leakHints';
import { CLOUD_IDS, type CloudId } from '../model/types';

/** Every cloud's names and environment variables, as each cloud's folder states them. */
export const LEAK_HINTS: readonly LeakHints[] = CLOUD_IDS.map((cloud) => CLOUD_ENGINE_PARTS[cloud].leakHints);

export function hintsOf(cloud: CloudId): LeakHints {
  return CLOUD_ENGINE_PARTS[cloud].leakHints;
}
