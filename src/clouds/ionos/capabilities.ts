import type { KeyCapabilities, KeyKind } from '../../model/types';

/** IONOS allows at most five Object Storage keys per user. */
export const MAX_KEYS_PER_USER = 5;

/**
 * How `verifyKey` works on IONOS. The Cloud API accepts no call signed by an S3 key, so a key is
 * verified as "listed, active, and its secret matches the one IONOS holds".
 */
export const VERIFICATION = 'active-and-listed' as const;

const ACCESS_KEYS: KeyCapabilities = {
  maxKeysPerUser: MAX_KEYS_PER_USER,
  canDeactivate: true,
  canExpire: false,
  canRename: false,
  secretReadableLater: true,
  mustDeactivateBeforeDelete: false,
};

/** IONOS has no API signing keys: the Cloud API takes tokens or passwords. */
const NONE: KeyCapabilities = {
  maxKeysPerUser: 0,
  canDeactivate: false,
  canExpire: false,
  canRename: false,
  secretReadableLater: false,
  mustDeactivateBeforeDelete: false,
};

export function ionosCapabilities(kind: KeyKind): KeyCapabilities {
  return kind === 'access-key' ? ACCESS_KEYS : NONE;
}
