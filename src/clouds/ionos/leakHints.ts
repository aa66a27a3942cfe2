import type { LeakHints } from '../shared/leakHints';

/**
 * IONOS's SDKs read `IONOS_TOKEN` (src/clouds/ionos/credentials.ts). For S3 keys the names
 * `IONOS_S3_ACCESS_KEY` / `IONOS_S3_SECRET_KEY` are UNCONFIRMED (the IONOS Terraform provider's, as
 * remembered, not checked against its docs): they only name the variable a quick fix suggests.
 */
export const IONOS_LEAK_HINTS: LeakHints = {
  cloud: 'ionos',
  names: /(?:^|[^a-z])ionos(?:cloud)?(?:[^a-z]|$)/,
  env: { keyId: 'IONOS_S3_ACCESS_KEY', secret: 'IONOS_S3_SECRET_KEY', token: 'IONOS_TOKEN' },
  source: 'IONOS SDKs: IONOS_TOKEN; IONOS_S3_ACCESS_KEY, IONOS_S3_SECRET_KEY UNCONFIRMED',
};
