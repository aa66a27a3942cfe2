/** IONOS wire objects → the cloud-neutral model. Nothing secret is carried across. */
import type { AccessKey, CloudUser } from '../../model/types';
import type { WireS3Key, WireUser } from './schemas';

/** An IONOS date-time, or undefined when absent or unreadable. */
export function date(text: string | null | undefined): Date | undefined {
  if (!text) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** @param callerEmail the Basic username; users are matched to it by email. */
export function toCloudUser(wire: WireUser, accountId: string, callerEmail: string | undefined): CloudUser {
  const p = wire.properties;
  const fullName = [p?.firstname, p?.lastname]
    .filter((part) => !!part?.trim())
    .join(' ')
    .trim();
  const email = p?.email?.trim() || undefined;
  return {
    id: wire.id,
    accountId,
    name: fullName || email || wire.id,
    email,
    isCaller: sameEmail(email, callerEmail),
  };
}

export function toAccessKey(wire: WireS3Key, accountId: string, userId: string): AccessKey {
  const active = wire.properties?.active;
  return {
    id: wire.id,
    accountId,
    userId,
    kind: 'access-key',
    state: active === true ? 'active' : active === false ? 'inactive' : 'unknown',
    createdAt: date(wire.metadata?.createdDate),
  };
}
