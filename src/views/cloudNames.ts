import type { CloudId, KeyKind } from '../model/types';

export { CLOUD_NAMES } from '../model/types';

/** How each cloud's log lines begin (`OCI: …`, `OUTSCALE: …`, `IONOS: …`), as the adapters write them. */
export const LOG_PREFIXES: Record<CloudId, string> = { oci: 'OCI:', outscale: 'OUTSCALE:', ionos: 'IONOS:' };

export function keyKindName(cloud: CloudId, kind: KeyKind): string {
  if (kind === 'api-signing-key') return 'API signing key';
  if (kind === 'object-storage-access-key') return 'Object Storage access key';
  return cloud === 'oci' ? 'customer secret key' : cloud === 'ionos' ? 'S3 key' : 'access key';
}

/**
 * A key id short enough for a tree row. OCI's ids are long (a 47-character API key fingerprint, a
 * 40-character customer secret key id): the row shows their last characters. IONOS Object Storage
 * access keys are 92 characters: the row shows their first ones. The tooltip has the whole id.
 */
export function shortKeyId(cloud: CloudId, id: string): string {
  if (cloud === 'oci' && id.length > 16) return `…${id.slice(-11)}`;
  if (id.length > 24) return `${id.slice(0, 12)}…`;
  return id;
}
