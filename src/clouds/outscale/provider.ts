/** The OUTSCALE adapter: the account's and its EIM users' access keys over the signed OUTSCALE API. */
import type { z } from 'zod';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import { NO_KEYS, type AccessKey, type Account, type CloudUser, type KeyCapabilities, type KeyKind } from '../../model/types';
import type { RetryPolicy } from '../shared/retry';
import { sleep } from '../shared/retry';
import type { CloudMemory } from '../cloudModule';
import type { CreatedKey, CloudProvider, CreateKeyOptions, KeyChange } from '../provider';
import { OutscaleApiClient } from './apiClient';
import { ACCOUNT_USER_ID, AUTH_FAILURES_BEFORE_LOCK, DEFAULT_MAX_KEYS_PER_USER } from './constants';
import { checkFutureExpiry, parseWireDate, toWireDate } from './dates';
import { PASSWORD_ONLY_MESSAGE } from './basicAuth';
import { eimCallerUser, identifyCaller, type OutscaleCaller } from './callerIdentity';
import { accountUser, passwordAccountUser, toAccessKey, toUser, userNameField } from './mapping';
import {
  CreateAccessKeyResponse,
  EmptyResponse,
  ReadAccessKeysResponse,
  ReadUsersResponse,
  UpdateAccessKeyResponse,
  type AccessKeyWire,
} from './schemas';
import type { SigningCredentials } from './signing';
import { checkKeyName } from '../shared/keyName';

/** The OUTSCALE API does not document a maximum tag length; 255 is a conservative bound (UNCONFIRMED). */
const OUTSCALE_TAG_MAX = 255;
import type { Logger } from '../../util/logger';
import { LOG_PREFIX } from './logPrefix';

type ReadUsersPage = z.infer<typeof ReadUsersResponse>;

export interface OutscaleProviderOptions {
  readonly client: OutscaleApiClient;
  readonly logger: Logger;
  readonly maxKeysPerUser?: number;
  /** EIM users per ReadUsers page (OUTSCALE's default is 100). */
  readonly pageSize?: number;
  /** Waits between attempts of verifyKey while a new key propagates; at most 3 attempts in all. */
  readonly verifyDelaysMs?: readonly number[];
  readonly verifyRetryPolicy?: RetryPolicy;
  readonly now?: () => number;
  /** Where the caller found for a key is kept across windows (see callerIdentity.ts). */
  readonly memory?: CloudMemory;
  /**
   * How the client authenticates, read lazily: the access key it signs with (the key that must not be
   * removed from under it), or the login it signs in with (the account's own keys only).
   */
  readonly signIn: () => Promise<SignIn>;
}

export type SignIn = { readonly kind: 'access-key'; readonly accessKeyId: string } | { readonly kind: 'password'; readonly login: string };

function isLockedOut(error: CloudError): boolean {
  return /^1[13]\b/.test(error.cloudCode ?? '');
}

/**
 * The key's current expiry, to send back with a state change (which otherwise removes it), in a form
 * the spec names (`date-time`, outscale.yaml 1.40.1 UpdateAccessKeyRequest), not as OUTSCALE wrote
 * it (`…+0000`). An expiry that cannot be read is refused rather than silently dropped.
 */
function resentExpiry(keyId: string, current: AccessKeyWire): { ExpirationDate?: string } {
  if (!current.ExpirationDate) return {};
  const expiry = parseWireDate(current.ExpirationDate);
  if (!expiry) {
    throw new CloudError(
      'invalid',
      `OUTSCALE gave access key ${keyId} an expiration date Cloud Keys cannot read ("${current.ExpirationDate}"); changing the key now would remove it. Set a new expiration date with the change.`,
      { cloud: 'outscale' },
    );
  }
  return { ExpirationDate: toWireDate(expiry) };
}

const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, totalBudgetMs: 30_000 };
/** Fewer attempts than the lock-out threshold, so verifying a key can never lock the account. */
const MAX_VERIFY_ATTEMPTS = AUTH_FAILURES_BEFORE_LOCK - 1;

