import { NO_KEYS, type KeyCapabilities, type KeyKind } from '../../model/types';

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

/**
 * The contract's Object Storage access keys (Object Storage Management API): no active/inactive
 * switch and no expiry in the model (AccessKey.md), a description that can be changed (AccessKeyEnsure),
 * a secret given once, and renew (AccesskeysRenew). UNCONFIRMED: how many a contract may have (the
 * docs name no limit; 100 here is only a bound for the forms), and that the secret is not returned
 * again on later reads.
 */
const CONTRACT_ACCESS_KEYS: KeyCapabilities = {
  maxKeysPerUser: 100,
  canDeactivate: false,
  canExpire: false,
  canRename: true,
  secretReadableLater: false,
  mustDeactivateBeforeDelete: false,
  canRenew: true,
};

/** IONOS has no API signing keys: the Cloud API takes tokens or passwords. */
export function ionosCapabilities(kind: KeyKind): KeyCapabilities {
  return kind === 'access-key' ? ACCESS_KEYS : kind === 'object-storage-access-key' ? CONTRACT_ACCESS_KEYS : NO_KEYS;
}
