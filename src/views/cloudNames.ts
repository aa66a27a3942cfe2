import type { CloudId, KeyKind } from '../model/types';

export const CLOUD_NAMES: Record<CloudId, string> = {
  oci: 'OCI',
  outscale: 'OUTSCALE',
  ionos: 'IONOS Cloud',
};

export function keyKindName(cloud: CloudId, kind: KeyKind): string {
  if (kind === 'api-signing-key') return 'API signing key';
  if (kind === 'object-storage-access-key') return 'Object Storage access key';
  return cloud === 'oci' ? 'customer secret key' : cloud === 'ionos' ? 'S3 key' : 'access key';
}