export class OutscaleProvider implements CloudProvider {
  readonly cloud = 'outscale' as const;
  readonly #client: OutscaleApiClient;
  readonly #options: OutscaleProviderOptions;
  #caller?: Promise<OutscaleCaller>;
  /** ReadUsers' first page as read while finding the caller, kept for the tree's first listUsers. */
  #unusedFirstPage?: Promise<ReadUsersPage>;
  /** The caller once known, for wording that cannot wait for a call. */
  #knownCaller?: OutscaleCaller;

  constructor(
    private readonly account: Account,
    options: OutscaleProviderOptions,
  ) {
    this.#client = options.client;
    this.#options = options;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  get #maxKeys(): number {
    return this.#options.maxKeysPerUser ?? DEFAULT_MAX_KEYS_PER_USER;
  }

  /** The access key the profile names (`access_key`); an account that signs in with a password has none. */
  signsWith(key: AccessKey): boolean {
    const accessKeyId = this.account.details?.accessKeyId?.trim();
    return key.kind === 'access-key' && !!accessKeyId && key.id === accessKeyId;
  }

  capabilities(kind: KeyKind): KeyCapabilities {
    if (kind !== 'access-key') return NO_KEYS;
    // EIM users' keys must be INACTIVE before deletion; deleteKey deactivates them itself.
    return {
      maxKeysPerUser: this.#maxKeys,
      canDeactivate: true,
      canExpire: true,
      canRename: true,
      secretReadableLater: false,
      mustDeactivateBeforeDelete: true,
    };
  }

  async whoAmI(signal?: AbortSignal): Promise<CloudUser> {
    // A cheap call that proves the credentials work before the tree shows anything.
    const signIn = await this.#options.signIn();
    if (signIn.kind === 'password') {
      await this.#client.call('ReadAccessKeys', {}, ReadAccessKeysResponse, { signal });
      return passwordAccountUser(this.account.id, signIn.login);
    }
    await this.#client.call('ReadAccessKeys', { Filters: { AccessKeyIds: [signIn.accessKeyId] } }, ReadAccessKeysResponse, { signal });
    const caller = await this.#whoSigns(signal);
    return caller.kind === 'account' ? accountUser(this.account.id) : eimCallerUser(this.account.id, caller.userName);
  }

