import type { AccessKey } from '../../model/types';
import { planHead } from './planHead';
import type { KeyRotationPlan, PlanInput } from './types';

/** What the plan says to a key its cloud can renew while the user chose to replace it. */
export const RENEW_INSTEAD_NOTE =
  'This key can also be renewed instead (same key, new secret): no second key is needed, but every use of the old secret stops at once.';

/**
 * The plan of a rotation by renewal: the key keeps its id and gets a new secret. Nothing is created,
 * deactivated or deleted, and there is no overlap in which both secrets work.
 */
export function renewPlanItem(input: PlanInput, key: AccessKey): KeyRotationPlan {
  const uses = input.usesOf?.(key.id) ?? [];
  const known =
    uses.length > 0
      ? `Known uses of the old secret, switched by Cloud Keys: ${uses.join('; ')}. Others (programs, CI variables) must be updated by hand.`
      : undefined;
  return {
    ...planHead(input, key),
    mode: 'renew',
    deactivateOld: false,
    grace: { kind: 'now' },
    newKey: {},
    notes: [
      'The key is renewed: it keeps its id and gets a new secret, saved in VS Code secret storage before anything else.',
      'Every use of the old secret stops working at once: programs, CI variables and files that hold it must get the new one (search them for the access key id). Replace the key instead if they need time to switch.',
      'Exports Cloud Keys made of the key (AWS profiles, .env files, the terminal) are switched to the new secret.',
      ...(known ? [known] : []),
      'The key is then verified as listed and available. A renewal cannot be rolled back.',
    ],
  };
}
