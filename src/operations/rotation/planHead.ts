import { randomUUID } from 'node:crypto';
import type { AccessKey } from '../../model/types';
import { toKeyIdentity } from './roomCandidates';
import type { KeyRotationPlan, PlanInput } from './types';

/** What every plan item starts with: a fresh id, where the key is, and the key itself. */
export function planHead(
  input: PlanInput,
  key: AccessKey,
): Pick<KeyRotationPlan, 'id' | 'accountId' | 'accountLabel' | 'cloud' | 'userId' | 'userName' | 'oldKey'> {
  return {
    id: randomUUID(),
    accountId: input.account.id,
    accountLabel: input.account.label,
    cloud: input.account.cloud,
    userId: input.user.id,
    userName: input.user.name,
    oldKey: toKeyIdentity(key),
  };
}
