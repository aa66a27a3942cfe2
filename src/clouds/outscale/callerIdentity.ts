/**
 * Who signs an OUTSCALE request: the account itself (its root user) or one of its EIM users.
 *
 * The OSC API acts on "the user who sends the request (which can be the root user)" whenever
 * `UserName` is omitted (outscale.yaml 1.40.1: ReadAccessKeysRequest, UpdateAccessKeyRequest,
 * DeleteAccessKeyRequest), and it has no call that names that user. So the caller is found the way a
 * person would: an identity that may not list EIM users (ReadUsers refused) is an EIM user, since
 * the root user may always do so; otherwise the signing key is looked for among the listed EIM
 * users' keys, and an identity that owns none of them is the account.
 * UNCONFIRMED: that OUTSCALE refuses ReadUsers to an EIM user without an EIM policy (the docs say
 * EIM users have no permissions until a policy grants them: About-EIM-Users.html).
 */
import { createHash } from 'node:crypto';
import { CloudError } from '../../model/cloudError';
import type { CloudMemory } from '../cloudModule';
import type { CloudUser } from '../../model/types';
import type { OutscaleApiClient } from './apiClient';
import { ACCOUNT_USER_ID } from './constants';
import { ReadAccessKeysResponse, type UserWire } from './schemas';

export type OutscaleCaller =
  | { readonly kind: 'account' }
  /** An EIM user; `userName` is absent when the user may not list EIM users, so its name cannot be read. */
  | { readonly kind: 'eim-user'; readonly userName?: string };

/**
 * OUTSCALE's own "this identity may not call the action" codes (4 UnauthorizedOperation, 5 NotAuthorized,
 * 7 UserNotAllowed: docs.outscale.com/api-errors), as opposed to a bare 403 from a proxy or gateway.
 */
const NOT_ALLOWED = /^[457]\b/;

/** Concurrent ReadAccessKeys calls while searching. */
const SEARCH_CONCURRENCY = 8;

export const UNNAMED_EIM_CALLER_NOTE =
  'These credentials belong to an EIM user that may not list EIM users (ReadUsers), so OUTSCALE does not say its name. Its own access keys are shown.';

/**
 * Callers found are remembered by endpoint and signing key: an access key belongs to one user for
 * its whole life (the OSC API has no call that moves a key), so a refresh, which makes new
 * providers, need not search again, nor does the next window when the context keeps a memory
 * (VS Code's global state), under a hash of endpoint and key id. A remembered EIM user is checked
 * with one call (it may have been deleted since). "The account" is remembered with a hash of the
 * first page's user names it was concluded from: the search reads only that page, so on the same
 * page it would conclude the same, and on another page it runs again. A search that could not read
 * some user's keys is kept for this process only.
 */
