import type { AccessKey } from '../../model/types';
import type { KeyIdentity, RoomCandidate } from './types';

const DAY_MS = 86_400_000;

function label(key: Pick<AccessKey, 'id' | 'displayName'>): string {
  return key.displayName ? `"${key.displayName}" (${key.id})` : key.id;
}

/** "412 days old", or nothing when the cloud gave no creation date. */
export function ageWords(key: Pick<AccessKey, 'createdAt'>, now: number): string | undefined {
  if (!key.createdAt) return undefined;
  const days = Math.max(0, Math.floor((now - key.createdAt.getTime()) / DAY_MS));
  return `${days} day${days === 1 ? '' : 's'} old`;
}

export function toKeyIdentity(key: AccessKey): KeyIdentity {
  return {
    id: key.id,
    kind: key.kind,
    ...(key.displayName ? { displayName: key.displayName } : {}),
    ...(key.fingerprint ? { fingerprint: key.fingerprint } : {}),
  };
}

export interface CandidateInput {
  /** The key being rotated. */
  readonly key: AccessKey;
  /** The user's keys of the same kind that are not being rotated in this plan and not already deleted by it. */
  readonly others: readonly AccessKey[];
  readonly userName: string;
  readonly now: number;
  /** The exports Cloud Keys made of a key, as places a person recognises (the key's known uses). */
  readonly usesOf?: (keyId: string) => readonly string[];
  /** True for the key the account's own calls are signed with: deleting it first would leave nothing to create the new key with. */
  readonly signsWith?: (key: AccessKey) => boolean;
}

function uses(input: CandidateInput, key: AccessKey): string[] {
  return [...(input.usesOf?.(key.id) ?? [])];
}

function usesWords(known: readonly string[]): string {
  return known.length === 0 ? 'no export by Cloud Keys is known' : `used by ${known.join('; ')}`;
}

function facts(key: AccessKey, now: number, known: readonly string[]): string {
  return [key.state, ageWords(key, now), usesWords(known)].filter(Boolean).join(', ');
}

/**
 * The keys the user may delete to make room for the new key, safest first: inactive keys (nothing
 * that works now stops), then the key being rotated itself (everything using it stops until the
 * new key is in place), then another active key (everything using it stops for good). Each comes
 * with what stops working. The key the account signs with is never offered: without it there is
 * nothing left to create the new key with. Nothing here is chosen: the user picks one.
 */
export function roomCandidates(input: CandidateInput): RoomCandidate[] {
  const byAge = (a: AccessKey, b: AccessKey) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);
  const offered = input.others.filter((k) => !input.signsWith?.(k));
  const candidate = (key: AccessKey, choice: RoomCandidate['choice'], stops: string): RoomCandidate => {
    const known = uses(input, key);
    const age = ageWords(key, input.now);
    return {
      key: toKeyIdentity(key),
      choice,
      state: key.state,
      ...(age ? { age } : {}),
      uses: known,
      stops,
      summary: `${label(key)}: ${facts(key, input.now, known)}`,
    };
  };
  const inactive = offered
    .filter((k) => k.state !== 'active')
    .sort(byAge)
    .map((k) => candidate(k, 'inactive', `Key ${label(k)} is ${k.state}, so nothing that works now stops working.`));
  const self = input.signsWith?.(input.key)
    ? []
    : [
        candidate(
          input.key,
          'rotated-key',
          `The old key ${label(input.key)} is deleted before the new one exists: everything using it stops until you switch it to the new key (Cloud Keys switches its own exports once the new key works). This cannot be rolled back.`,
        ),
      ];
  const active = offered
    .filter((k) => k.state === 'active')
    .sort(byAge)
    .map((k) => {
      const known = uses(input, k);
      return candidate(
        k,
        'other-active',
        `Key ${label(k)} of ${input.userName} is active and is deleted for good: everything using it stops working now (${usesWords(known)}; other tools may use it too).`,
      );
    });
  return [...inactive, ...self, ...active];
}
