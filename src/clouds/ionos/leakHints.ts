import type { LeakHints } from '../shared/leakHints';

/**
 * IONOS's SDKs read `IONOS_TOKEN` (src/clouds/ionos/credentials.ts) and, for S3 keys,
 * `IONOS_S3_ACCESS_KEY` / `IONOS_S3_SECRET_KEY` (IONOS Terraform provider docs, S3 resources).
 */
export const IONOS_LEAK_HINTS: LeakHints = {
  cloud: 'ionos',
  names: /(?:^|[^a-z])ionos(?:cloud)?(?:[^a-z]|$)/,
  env: { keyId: 'IONOS_S3_ACCESS_KEY', secret: 'IONOS_S3_SECRET_KEY', token: 'IONOS_TOKEN' },
  source: 'IONOS SDKs: IONOS_TOKEN; IONOS Terraform provider: IONOS_S3_ACCESS_KEY, IONOS_S3_SECRET_KEY',
};
