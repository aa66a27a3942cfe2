import { fingerprintOf } from '../clouds/oci/publicKey';
import { ACCOUNT_USER_ID } from '../clouds/outscale/constants';
import type { AccessKey, CloudId } from '../model/types';
import { keyHealth, type KeyHealthPolicy } from '../operations/keyHealth';
import { parseImportId } from './importIds';
import { KEY_RESOURCES, type KeyResourceType } from './resourceTypes';
import type { ScannedBlock } from './scanner';
import { nodeCrypto } from '../util/nodeCrypto';

/** How a key resource of a file points at a live key, as far as its literal values tell. */
export interface KeyLookup {
  readonly block: ScannedBlock;
  readonly type: KeyResourceType;
  readonly cloud: CloudId;
  /** `type.name`, as `import { to = … }` names it. */
  readonly address: string;
  /** The user whose keys to read; undefined when the file does not name one literally. */
  readonly userId?: string;
  /** Why the user cannot be known from the file. */
  readonly unresolved?: string;
  /** The key an `import` block of the file names. */
  readonly importedKeyId?: string;
  readonly importBlock?: ScannedBlock;
  /** An argument that picks the key among the user's. */
  readonly match?: { readonly by: 'displayName' | 'fingerprint'; readonly value: string };
}

/** OCI's fingerprint of a PEM public key, or undefined when the text is not one. */
export function publicKeyFingerprint(pem: string): string | undefined {
  try {
    const text = pem
      .split(/\r?\n/)
      .map((line) => line.trim())
      .join('\n');
    return fingerprintOf(nodeCrypto().createPublicKey(text));
  } catch {
    return undefined;
  }
}

function literalString(block: ScannedBlock, name: string): string | undefined {
  const a = block.attributes.find((x) => x.name === name);
  return typeof a?.literal === 'string' ? a.literal : undefined;
}

function importFor(blocks: readonly ScannedBlock[], address: string): ScannedBlock | undefined {
  return blocks.find(
    (b) => b.kind === 'import' && b.attributes.some((a) => a.name === 'to' && a.expression.replace(/\s+/g, '') === address),
  );
}

/** What each key resource of a scanned file says about the key it manages. */
export function keyLookups(blocks: readonly ScannedBlock[]): KeyLookup[] {
  const lookups: KeyLookup[] = [];
  for (const block of blocks) {
    if (block.kind !== 'resource') continue;
    const type = block.labels[0] as KeyResourceType;
    const info = KEY_RESOURCES[type];
    const address = `${type}.${block.labels[1]}`;
    const importBlock = importFor(blocks, address);
    const importId = importBlock ? literalString(importBlock, 'id') : undefined;
    const imported = importId === undefined ? undefined : parseImportId(type, importId);

    let userId: string | undefined;
    let unresolved: string | undefined;
    const userAttribute = info.userArgument ? block.attributes.find((a) => a.name === info.userArgument) : undefined;
    if (!info.userArgument) userId = info.ownerEntryId;
    else if (typeof userAttribute?.literal === 'string' && userAttribute.literal.trim() !== '') userId = userAttribute.literal.trim();
    else if (imported?.userId) userId = imported.userId;
    else if (type === 'outscale_access_key' && !userAttribute) userId = ACCOUNT_USER_ID;
    else unresolved = userAttribute ? `${info.userArgument} is not a literal value` : `${info.userArgument} is missing`;

    let match: KeyLookup['match'];
    if (type === 'oci_identity_customer_secret_key') {
      const name = literalString(block, 'display_name');
      if (name !== undefined) match = { by: 'displayName', value: name };
    } else if (type === 'outscale_access_key') {
      const tag = literalString(block, 'tag');
      if (tag !== undefined) match = { by: 'displayName', value: tag };
    } else if (type === 'ionoscloud_object_storage_accesskey') {
      const description = literalString(block, 'description');
      if (description !== undefined) match = { by: 'displayName', value: description };
    } else if (type === 'oci_identity_api_key') {
      const pem = literalString(block, 'key_value');
      const fingerprint = pem === undefined ? undefined : publicKeyFingerprint(pem);
      if (fingerprint) match = { by: 'fingerprint', value: fingerprint };
    }
    lookups.push({
      block,
      type,
      cloud: info.cloud,
      address,
      ...(userId === undefined ? {} : { userId }),
      ...(unresolved === undefined ? {} : { unresolved }),
      ...(imported ? { importedKeyId: imported.keyId } : {}),
      ...(importBlock ? { importBlock } : {}),
      ...(match ? { match } : {}),
    });
  }
  return lookups;
}

export type KeyMatch =
  | { readonly kind: 'found'; readonly key: AccessKey }
  /** An import block names a key the user does not have. */
  | { readonly kind: 'missing'; readonly keyId: string }
  /** The arguments pick no existing key: apply would create one. */
  | { readonly kind: 'not-created' }
  /** Nothing in the file tells which of the user's keys it is. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly AccessKey[] };

/** Which of a user's keys (of the resource's kind) the resource manages. */
export function matchKey(lookup: KeyLookup, keys: readonly AccessKey[]): KeyMatch {
  const kind = KEY_RESOURCES[lookup.type].kind;
  const ofKind = keys.filter((k) => k.kind === kind);
  if (lookup.importedKeyId !== undefined) {
    const key = ofKind.find(
      (k) => k.id === lookup.importedKeyId || k.fingerprint === lookup.importedKeyId || k.resourceId === lookup.importedKeyId,
    );
    return key ? { kind: 'found', key } : { kind: 'missing', keyId: lookup.importedKeyId };
  }
  if (lookup.match) {
    const { by, value } = lookup.match;
    const hits = ofKind
      .filter((k) => (by === 'fingerprint' ? k.fingerprint === value : k.displayName === value))
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    return hits.length > 0 ? { kind: 'found', key: hits[0] } : { kind: 'not-created' };
  }
  return ofKind.length === 0 ? { kind: 'not-created' } : { kind: 'ambiguous', candidates: ofKind };
}

const DAY_MS = 86_400_000;

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** A key's line in a code lens, and whether the policy flags the key. */
export interface LiveKeyLine {
  readonly text: string;
  readonly flagged: boolean;
}

/**
 * "ACTIVE · 412 days · overdue: older than 90 days": a key's state, age and expiry, with what the
 * tree's policy (`keyHealth`, the cloud's own values) says of them: overdue, expiring, expired.
 */
export function describeLiveKey(key: AccessKey, policy: KeyHealthPolicy, now: number): LiveKeyLine {
  const { ageDays, warnings } = keyHealth(key, policy, now);
  const parts = [key.state.toUpperCase()];
  if (ageDays !== undefined) parts.push(days(Math.max(0, ageDays)));
  for (const warning of warnings) {
    if (warning.kind === 'old') parts.push(`overdue: older than ${days(warning.maxAgeDays)}`);
    else if (warning.kind === 'expiring') parts.push(warning.daysLeft === 0 ? 'expiring today' : `expiring in ${days(warning.daysLeft)}`);
    else parts.push(warning.daysAgo === 0 ? 'expired today' : `expired ${days(warning.daysAgo)} ago`);
  }
  if (key.expiresAt && !warnings.some((w) => w.kind !== 'old')) {
    const left = Math.floor((key.expiresAt.getTime() - now) / DAY_MS);
    parts.push(left === 0 ? 'expires today' : `expires in ${days(left)}`);
  }
  return { text: parts.join(' · '), flagged: warnings.length > 0 };
}
