import { CloudError } from '../../model/cloudError';
import { NO_KEYS, type AccessKey, type KeyCapabilities, type KeyKind } from '../../model/types';

/** OCI's per-user limits and what its keys can do (cloud-apis.md §1: 2 customer secret keys, 3 API keys). */
export const OCI_CAPABILITIES: Readonly<Record<KeyKind, KeyCapabilities>> = {
  'access-key': {
    maxKeysPerUser: 2,
    canDeactivate: false,
    canExpire: false,
    canRename: true,
    secretReadableLater: false,
    mustDeactivateBeforeDelete: false,
  },
  'api-signing-key': {
    maxKeysPerUser: 3,
    canDeactivate: false,
    canExpire: false,
    canRename: false,
    secretReadableLater: false,
    mustDeactivateBeforeDelete: false,
  },
  /** An IONOS kind: OCI has none. */
  'object-storage-access-key': NO_KEYS,
};

const KIND_NAMES: Readonly<Record<KeyKind, string>> = {
  'access-key': 'customer secret keys',
  'api-signing-key': 'API signing keys',
  'object-storage-access-key': 'Object Storage access keys',
};

function describeKey(key: AccessKey): string {
  return key.displayName ? `"${key.displayName}" (${key.id})` : key.id;
}

/** Throws a `quota` CloudError, before any request, when the user already has as many keys of this kind as OCI allows. */
export function ensureRoomForKey(kind: KeyKind, userName: string, existing: readonly AccessKey[]): void {
  const limit = OCI_CAPABILITIES[kind].maxKeysPerUser;
  const inTheWay = existing.filter((key) => key.kind === kind);
  if (inTheWay.length < limit) return;
  throw new CloudError(
    'quota',
    `${userName} already has ${inTheWay.length} ${KIND_NAMES[kind]}, the most OCI allows per user (${limit}): ${inTheWay
      .map(describeKey)
      .join(', ')}. Delete one of them first.`,
    { cloud: 'oci', cloudCode: 'LimitExceeded' },
  );
}