const processMemory = new Map<string, string>();
/** Where callers are remembered when the context keeps no memory (the command line): this process only. */
const PROCESS_MEMORY: CloudMemory = {
  get: (key) => processMemory.get(key),
  set: async (key, value) => void processMemory.set(key, value),
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function memoryKey(cacheKey: string): string {
  return `outscale.caller.${sha256(cacheKey)}`;
}

/** What is kept for a caller: `account:<hash of the page's user names>` or `eim-user:<name>`. */
function keptValue(caller: OutscaleCaller, userNames: readonly string[]): string | undefined {
  if (caller.kind === 'account') return `account:${sha256(userNames.join('\n'))}`;
  return caller.userName !== undefined ? `eim-user:${caller.userName}` : undefined;
}

/** The caller a previous search found, if what it kept reads as one and still applies to this page. */
function recalled(memory: CloudMemory, cacheKey: string, userNames: readonly string[]): OutscaleCaller | undefined {
  const kept = memory.get(memoryKey(cacheKey));
  if (kept !== undefined && kept === keptValue({ kind: 'account' }, userNames)) return { kind: 'account' };
  if (kept?.startsWith('eim-user:')) return { kind: 'eim-user', userName: kept.slice('eim-user:'.length) };
  return undefined;
}

function remember(memory: CloudMemory, cacheKey: string, caller: OutscaleCaller, userNames: readonly string[]): void {
  const kept = keptValue(caller, userNames);
  // Only a speed-up: a write that fails leaves the next window to search again.
  if (kept) Promise.resolve(memory.set(memoryKey(cacheKey), kept)).catch(() => undefined);
}

/**
 * Finds whose credentials sign the client's requests (see the file comment), given the first page of
 * ReadUsers (which the tree needs anyway): only that page's users are searched, so an EIM caller past
 * it is taken for the account (logged by the provider). Remembered per endpoint and key, in
 * `memory` too when given.
 */
export async function identifyCaller(
  client: OutscaleApiClient,
  signingKeyId: string,
  firstUsersPage: Promise<readonly UserWire[]>,
  signal?: AbortSignal,
  memory: CloudMemory = PROCESS_MEMORY,
): Promise<OutscaleCaller> {
  let userNames: string[];
  try {
    userNames = (await firstUsersPage).map((u) => u.UserName);
  } catch (error) {
    if (error instanceof CloudError && error.code === 'forbidden' && NOT_ALLOWED.test(error.cloudCode ?? '')) return { kind: 'eim-user' };
    throw error;
  }
  const cacheKey = `${client.endpoint}|${signingKeyId}`;
  const known = recalled(memory, cacheKey, userNames) ?? recalled(PROCESS_MEMORY, cacheKey, userNames);
  if (known?.kind === 'account') return known;
  if (
    known?.kind === 'eim-user' &&
    known.userName !== undefined &&
    userNames.includes(known.userName) &&
    (await ownsKey(client, known.userName, signingKeyId, signal))
  ) {
    return known;
  }
  const { caller, sure } = await searchCaller(client, signingKeyId, userNames, signal);
  remember(sure ? memory : PROCESS_MEMORY, cacheKey, caller, userNames);
  return caller;
}

async function searchCaller(
  client: OutscaleApiClient,
  signingKeyId: string,
  userNames: readonly string[],
  signal?: AbortSignal,
): Promise<{ caller: OutscaleCaller; sure: boolean }> {
  let sure = true;
  for (let start = 0; start < userNames.length; start += SEARCH_CONCURRENCY) {
    const batch = userNames.slice(start, start + SEARCH_CONCURRENCY);
    const owners = await Promise.all(batch.map((userName) => ownership(client, userName, signingKeyId, signal)));
    const owner = batch.find((_, i) => owners[i] === 'owns');
    if (owner !== undefined) return { caller: { kind: 'eim-user', userName: owner }, sure: true };
    if (owners.includes('unreadable')) sure = false;
  }
  return { caller: { kind: 'account' }, sure };
}

async function ownsKey(client: OutscaleApiClient, userName: string, keyId: string, signal?: AbortSignal): Promise<boolean> {
  return (await ownership(client, userName, keyId, signal)) === 'owns';
}

async function ownership(
  client: OutscaleApiClient,
  userName: string,
  keyId: string,
  signal?: AbortSignal,
): Promise<'owns' | 'not-owner' | 'unreadable'> {
  try {
    const found = await client.call('ReadAccessKeys', { UserName: userName, Filters: { AccessKeyIds: [keyId] } }, ReadAccessKeysResponse, {
      signal,
    });
    return found.AccessKeys.some((k) => k.AccessKeyId === keyId) ? 'owns' : 'not-owner';
  } catch (error) {
    // A user deleted meanwhile, or one this identity may not read: not known to be the caller.
    if (error instanceof CloudError && (error.code === 'not-found' || error.code === 'forbidden')) return 'unreadable';
    throw error;
  }
}

/** The tree's "you" for an EIM caller: under its name when known, else as the caller itself (no `UserName`). */
export function eimCallerUser(accountId: string, userName: string | undefined): CloudUser {
  return userName === undefined
    ? { id: ACCOUNT_USER_ID, accountId, name: 'EIM user (name not readable)', isCaller: true, note: UNNAMED_EIM_CALLER_NOTE }
    : { id: userName, accountId, name: userName, isCaller: true, note: 'EIM user' };
}
