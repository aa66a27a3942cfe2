import { cloudDescriptor } from '../clouds/descriptors';
import type { CloudId } from '../model/types';
import { CLOUD_NAMES, keyKindName, shortKeyId } from '../views/cloudNames';
import type { Leak, LeakOwner, LeakPart } from './types';

export type LeakSeverity = 'error' | 'warning' | 'information';

const DAY = 86_400_000;
const SECRET_PARTS: ReadonlySet<LeakPart> = new Set(['secret', 'private-key', 'token']);

/**
 * How bad a finding is, by what is known: the secret of a live key is an error; the secret of an
 * inactive or unknown key, and the id of a live key, a warning; an id of an inactive key, and
 * anything of a deleted key, information.
 */
export function severityOf(leak: Leak): LeakSeverity {
  const isSecret = SECRET_PARTS.has(leak.part);
  const owner = leak.owner;
  if (!owner) return isSecret ? 'warning' : 'information';
  if (owner.state === 'deleted') return 'information';
  const live = owner.state === 'active';
  if (isSecret) return live ? 'error' : 'warning';
  return live ? 'warning' : 'information';
}

function partName(part: LeakPart, cloud: CloudId | undefined, kind: LeakOwner['keyKind'] | undefined): string {
  switch (part) {
    case 'key-id':
      return 'key id';
    case 'secret':
      return cloud ? cloudDescriptor(cloud).leakWords.secret : 'secret';
    case 'fingerprint':
      return 'API key fingerprint';
    case 'private-key':
      return 'API private key';
    case 'token':
      return kind === 'api-token' ? 'API token' : cloud ? cloudDescriptor(cloud).leakWords.token : 'token';
  }
}

function kindName(owner: LeakOwner): string {
  return owner.keyKind === 'api-token' ? 'API token' : keyKindName(owner.cloud, owner.keyKind);
}

/** The age of a key in whole days, when its creation date is known. */
export function ageInDays(owner: LeakOwner, now = Date.now()): number | undefined {
  return owner.createdAt === undefined ? undefined : Math.max(0, Math.floor((now - owner.createdAt) / DAY));
}

/** "bob.builder's active OUTSCALE access key AK12…, 412 days old, in account prod". */
export function describeOwner(owner: LeakOwner, now = Date.now()): string {
  const age = ageInDays(owner, now);
  const who =
    owner.keyKind === 'api-token'
      ? `the ${CLOUD_NAMES[owner.cloud]} ${kindName(owner)}`
      : `${owner.userName}'s ${owner.state} ${CLOUD_NAMES[owner.cloud]} ${kindName(owner)} ${shortKeyId(owner.cloud, owner.keyId)}`;
  return `${who}${age === undefined ? '' : `, ${age} day${age === 1 ? '' : 's'} old`}, in account "${owner.accountLabel}"`;
}

function cloudList(clouds: readonly CloudId[]): string {
  const names = clouds.map((c) => CLOUD_NAMES[c]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The one-line message of a finding: what it is and whose; never the value. */
export function leakMessage(leak: Leak, now = Date.now()): string {
  const owner = leak.owner;
  if (owner?.keyKind === 'api-token')
    return `API token of ${CLOUD_NAMES[owner.cloud]} account "${owner.accountLabel}" written in the file: it opens the whole account.`;
  if (owner) {
    const what = partName(leak.part, owner.cloud, owner.keyKind);
    const tail = leak.part === 'key-id' || leak.part === 'fingerprint' ? '' : ' written in the file';
    return `${capitalise(what)} of ${describeOwner(owner, now)}${tail}.`;
  }
  const what = partName(leak.part, leak.clouds.length === 1 ? leak.clouds[0] : undefined, undefined);
  if (leak.probableOwner) {
    return `Probably the ${what} of ${describeOwner(leak.probableOwner, now)} (written next to its id; Cloud Keys does not hold that key's secret to compare).`;
  }
  return `Looks like ${/^[aeiou]|^API/i.test(cloudList(leak.clouds)) ? 'an' : 'a'} ${cloudList(leak.clouds)} ${what}: not a key of your configured accounts.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
