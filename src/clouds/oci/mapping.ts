import type { AccessKey, CloudUser, KeyState } from '../../model/types';
import type { z } from 'zod';
import type { ApiKeySchema, SecretKeySummarySchema, UserSchema } from './schemas';

export function keyState(lifecycle: string | null | undefined): KeyState | 'deleted' {
  switch (lifecycle) {
    case 'ACTIVE':
      return 'active';
    case 'INACTIVE':
      return 'inactive';
    case 'CREATING':
      return 'creating';
    case 'DELETING':
      return 'deleting';
    case 'DELETED':
      return 'deleted';
    default:
      return 'unknown';
  }
}

/** A user's `lifecycleState` is CREATING | ACTIVE | INACTIVE | DELETING | DELETED (oci-identity 2.139.1, model/user.d.ts); INACTIVE is a blocked user. */
export function toCloudUser(user: z.output<typeof UserSchema>, accountId: string, callerId: string): CloudUser {
  return {
    id: user.id,
    accountId,
    name: user.name,
    isCaller: user.id === callerId,
    ...(user.email ? { email: user.email } : {}),
    ...(user.lifecycleState === 'INACTIVE' ? { inactive: true } : {}),
  };
}

/** A customer secret key; its `id` is the S3 access key id. `undefined` for deleted keys. */
export function secretKeyToModel(key: z.output<typeof SecretKeySummarySchema>, accountId: string, userId: string): AccessKey | undefined {
  const state = keyState(key.lifecycleState);
  if (state === 'deleted') return undefined;
  return {
    id: key.id,
    accountId,
    userId: key.userId || userId,
    kind: 'access-key',
    state,
    ...(key.displayName ? { displayName: key.displayName } : {}),
    ...(key.timeCreated ? { createdAt: key.timeCreated } : {}),
    ...(key.timeExpires ? { expiresAt: key.timeExpires } : {}),
  };
}

/** An API signing key; OCI names it by its fingerprint, so that is its `id` too. `undefined` for deleted keys. */
export function apiKeyToModel(key: z.output<typeof ApiKeySchema>, accountId: string, userId: string): AccessKey | undefined {
  const state = keyState(key.lifecycleState);
  if (state === 'deleted') return undefined;
  return {
    id: key.fingerprint,
    fingerprint: key.fingerprint,
    accountId,
    userId: key.userId || userId,
    kind: 'api-signing-key',
    state,
    ...(key.timeCreated ? { createdAt: key.timeCreated } : {}),
    ...(key.keyValue ? { publicKeyPem: key.keyValue } : {}),
  };
}