  /**
   * The account (root user) or an EIM user: what `UserName`-less calls act on. Found once per
   * provider (a few calls, see callerIdentity.ts); a password always signs in as the account.
   */
  #whoSigns(signal?: AbortSignal): Promise<OutscaleCaller> {
    this.#caller ??= (async () => {
      const signIn = await this.#options.signIn();
      if (signIn.kind === 'password') return (this.#knownCaller = { kind: 'account' });
      const firstPage = this.#readUsers(0, signal);
      this.#unusedFirstPage = firstPage;
      firstPage.catch(() => undefined);
      const caller = await identifyCaller(
        this.#client,
        signIn.accessKeyId,
        firstPage.then((page) => page.Users),
        signal,
        this.#options.memory,
      );
      this.#knownCaller = caller;
      if (caller.kind === 'account' && (await firstPage).HasMoreItems) {
        this.#options.logger.debug(
          `${LOG_PREFIX} ${this.account.label}'s key was looked for among the first ${this.#pageSize} EIM users only; taken for the account`,
        );
      }
      if (caller.kind === 'eim-user') {
        this.#options.logger.info(
          `${LOG_PREFIX} ${this.account.label} signs as EIM user ${caller.userName ?? '(name not readable)'}, not as the account`,
        );
      }
      return caller;
    })().catch((error: unknown) => {
      this.#caller = undefined;
      throw error;
    });
    return this.#caller;
  }

  /** Whether `UserName`-less calls act on an EIM user, whose keys must be INACTIVE before deletion. */
  async #isEimUser(userId: string, signal?: AbortSignal): Promise<boolean> {
    return userId !== ACCOUNT_USER_ID || (await this.#whoSigns(signal)).kind === 'eim-user';
  }

  /** With a password, only the account's own keys can be managed: refuses any EIM user before a call. */
  async #onlyOwnKeysWithPassword(userId: string): Promise<void> {
    if (userId === ACCOUNT_USER_ID) return;
    if ((await this.#options.signIn()).kind === 'password') {
      throw new CloudError('forbidden', `${this.account.label}: ${PASSWORD_ONLY_MESSAGE}`, { cloud: 'outscale' });
    }
  }

  /**
   * The account itself first (on the first page), then its EIM users. The cursor is OUTSCALE's
   * `FirstItem` of the next page.
   */
  async listUsers(cursor?: string, signal?: AbortSignal): Promise<{ items: CloudUser[]; next?: string }> {
    const firstItem = cursor === undefined ? 0 : Number(cursor);
    if (!Number.isInteger(firstItem) || firstItem < 0) {
      throw new CloudError('invalid', `"${cursor}" is not a valid position in the OUTSCALE user list; refresh the view.`, {
        cloud: 'outscale',
      });
    }
    const signIn = await this.#options.signIn();
    if (signIn.kind === 'password') {
      // ReadUsers needs a signature: the account is all a password can list (its note says why).
      return { items: cursor === undefined ? [passwordAccountUser(this.account.id, signIn.login)] : [] };
    }
    const caller = await this.#whoSigns(signal);
    // An EIM user that may not list users sees only itself (whoAmI); the account is never reachable from an EIM user.
    if (caller.kind === 'eim-user' && caller.userName === undefined) return { items: [] };
    const pageSize = this.#pageSize;
    const unused = cursor === undefined ? this.#unusedFirstPage : undefined;
    this.#unusedFirstPage = undefined;
    const page = await (unused ?? this.#readUsers(firstItem, signal));
    const users = page.Users.map((u) => toUser(u, this.account.id));
    const more = page.HasMoreItems ?? page.Users.length >= pageSize;
    const items = cursor === undefined && caller.kind === 'account' ? [accountUser(this.account.id), ...users] : users;
    return more && page.Users.length > 0 ? { items, next: String(firstItem + page.Users.length) } : { items };
  }

  get #pageSize(): number {
    return this.#options.pageSize ?? 100;
  }

  #readUsers(firstItem: number, signal?: AbortSignal): Promise<ReadUsersPage> {
    return this.#client.call('ReadUsers', { FirstItem: firstItem, ResultsPerPage: this.#pageSize }, ReadUsersResponse, { signal });
  }

  async listKeys(userId: string, signal?: AbortSignal): Promise<AccessKey[]> {
    return (await this.#readKeys(userId, signal)).map((k) => toAccessKey(k, this.account.id, userId));
  }

  async #readKeys(userId: string, signal?: AbortSignal, keyId?: string): Promise<AccessKeyWire[]> {
    await this.#onlyOwnKeysWithPassword(userId);
    const body = { ...userNameField(userId), ...(keyId ? { Filters: { AccessKeyIds: [keyId] } } : {}) };
    return (await this.#client.call('ReadAccessKeys', body, ReadAccessKeysResponse, { signal })).AccessKeys;
  }

  async #readKey(key: AccessKey, signal?: AbortSignal): Promise<AccessKeyWire> {
    const found = (await this.#readKeys(key.userId, signal, key.id)).find((k) => k.AccessKeyId === key.id);
    if (!found) {
      throw new CloudError(
        'not-found',
        `Access key ${key.id} of ${this.#userLabel(key.userId)} no longer exists in OUTSCALE. Refresh the view.`,
        {
          cloud: 'outscale',
        },
      );
    }
    return found;
  }

  #userLabel(userId: string): string {
    if (userId !== ACCOUNT_USER_ID) return `EIM user ${userId}`;
    return this.#knownCaller?.kind === 'eim-user' ? `the EIM user ${this.account.label} signs as` : `the account ${this.account.label}`;
  }

  async createKey(userId: string, kind: KeyKind, opts: CreateKeyOptions, signal?: AbortSignal): Promise<CreatedKey> {
    if (kind !== 'access-key') {
      throw new CloudError('invalid', 'OUTSCALE has access keys only; it has no API signing keys to create.', { cloud: 'outscale' });
    }
    const expiry = opts.expiresAt === undefined ? undefined : checkFutureExpiry(opts.expiresAt, this.#now());
    const tag = checkKeyName(opts.displayName ?? '', { cloud: 'outscale', what: 'tag', maxLength: OUTSCALE_TAG_MAX });
    const existing = await this.#readKeys(userId, signal);
    if (existing.length >= this.#maxKeys) {
      throw new CloudError(
        'quota',
        `${this.#userLabel(userId)} already has ${existing.length} access keys, the OUTSCALE limit of ${this.#maxKeys} per user. ` +
          `Delete one of ${existing.map((k) => k.AccessKeyId).join(', ')} first.`,
        { cloud: 'outscale' },
      );
    }
    const body = {
      ...userNameField(userId),
      ...(expiry ? { ExpirationDate: toWireDate(expiry) } : {}),
      ...(tag ? { Tag: tag } : {}),
    };
    const created = await this.#client.call('CreateAccessKey', body, CreateAccessKeyResponse, { signal, idempotent: false });
    const { SecretKey, ...rest } = created.AccessKey;
    this.#options.logger.info(`${LOG_PREFIX} created access key ${rest.AccessKeyId} for ${this.#userLabel(userId)}`);
    return { key: toAccessKey(rest, this.account.id, userId), secret: new Secret(SecretKey) };
  }

  async updateKey(key: AccessKey, change: KeyChange, signal?: AbortSignal): Promise<AccessKey> {
    if (change.expiresAt instanceof Date) checkFutureExpiry(change.expiresAt, this.#now());
    const current = await this.#readKey(key, signal);
    if (change.state === 'inactive' && current.State === 'ACTIVE') await this.#guardAccountKey(key, 'deactivate', signal);
    const currentExpiry = parseWireDate(current.ExpirationDate);
    if (change.state === 'active' && change.expiresAt === undefined && currentExpiry && currentExpiry.getTime() <= this.#now()) {
      throw new CloudError(
        'invalid',
        `Access key ${key.id} expired on ${currentExpiry.toISOString()}. Give it a new expiration date (or none) to activate it again.`,
        { cloud: 'outscale' },
      );
    }
    const body: Record<string, unknown> = {
      AccessKeyId: key.id,
      ...userNameField(key.userId),
      // OUTSCALE resets anything not sent: the state is always sent, and the current expiration date
      // is always sent back unless it is being changed, so a state change never removes an expiry.
      State: change.state ? change.state.toUpperCase() : current.State,
    };
    if (change.expiresAt === null) body.ClearExpirationDate = true;
    else if (change.expiresAt instanceof Date) body.ExpirationDate = toWireDate(change.expiresAt);
    else Object.assign(body, resentExpiry(key.id, current));
    if (change.displayName !== undefined) {
      const tag = checkKeyName(change.displayName, { cloud: 'outscale', what: 'tag', maxLength: OUTSCALE_TAG_MAX });
      if (tag) body.Tag = tag;
      else body.ClearTag = true;
    }
    const updated = await this.#client.call('UpdateAccessKey', body, UpdateAccessKeyResponse, { signal });
    this.#options.logger.info(
      `${LOG_PREFIX} updated access key ${key.id} of ${this.#userLabel(key.userId)} (${[change.state && `state ${change.state}`, change.displayName !== undefined && 'name', change.expiresAt !== undefined && (change.expiresAt ? 'expiry set' : 'expiry cleared')].filter(Boolean).join(', ') || 'no change'})`,
    );
    return toAccessKey(updated.AccessKey, this.account.id, key.userId);
  }

  /**
   * Refuses to deactivate or delete the key this provider signs with: Cloud Keys (and every tool
   * configured with it) would lose API access, and when it is the account's last active key,
   * deleting it makes OUTSCALE create a new key in its place. The message says which applies.
   */
  async #guardAccountKey(key: AccessKey, verb: 'deactivate' | 'delete', signal?: AbortSignal): Promise<void> {
    const signIn = await this.#options.signIn();
    if (signIn.kind !== 'access-key' || key.id !== signIn.accessKeyId) return;
    const isAccount = !(await this.#isEimUser(key.userId, signal));
    const activeOthers = isAccount
      ? (await this.#readKeys(ACCOUNT_USER_ID, signal)).filter((k) => k.State === 'ACTIVE' && k.AccessKeyId !== key.id)
      : [];
    const last =
      isAccount && activeOthers.length === 0
        ? ` It is also the last active key of the account: ${
            verb === 'delete'
              ? 'OUTSCALE would create a new key in its place, whose secret you could only get from Cockpit,'
              : 'without an active key nothing could call the OUTSCALE API for this account,'
          } so create another key first.`
        : '';
    throw new CloudError(
      'conflict',
      `Access key ${key.id} is the key Cloud Keys signs with for ${this.account.label}.${last} To ${verb} it, point ${this.account.source} at another active key, then refresh.`,
      { cloud: 'outscale' },
    );
  }

  async deleteKey(key: AccessKey, signal?: AbortSignal): Promise<void> {
    const current = await this.#readKey(key, signal);
    await this.#guardAccountKey(key, 'delete', signal);
    // Also true of the caller's own keys when the caller is an EIM user (DeleteAccessKey, outscale.yaml 1.40.1).
    const isEimUser = await this.#isEimUser(key.userId, signal);
    if (isEimUser && current.State === 'ACTIVE') {
      // An EIM user's key must be INACTIVE before OUTSCALE deletes it. Resend its expiry, as always.
      await this.#client.call(
        'UpdateAccessKey',
        { AccessKeyId: key.id, ...userNameField(key.userId), State: 'INACTIVE', ...resentExpiry(key.id, current) },
        UpdateAccessKeyResponse,
        { signal },
      );
    }
    try {
      await this.#client.call('DeleteAccessKey', { AccessKeyId: key.id, ...userNameField(key.userId) }, EmptyResponse, { signal });
    } catch (error) {
      if (error instanceof CloudError && isEimUser && current.State === 'ACTIVE') {
        throw new CloudError(
          error.code,
          `${error.message} Access key ${key.id} was deactivated but not deleted; delete it again to finish.`,
          {
            cloud: 'outscale',
            requestId: error.requestId,
            httpStatus: error.httpStatus,
            cloudCode: error.cloudCode,
          },
        );
      }
      throw error;
    }
    this.#options.logger.info(`${LOG_PREFIX} deleted access key ${key.id} of ${this.#userLabel(key.userId)}`);
  }

  /**
   * Signs ReadAccessKeys (filtered on the key) with the new credentials. A new key may take a moment
   * to be accepted, so refused attempts are repeated a few times, never as many as would trigger
   * OUTSCALE's lock-out. Returns false if the key is still refused; other failures throw.
   */
  async verifyKey(key: AccessKey, secret: Secret, signal?: AbortSignal): Promise<boolean> {
    const credentials: SigningCredentials = { accessKeyId: key.id, secretKey: secret };
    const delays = this.#options.verifyDelaysMs ?? [2_000, 5_000];
    const attempts = Math.min(MAX_VERIFY_ATTEMPTS, delays.length + 1);
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      try {
        const result = await this.#client.call('ReadAccessKeys', { Filters: { AccessKeyIds: [key.id] } }, ReadAccessKeysResponse, {
          signal,
          credentials,
          retryPolicy: this.#options.verifyRetryPolicy ?? NO_RETRY,
        });
        return result.AccessKeys.some((k) => k.AccessKeyId === key.id);
      } catch (error) {
        const refused = error instanceof CloudError && error.code === 'auth';
        if (!refused || isLockedOut(error)) throw error;
        if (attempt + 1 >= attempts) return false;
        this.#options.logger.info(
          `${LOG_PREFIX} new key ${key.id} not accepted yet (attempt ${attempt + 1}); waiting ${delays[attempt]} ms`,
        );
        await sleep(delays[attempt] ?? 0, signal);
      }
    }
    return false;
  }
}
