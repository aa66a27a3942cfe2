import { cloudDescriptor } from '../clouds/descriptors';
import type { CloudId, KeyKind } from '../model/types';

export { CLOUD_NAMES } from '../model/types';

export function keyKindName(cloud: CloudId, kind: KeyKind): string {
  if (kind === 'api-signing-key') return 'API signing key';
  if (kind === 'object-storage-access-key') return 'Object Storage access key';
  return cloudDescriptor(cloud).accessKeyName;
}

/**
 * A key id short enough for a tree row: the cloud's own rule (OCI shows the last characters of its
 * long ids), else the first characters of an id over 24 (IONOS Object Storage access keys are 92
 * characters). The tooltip has the whole id.
 */
export function shortKeyId(cloud: CloudId, id: string): string {
  const own = cloudDescriptor(cloud).shortKeyId?.(id);
  if (own !== undefined) return own;
  if (id.length > 24) return `${id.slice(0, 12)}…`;
  return id;
}
