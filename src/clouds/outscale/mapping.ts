/** OUTSCALE wire shapes → the cloud-neutral model. */
import type { AccessKey, CloudUser, KeyState } from '../../model/types';
import { ACCOUNT_USER_ID } from './constants';
import { parseWireDate } from './dates';
import type { AccessKeyWire, UserWire } from './schemas';

export function toKeyState(state: string | null | undefined): KeyState {
  if (state === 'ACTIVE') return 'active';
  if (state === 'INACTIVE') return 'inactive';
  return 'unknown';
}

export function toAccessKey(wire: AccessKeyWire, accountId: string, userId: string): AccessKey {
  return {
    id: wire.AccessKeyId,
    accountId,
    userId,
    kind: 'access-key',
    state: toKeyState(wire.State),
    displayName: wire.Tag || undefined,
    createdAt: parseWireDate(wire.CreationDate),
    expiresAt: parseWireDate(wire.ExpirationDate),
  };
}

export function accountUser(accountId: string): CloudUser {
  return { id: ACCOUNT_USER_ID, accountId, name: 'Account (root)', isCaller: true };
}

/** What an account signed in with a password can see of itself: its login, and why EIM users are missing. */
export const PASSWORD_SIGN_IN_NOTE =
  'Signed in with a password: EIM users are not listed, since OUTSCALE lists them only for requests signed with an access key. Add an access key to manage them.';

export function passwordAccountUser(accountId: string, login: string): CloudUser {
  return { ...accountUser(accountId), email: login, note: PASSWORD_SIGN_IN_NOTE };
}

export function toUser(wire: UserWire, accountId: string): CloudUser {
  return { id: wire.UserName, accountId, name: wire.UserName, isCaller: false, email: wire.UserEmail || undefined };
}

/** The `UserName` request field for a user id: absent for the account itself. */
export function userNameField(userId: string): { UserName?: string } {
  return userId === ACCOUNT_USER_ID ? {} : { UserName: userId };
}
