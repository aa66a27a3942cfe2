/** Messages the IONOS adapter builds itself (the API's own come through errors.ts). */
import type { AccessKey, CloudUser } from '../../model/types';
import { MAX_KEYS_PER_USER } from './capabilities';

export function keyLimitReached(userName: string, keys: readonly AccessKey[]): string {
  const inTheWay = keys.map((k) => `${k.id} (${k.state})`).join(', ');
  return (
    `${userName} already has ${keys.length} Object Storage keys, and IONOS allows ${MAX_KEYS_PER_USER} per user: ${inTheWay}. ` +
    'Delete one of them (an inactive one, if any), then create the new key.'
  );
}

export function privilegeNotReady(userName: string, waitedMs: number): string {
  return (
    `IONOS still refuses to create an Object Storage key for ${userName} after ${Math.round(waitedMs / 1000)} s: ` +
    'the user must belong to a group with the "Object Storage" (ACCESS_S3_OBJECT_STORAGE) privilege. ' +
    'If that privilege was granted a moment ago, IONOS may need a few more minutes to apply it; try again later. ' +
    'Otherwise add the user to such a group in the IONOS console.'
  );
}

export function lastActiveKey(userName: string, keyId: string): string {
  return (
    `${keyId} is the last active Object Storage key of ${userName}. The IONOS console uses an active key to show ` +
    "this user's Object Storage buckets; without one it cannot. Create a new key first, or continue if that is intended."
  );
}

export const UNKNOWN_CALLER_NAME = 'Token holder (IONOS does not say which user a token belongs to)';

/** The id `whoAmI` reports when IONOS cannot tell who the caller is (token auth). */
export const UNKNOWN_CALLER_ID = 'ionos:unknown-caller';

/** The caller a token stands for: IONOS does not say which user it belongs to. */
export function unknownCaller(accountId: string): CloudUser {
  return {
    id: UNKNOWN_CALLER_ID,
    accountId,
    name: UNKNOWN_CALLER_NAME,
    isCaller: true,
    placeholder: true,
    note: 'IONOS Cloud does not say which user a token belongs to, so no user is marked "you". Find yourself in the list, or sign in with IONOS_USERNAME and IONOS_PASSWORD instead.',
  };
}
