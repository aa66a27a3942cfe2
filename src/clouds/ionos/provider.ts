/**
 * The IONOS Cloud adapter: users and their Object Storage (S3) keys through the Cloud API v6; the
 * contract's Object Storage access keys, listed beside the users, go to objectStorageKeys.ts.
 *
 * IONOS returns a key's secret on every read. The model never holds it: `createKey` hands the new
 * secret back once, and `revealSecret` reads it again only when the user asks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CloudContext } from '../cloudModule';
import type { CloudProvider, CreatedKey, CreateKeyOptions, KeyChange } from '../provider';
import { CloudError } from '../../model/cloudError';
import type { Secret } from '../../model/secret';
import type { AccessKey, Account, CloudUser, KeyCapabilities, KeyKind } from '../../model/types';
import { sleep, type RetryPolicy } from '../shared/retry';
import { IonosApiClient } from './apiClient';
import { apiUrlFor } from './apiUrl';
import { ionosCapabilities, MAX_KEYS_PER_USER, VERIFICATION } from './capabilities';
import { resolveCredentials, type IonosCredentials } from './credentials';
import { isPrivilegeLag } from './errors';
import { splitSecret, type KeyAndSecret } from './keyReader';
import { toAccessKey, toCloudUser } from './mapping';
import { ContractAccessKeys, CONTRACT_KEYS_ENTRY_ID, contractKeysEntry } from './objectStorageKeys';
import { objectStorageUrlFor } from './objectStorageUrl';
import { keyLimitReached, lastActiveKey, privilegeNotReady, unknownCaller } from './messages';
import { DEFAULT_POLL_POLICY, waitForRequest, type PollPolicy } from './requestStatus';
import { S3KeyListSchema, S3KeySchema, S3KeyWithSecretSchema, UserSchema, UsersPageSchema } from './schemas';
import { LOG_PREFIX } from './logPrefix';

export { UNKNOWN_CALLER_ID } from './messages';

export interface IonosProviderOptions {
  readonly retry?: RetryPolicy;
  readonly poll?: PollPolicy;
  /** How long, and how often, to retry a creation refused while a new S3 privilege propagates. */
  readonly privilegeWait?: { readonly totalMs: number; readonly intervalMs: number };
  /** Users, and contract access keys, per page (IONOS defaults to 100). */
  readonly pageSize?: number;
}

const DEFAULT_PRIVILEGE_WAIT = { totalMs: 90_000, intervalMs: 5_000 };
const MAX_CALLER_PAGES = 50;

function userPath(userId: string): string {
  return `/um/users/${encodeURIComponent(userId)}`;
}

function keyPath(key: { userId: string; id: string }): string {
  return `${userPath(key.userId)}/s3keys/${encodeURIComponent(key.id)}`;
}

