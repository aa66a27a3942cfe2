import { IONOS_LEAK_HINTS } from '../clouds/ionos/leakHints';
import { OCI_LEAK_HINTS } from '../clouds/oci/leakHints';
import { OUTSCALE_LEAK_HINTS } from '../clouds/outscale/leakHints';
import type { LeakHints } from '../clouds/shared/leakHints';
import type { CloudId } from '../model/types';

/** Every cloud's names and environment variables, as each cloud's folder states them. */
export const LEAK_HINTS: readonly LeakHints[] = [OCI_LEAK_HINTS, OUTSCALE_LEAK_HINTS, IONOS_LEAK_HINTS];

export function hintsOf(cloud: CloudId): LeakHints {
  return LEAK_HINTS.find((h) => h.cloud === cloud)!;
}