function invalid(message: string): CloudError {
  return new CloudError('invalid', message, { cloud: 'ionos' });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export class IonosProvider implements CloudProvider {
  readonly cloud = 'ionos' as const;
  /** How `verifyKey` proves a key: see capabilities.ts. */
  readonly verification = VERIFICATION;

  readonly #account: Account;
  readonly #ctx: CloudContext;
  readonly #options: IonosProviderOptions;
  #api?: IonosApiClient;
  #contractKeys?: ContractAccessKeys;
  #credentials?: Promise<IonosCredentials>;

  constructor(account: Account, ctx: CloudContext, options: IonosProviderOptions = {}) {
    this.#account = account;
    this.#ctx = ctx;
    this.#options = options;
  }

  capabilities(kind: KeyKind): KeyCapabilities {
    return ionosCapabilities(kind);
  }

  async whoAmI(signal?: AbortSignal): Promise<CloudUser> {
    const { auth } = await this.#credentialsOnce();
    if (auth.kind === 'token') {
      // Proves the token works; IONOS has no "who am I" call, so the user stays unknown.
      await this.#tolerateForbidden(() => this.#usersPage(0, 1, signal));
      return unknownCaller(this.#account.id);
    }
    const found = await this.#tolerateForbidden(async () => {
      for (let page = 0, offset = 0; page < MAX_CALLER_PAGES; page += 1) {
        const { items, next } = await this.#usersPage(offset, this.#pageSize(), signal);
        const caller = items.find((u) => u.isCaller);
        if (caller) return caller;
        if (next === undefined) return undefined;
        offset = next;
      }
      return undefined;
    });
    return found ?? { ...unknownCaller(this.#account.id), name: auth.username, email: auth.username };
  }

  async listUsers(cursor?: string, signal?: AbortSignal): Promise<{ items: CloudUser[]; next?: string }> {
    const offset = cursor === undefined ? 0 : Number(cursor);
    if (!Number.isSafeInteger(offset) || offset < 0) throw invalid(`"${cursor}" is not a page position of the IONOS user list.`);
    const page = await this.#usersPage(offset, this.#pageSize(), signal);
    // The contract's access keys head the first page, beside the users.
    const items = cursor === undefined ? [contractKeysEntry(this.#account.id), ...page.items] : page.items;
    return page.next === undefined ? { items } : { items, next: String(page.next) };
  }

  async listKeys(userId: string, signal?: AbortSignal): Promise<AccessKey[]> {
    if (userId === CONTRACT_KEYS_ENTRY_ID) return this.#contract().list(signal);
    const { data } = await this.#api_().call(
      {
        method: 'GET',
        path: `${userPath(userId)}/s3keys`,
        query: { depth: 1 },
        schema: S3KeyListSchema,
        context: { operation: `listing the Object Storage keys of user ${userId}` },
      },
      signal,
    );
    return (data?.items ?? []).map((wire) => toAccessKey(wire, this.#account.id, userId));
  }

  async createKey(userId: string, kind: KeyKind, opts: CreateKeyOptions, signal?: AbortSignal): Promise<CreatedKey> {
    if (kind === 'object-storage-access-key' && userId === CONTRACT_KEYS_ENTRY_ID && !opts.expiresAt && !opts.publicKeyPem) {
      return this.#contract().create(opts.displayName ?? '', signal);
    }
    if (kind !== 'access-key' || userId === CONTRACT_KEYS_ENTRY_ID) {
      throw invalid(
        'IONOS has S3 keys per user and Object Storage access keys per contract (a description only); create each under its own entry.',
      );
    }
    if (opts.expiresAt || opts.displayName || opts.publicKeyPem) {
      throw invalid('IONOS Object Storage keys have no name, expiry date or uploaded public key; create the key without them.');
    }
    const existing = await this.listKeys(userId, signal);
    if (existing.length >= MAX_KEYS_PER_USER) {
      throw new CloudError('quota', keyLimitReached(await this.#userLabel(userId, signal), existing), { cloud: 'ionos' });
    }
    const operation = `creating an Object Storage key for user ${userId}`;
    const result = await this.#postKey(userId, operation, signal);
    const id = result.data?.id;
    if (!id) {
      throw new CloudError('server', `IONOS created a key for user ${userId} but did not say which. Refresh the user's keys to see it.`, {
        cloud: 'ionos',
        requestId: result.requestId,
      });
    }
    const created = splitSecret(result.data!, this.#account.id, userId);
    if (result.location) await this.#wait(result.location, operation, signal);
    const fresh = result.location || !created.secret ? await this.#readKey({ userId, id }, signal) : created;
    this.#ctx.logger.info(`${LOG_PREFIX} created S3 key ${id} for user ${userId}`);
    const secret = created.secret ?? fresh.secret;
    return secret ? { key: fresh.key, secret } : { key: fresh.key };
  }

  async updateKey(key: AccessKey, change: KeyChange, signal?: AbortSignal): Promise<AccessKey> {
    if (key.kind === 'object-storage-access-key') {
      if (change.state !== undefined || change.expiresAt !== undefined) {
        throw invalid('IONOS Object Storage access keys cannot be deactivated and have no expiry date; only their description can change.');
      }
      if (change.displayName !== undefined) return this.#contract().describe(key, change.displayName, signal);
      return (await this.#contract().read(key, signal)) ?? key;
    }
    if (change.displayName !== undefined || change.expiresAt !== undefined) {
      throw invalid('IONOS Object Storage keys have no name or expiry date; only activating and deactivating is possible.');
    }
    if (change.state === undefined) return (await this.#readKey(key, signal)).key;
    const operation = `${change.state === 'active' ? 'activating' : 'deactivating'} Object Storage key ${key.id}`;
    const result = await this.#api_().call(
      {
        method: 'PUT',
        path: keyPath(key),
        body: { properties: { active: change.state === 'active' } },
        schema: S3KeySchema,
        bodyOptional: true,
        context: { operation, missingKeyOn422: true },
      },
      signal,
    );
    if (result.location) await this.#wait(result.location, operation, signal);
    const updated =
      result.location || !result.data ? (await this.#readKey(key, signal)).key : toAccessKey(result.data, this.#account.id, key.userId);
    this.#ctx.logger.info(`${LOG_PREFIX} S3 key ${key.id} is now ${updated.state}`);
    return updated;
  }

  async deleteKey(key: AccessKey, signal?: AbortSignal): Promise<void> {
    if (key.kind === 'object-storage-access-key') return this.#contract().delete(key, signal);
    const operation = `deleting Object Storage key ${key.id}`;
    const result = await this.#api_().call({ method: 'DELETE', path: keyPath(key), context: { operation, missingKeyOn422: true } }, signal);
    if (result.location) await this.#wait(result.location, operation, signal);
    this.#ctx.logger.info(`${LOG_PREFIX} deleted S3 key ${key.id}`);
  }

  /**
   * IONOS accepts no Cloud API call signed by an S3 key, so this checks that the key is listed,
   * active, and that `secret` is the secret IONOS holds for it (compared in constant time).
   */
  async verifyKey(key: AccessKey, secret: Secret, signal?: AbortSignal): Promise<boolean> {
    // The management API never returns an access key's secret again: the key is proven listed and AVAILABLE.
    if (key.kind === 'object-storage-access-key') return (await this.#contract().read(key, signal))?.state === 'active';
    let read: KeyAndSecret;
    try {
      read = await this.#readKey(key, signal);
    } catch (error) {
      if (error instanceof CloudError && error.code === 'not-found') return false;
      throw error;
    }
    const matches = !!read.secret && timingSafeEqual(digest(read.secret.reveal()), digest(secret.reveal()));
    const ok = read.key.state === 'active' && matches;
    this.#ctx.logger.info(
      `${LOG_PREFIX} S3 key ${key.id} ${ok ? 'verified' : 'not verified'} by listing (state ${read.key.state}, secret ${matches ? 'matches' : 'does not match'}); IONOS offers no call signed by an S3 key`,
    );
    return ok;
  }

  /** A new secret for a contract access key, which keeps its id; the old secret stops working at once. */
  renewKey(key: AccessKey, signal?: AbortSignal): Promise<CreatedKey & { readonly secret: Secret }> {
    if (key.kind !== 'object-storage-access-key')
      return Promise.reject(invalid('Only Object Storage access keys can be renewed; rotate an S3 key instead.'));
    return this.#contract().renew(key, signal);
  }

  /** Reads a key's secret again, for a user who asked to reveal or export it. */
  async revealSecret(key: AccessKey, signal?: AbortSignal): Promise<Secret> {
    if (key.kind === 'object-storage-access-key')
      throw invalid("IONOS shows an Object Storage access key's secret only once; renew the key to get a new one.");
    const { secret } = await this.#readKey(key, signal);
    if (!secret) {
      throw new CloudError('server', `IONOS did not return the secret of key ${key.id}. Try again later.`, { cloud: 'ionos' });
    }
    this.#ctx.logger.info(`${LOG_PREFIX} read the secret of S3 key ${key.id} at the user's request`);
    return secret;
  }

  /**
   * A warning to show before deactivating or deleting `key`, when it is its user's last active key
   * (the IONOS console relies on one); `undefined` when nothing needs saying.
   */
  async lastActiveKeyWarning(key: AccessKey, signal?: AbortSignal): Promise<string | undefined> {
    if (key.kind === 'object-storage-access-key') return undefined;
    const keys = await this.listKeys(key.userId, signal);
    const active = keys.filter((k) => k.state === 'active');
    if (active.length !== 1 || active[0].id !== key.id) return undefined;
    return lastActiveKey(await this.#userLabel(key.userId, signal), key.id);
  }

  async #postKey(userId: string, operation: string, signal?: AbortSignal) {
    const wait = this.#options.privilegeWait ?? DEFAULT_PRIVILEGE_WAIT;
    const now = this.#ctx.now ?? Date.now;
    const started = now();
    let delay = wait.intervalMs;
    for (;;) {
      try {
        return await this.#api_().call(
          {
            method: 'POST',
            path: `${userPath(userId)}/s3keys`,
            schema: S3KeyWithSecretSchema,
            bodyOptional: true,
            context: { operation, creatingKey: true },
          },
          signal,
        );
      } catch (error) {
        if (!(error instanceof CloudError)) throw error;
        if (error.code === 'network') {
          throw new CloudError(
            'network',
            `${error.message} The key may have been created anyway: refresh the user's keys before trying again.`,
            {
              cloud: 'ionos',
              cloudCode: error.cloudCode,
            },
          );
        }
        if (!isPrivilegeLag(error)) throw error;
        const waited = now() - started;
        if (waited + delay > wait.totalMs) {
          throw new CloudError('forbidden', privilegeNotReady(await this.#userLabel(userId, signal), waited), {
            cloud: 'ionos',
            requestId: error.requestId,
            httpStatus: error.httpStatus,
            cloudCode: error.cloudCode,
          });
        }
        this.#ctx.logger.warn(`${LOG_PREFIX} the Object Storage privilege of user ${userId} is not active yet; retrying in ${delay} ms`);
        await sleep(delay, signal);
        delay = Math.min(delay * 2, Math.max(wait.intervalMs, 15_000));
      }
    }
  }

  async #readKey(key: { userId: string; id: string }, signal?: AbortSignal): Promise<KeyAndSecret> {
    const { data } = await this.#api_().call(
      {
        method: 'GET',
        path: keyPath(key),
        schema: S3KeyWithSecretSchema,
        context: { operation: `reading Object Storage key ${key.id}`, missingKeyOn422: true },
      },
      signal,
    );
    return splitSecret(data!, this.#account.id, key.userId);
  }

  async #usersPage(offset: number, limit: number, signal?: AbortSignal): Promise<{ items: CloudUser[]; next?: number }> {
    const { auth } = await this.#credentialsOnce();
    const callerEmail = auth.kind === 'basic' ? auth.username : undefined;
    const { data } = await this.#api_().call(
      {
        method: 'GET',
        path: '/um/users',
        query: { depth: 1, offset, limit },
        schema: UsersPageSchema,
        context: { operation: 'listing the users' },
      },
      signal,
    );
    const wire = data?.items ?? [];
    const items = wire.map((u) => toCloudUser(u, this.#account.id, callerEmail));
    // `_links.next` says whether more follow; without links, a full page suggests so.
    const more = data?._links ? !!data._links.next : wire.length >= limit;
    return more && wire.length > 0 ? { items, next: offset + wire.length } : { items };
  }

  /** The user's email or name for messages; the id if it cannot be read. */
  async #userLabel(userId: string, signal?: AbortSignal): Promise<string> {
    try {
      const { data } = await this.#api_().call(
        {
          method: 'GET',
          path: userPath(userId),
          query: { depth: 1 },
          schema: UserSchema,
          context: { operation: `reading user ${userId}` },
        },
        signal,
      );
      const user = toCloudUser(data!, this.#account.id, undefined);
      return user.email && user.email !== user.name ? `${user.name} <${user.email}>` : user.name;
    } catch (error) {
      if (error instanceof CloudError && error.code === 'cancelled') throw error;
      return `user ${userId}`;
    }
  }

  async #tolerateForbidden<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof CloudError && error.code === 'forbidden') return undefined;
      throw error;
    }
  }

  #wait(location: string, operation: string, signal?: AbortSignal): Promise<void> {
    return waitForRequest(
      this.#api_(),
      location,
      operation,
      { policy: this.#options.poll ?? DEFAULT_POLL_POLICY, logger: this.#ctx.logger, now: this.#ctx.now },
      signal,
    );
  }

  #pageSize(): number {
    return this.#options.pageSize ?? 100;
  }

  #credentialsOnce(): Promise<IonosCredentials> {
    if (!this.#credentials) {
      this.#credentials = resolveCredentials(this.#account, this.#ctx).catch((error: unknown) => {
        this.#credentials = undefined;
        throw error;
      });
    }
    return this.#credentials;
  }

  /** The contract's access keys, on the Object Storage Management API's own host. */
  #contract(): ContractAccessKeys {
    let api: IonosApiClient | undefined;
    this.#contractKeys ??= new ContractAccessKeys(
      () => (api ??= this.#client(objectStorageUrlFor(this.#account, this.#ctx))),
      this.#account.id,
      {
        logger: this.#ctx.logger,
        poll: this.#options.poll ?? DEFAULT_POLL_POLICY,
        now: this.#ctx.now,
        pageSize: this.#options.pageSize,
      },
    );
    return this.#contractKeys;
  }

  /** The HTTP client, built on first use so that a bad API URL surfaces as a CloudError from a call. */
  #api_(): IonosApiClient {
    this.#api ??= this.#client(apiUrlFor(this.#account, this.#ctx));
    return this.#api;
  }

  #client(baseUrl: string): IonosApiClient {
    return new IonosApiClient({
      baseUrl,
      accountLabel: this.#account.label,
      credentials: () => this.#credentialsOnce(),
      logger: this.#ctx.logger,
      http: this.#ctx.http,
      retry: this.#options.retry,
      now: this.#ctx.now,
    });
  }
}
