import { randomUUID } from 'node:crypto';
import { requests, type IdentityClient } from 'oci-identity';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import type { AccessKey, Account, CloudUser, KeyCapabilities, KeyKind } from '../../model/types';
import type { CloudContext } from '../cloudModule';
import type { CloudProvider, CreatedKey, KeyChange } from '../provider';
import { sleep, type RetryPolicy } from '../shared/retry';
import { endpointOverride, objectStorageEndpointFor } from './endpoints';
import { createIdentityClient, type ClientTarget } from './identityClient';
import { ensureRoomForKey, OCI_CAPABILITIES } from './limits';
import { readObjectStorageNamespace } from './namespace';
import { checkApiKeyOptions, publicKeyToUpload, type OciCreateKeyOptions } from './apiKeyUpload';
import { apiKeyToModel, secretKeyToModel, toCloudUser } from './mapping';
import { openPrivateKey } from './privateKey';
import {
  ApiKeyListSchema,
  ApiKeySchema,
  checked,
  CreatedSecretKeySchema,
  RegionSubscriptionListSchema,
  SecretKeyListSchema,
  SecretKeySummarySchema,
  UserListSchema,
  UserSchema,
} from './schemas';
import { callSdk } from './sdkCall';
import { checkKeyName } from '../shared/keyName';

/** OCI does not document a display-name limit for customer secret keys; 255 is a conservative bound (UNCONFIRMED). */
const OCI_DISPLAY_NAME_MAX = 255;
import { resolveSigningCredentials, type SigningCredentials } from './signingCredentials';
import { refusedSessionError, unnamedSessionCaller } from './sessionCaller';
import { LOG_PREFIX } from './logPrefix';

export interface OciProviderOptions {
  readonly retryPolicy?: RetryPolicy;
  /** Users per page; unset lets OCI choose (its maximum `limit` is unconfirmed). */
  readonly pageSize?: number;
  /**
   * Where a region's identity calls go, instead of the SDK's public endpoint (tests, dedicated
   * regions). Ignored when the `oci.endpoint` setting is set: then every call goes there.
   */
  readonly endpointForRegion?: (region: string) => string | undefined;
  /** How long `verifyKey` waits for a new API key to become usable. */
  readonly verifyAttempts?: number;
  readonly verifyDelayMs?: number;
}

/** The OCI adapter for one account: users, customer secret keys and API signing keys of its tenancy. */
export class OciProvider implements CloudProvider {
  readonly cloud = 'oci' as const;
  #credentials?: Promise<SigningCredentials>;
  #homeRegion?: Promise<string>;
  /** Kept once read: a tenancy's namespace never changes. */
  #namespace?: string;
  readonly #clients = new Map<string, IdentityClient>();
  readonly #userNames = new Map<string, string>();

  constructor(
    private readonly account: Account,
    private readonly ctx: CloudContext,
    private readonly options: OciProviderOptions = {},
  ) {}

  /** The API key whose fingerprint the profile names (`fingerprint` and `user` of the OCI config file), for that user. */
  signsWith(key: AccessKey): boolean {
    const { fingerprint, user } = this.account.details ?? {};
    return key.kind === 'api-signing-key' && !!fingerprint && key.fingerprint === fingerprint && (!user || key.userId === user);
  }

  capabilities(kind: KeyKind): KeyCapabilities {
    return OCI_CAPABILITIES[kind];
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Resolved once per provider (so a passphrase is asked at most once); a failure is retried next time. */
  #signing(): Promise<SigningCredentials> {
    this.#credentials ??= resolveSigningCredentials(this.account, this.ctx).catch((error: unknown) => {
      this.#credentials = undefined;
      throw error;
    });
    return this.#credentials;
  }

  #override(): string | undefined {
    try {
      return endpointOverride(this.ctx.settings);
    } catch (error) {
      throw new CloudError('config', error instanceof Error ? error.message : String(error), { cloud: 'oci' });
    }
  }

  #target(region: string): ClientTarget {
    const override = this.#override();
    if (override) return { endpoint: override };
    const mapped = this.options.endpointForRegion?.(region);
    return mapped ? { endpoint: mapped } : { region };
  }

  /** Object Storage follows the identity endpoint's override or mapping (see `objectStorageEndpointFor`). */
  #objectStorageTarget(region: string): ClientTarget {
    const identity = this.#target(region);
    return 'endpoint' in identity ? { endpoint: objectStorageEndpointFor(identity.endpoint) } : identity;
  }

  #client(credentials: SigningCredentials, target: ClientTarget): IdentityClient {
    const key = 'endpoint' in target ? `e:${target.endpoint}` : `r:${target.region}`;
    let client = this.#clients.get(key);
    if (!client) {
      client = createIdentityClient(credentials, target, this.ctx.http);
      this.#clients.set(key, client);
    }
    return client;
  }

  #call<T>(what: string, operation: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return callSdk(what, operation, { logger: this.ctx.logger, signal, policy: this.options.retryPolicy, now: this.ctx.now }).catch(
      async (error: unknown) => {
        throw await this.#explainRefusedSession(error, what);
      },
    );
  }

  /** A 401 for a session profile: say what to run, and read the session's key and token afresh next time (re-authenticating makes a new key). */
  async #explainRefusedSession(error: unknown, what: string): Promise<unknown> {
    if (!(error instanceof CloudError) || error.code !== 'auth' || error.httpStatus !== 401 || !this.#credentials) return error;
    const credentials = await this.#credentials.catch(() => undefined);
    if (!credentials?.session) return error;
    this.#credentials = undefined;
    return refusedSessionError(error, credentials.session.profile, what);
  }

  /** Reads may use the profile's region. */
  async #reader(): Promise<{ credentials: SigningCredentials; client: IdentityClient }> {
    const credentials = await this.#signing();
    return { credentials, client: this.#client(credentials, this.#target(credentials.region)) };
  }

  /** Identity writes go to the tenancy's home region, whatever region the profile names. */
  async #writer(signal?: AbortSignal): Promise<{ credentials: SigningCredentials; client: IdentityClient }> {
    const credentials = await this.#signing();
    if (this.#override()) return { credentials, client: this.#client(credentials, this.#target(credentials.region)) };
    const home = await this.homeRegion(signal);
    return { credentials, client: this.#client(credentials, this.#target(home)) };
  }

  /** The tenancy's home region, from its region subscriptions (asked once). */
  homeRegion(signal?: AbortSignal): Promise<string> {
    this.#homeRegion ??= (async () => {
      const { credentials, client } = await this.#reader();
      const what = 'finding the home region of the tenancy';
      const response = await this.#call(what, () => client.listRegionSubscriptions({ tenancyId: credentials.tenancyId }), signal);
      const subscriptions = checked(RegionSubscriptionListSchema, response.items, what, response.opcRequestId);
      const home = subscriptions.find((subscription) => subscription.isHomeRegion);
      if (!home) {
        this.ctx.logger.warn(`${LOG_PREFIX} no home region among the region subscriptions; using ${credentials.region}`);
        return credentials.region;
      }
      return home.regionName;
    })().catch((error: unknown) => {
      this.#homeRegion = undefined;
      throw error;
    });
    return this.#homeRegion;
  }

  async #userName(userId: string, signal?: AbortSignal): Promise<string> {
    const known = this.#userNames.get(userId);
    if (known) return known;
    const { client } = await this.#reader();
    const response = await this.#call(`reading user ${userId}`, () => client.getUser({ userId }), signal);
    const user = checked(UserSchema, response.user, `reading user ${userId}`, response.opcRequestId);
    this.#userNames.set(user.id, user.name);
    return user.name;
  }

  /**
   * The tenancy's Object Storage namespace, for the S3-compatible endpoint
   * (`<namespace>.compat.objectstorage.<region>.oraclecloud.com`); asked in the profile's region,
   * once per account for as long as this provider lives.
   */
  async objectStorageNamespace(signal?: AbortSignal): Promise<string> {
    if (this.#namespace) return this.#namespace;
    const credentials = await this.#signing();
    // Loaded on first use: only exports need Object Storage, and its SDK adds to the bundle's start-up.
    const { createObjectStorageClient } = await import('./objectStorageClient.js');
    const client = createObjectStorageClient(credentials, this.#objectStorageTarget(credentials.region), this.ctx.http);
    const namespace = await readObjectStorageNamespace(
      client,
      (what, operation, callSignal) => this.#call(what, operation, callSignal),
      signal,
    );
    this.#namespace = namespace;
    return namespace;
  }

  // ---- users ----------------------------------------------------------------------------------

  async whoAmI(signal?: AbortSignal): Promise<CloudUser> {
    const { credentials, client } = await this.#reader();
    if (credentials.session && !credentials.userId) {
      // Refuse an expired session first, as any other call would.
      await credentials.session.current();
      this.ctx.logger.info(
        `${LOG_PREFIX} the session token of profile ${credentials.session.profile} does not name its user; showing the users without marking you`,
      );
      return unnamedSessionCaller(this.account.id, credentials.session.profile);
    }
    const what = 'reading your own user';
    const response = await this.#call(what, () => client.getUser({ userId: credentials.userId }), signal);
    const user = checked(UserSchema, response.user, what, response.opcRequestId);
    this.#userNames.set(user.id, user.name);
    return toCloudUser(user, this.account.id, credentials.userId);
  }

  async listUsers(cursor?: string, signal?: AbortSignal): Promise<{ items: CloudUser[]; next?: string }> {
    const { credentials, client } = await this.#reader();
    const what = 'listing the users of the tenancy';
    const response = await this.#call(
      what,
      () =>
        client.listUsers({
          compartmentId: credentials.tenancyId,
          ...(cursor ? { page: cursor } : {}),
          ...(this.options.pageSize ? { limit: this.options.pageSize } : {}),
          sortBy: requests.ListUsersRequest.SortBy.Name,
          sortOrder: requests.ListUsersRequest.SortOrder.Asc,
        }),
      signal,
    );
    const users = checked(UserListSchema, response.items, what, response.opcRequestId);
    for (const user of users) this.#userNames.set(user.id, user.name);
    const items = users.map((user) => toCloudUser(user, this.account.id, credentials.userId));
    return response.opcNextPage ? { items, next: response.opcNextPage } : { items };
  }

  // ---- keys -----------------------------------------------------------------------------------

  async #secretKeys(userId: string, signal?: AbortSignal): Promise<AccessKey[]> {
    const { client } = await this.#reader();
    const what = `listing the customer secret keys of user ${userId}`;
    const response = await this.#call(what, () => client.listCustomerSecretKeys({ userId }), signal);
    return checked(SecretKeyListSchema, response.items, what, response.opcRequestId)
      .map((key) => secretKeyToModel(key, this.account.id, userId))
      .filter((key): key is AccessKey => key !== undefined);
  }

  async #apiKeys(userId: string, signal?: AbortSignal): Promise<AccessKey[]> {
    const { client } = await this.#reader();
    const what = `listing the API signing keys of user ${userId}`;
    const response = await this.#call(what, () => client.listApiKeys({ userId }), signal);
    return checked(ApiKeyListSchema, response.items, what, response.opcRequestId)
      .map((key) => apiKeyToModel(key, this.account.id, userId))
      .filter((key): key is AccessKey => key !== undefined);
  }

  async listKeys(userId: string, signal?: AbortSignal): Promise<AccessKey[]> {
    const [secretKeys, apiKeys] = await Promise.all([this.#secretKeys(userId, signal), this.#apiKeys(userId, signal)]);
    const byAge = (a: AccessKey, b: AccessKey) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);
    return [...secretKeys.sort(byAge), ...apiKeys.sort(byAge)];
  }

  async createKey(userId: string, kind: KeyKind, opts: OciCreateKeyOptions, signal?: AbortSignal): Promise<CreatedKey> {
    if (opts.expiresAt) {
      throw new CloudError('invalid', 'OCI keys cannot be given an expiry date. Create the key without one.', { cloud: 'oci' });
    }
    return kind === 'access-key' ? this.#createSecretKey(userId, opts, signal) : this.#createApiKey(userId, opts, signal);
  }

  async #createSecretKey(userId: string, opts: OciCreateKeyOptions, signal?: AbortSignal): Promise<CreatedKey> {
    if (opts.publicKeyPem)
      throw new CloudError('invalid', 'A public key belongs to an API signing key, not a customer secret key.', { cloud: 'oci' });
    const displayName = checkKeyName(opts.displayName ?? '', { cloud: 'oci', what: 'display name', maxLength: OCI_DISPLAY_NAME_MAX });
    const existing = await this.#secretKeys(userId, signal);
    ensureRoomForKey('access-key', await this.#userName(userId, signal), existing);
    const { client } = await this.#writer(signal);
    const what = `creating a customer secret key for user ${userId}`;
    const opcRetryToken = randomUUID();
    const response = await this.#call(
      what,
      () => client.createCustomerSecretKey({ userId, opcRetryToken, createCustomerSecretKeyDetails: { displayName } }),
      signal,
    );
    const created = checked(CreatedSecretKeySchema, response.customerSecretKey, what, response.opcRequestId);
    const key = secretKeyToModel(created, this.account.id, userId);
    const secret = new Secret(created.key);
    if (!key) throw new CloudError('server', `OCI reported the new customer secret key as deleted while ${what}.`, { cloud: 'oci' });
    this.ctx.logger.info(`${LOG_PREFIX} created customer secret key ${key.id} for user ${userId}`);
    return { key, secret };
  }

  async #createApiKey(userId: string, opts: OciCreateKeyOptions, signal?: AbortSignal): Promise<CreatedKey> {
    const uploaded = checkApiKeyOptions(opts); // before any request
    const existing = await this.#apiKeys(userId, signal);
    const { publicKey, pair } = publicKeyToUpload(uploaded, opts, existing, await this.#userName(userId, signal));
    const { client } = await this.#writer(signal);
    const what = `uploading an API signing key for user ${userId}`;
    const opcRetryToken = randomUUID();
    const response = await this.#call(
      what,
      () => client.uploadApiKey({ userId, opcRetryToken, createApiKeyDetails: { key: publicKey.pem } }),
      signal,
    );
    const returned = checked(ApiKeySchema, response.apiKey, what, response.opcRequestId);
    if (returned.fingerprint.toLowerCase() !== publicKey.fingerprint) {
      throw new CloudError(
        'server',
        `OCI stored the key with fingerprint ${returned.fingerprint}, but its fingerprint is ${publicKey.fingerprint}. Check the key in the console before using it.`,
        { cloud: 'oci', requestId: response.opcRequestId },
      );
    }
    const key = apiKeyToModel(returned, this.account.id, userId);
    if (!key) throw new CloudError('server', `OCI reported the new API signing key as deleted while ${what}.`, { cloud: 'oci' });
    this.ctx.logger.info(`${LOG_PREFIX} uploaded API signing key ${key.id} for user ${userId}`);
    return pair ? { key, secret: pair.privateKey } : { key };
  }

  async updateKey(key: AccessKey, change: KeyChange, signal?: AbortSignal): Promise<AccessKey> {
    const kindName = key.kind === 'access-key' ? 'customer secret keys' : 'API signing keys';
    if (change.state !== undefined) {
      throw new CloudError('invalid', `OCI ${kindName} cannot be deactivated or reactivated; delete the key instead.`, { cloud: 'oci' });
    }
    if (change.expiresAt !== undefined) {
      throw new CloudError('invalid', `OCI ${kindName} have no expiry date to change.`, { cloud: 'oci' });
    }
    if (change.displayName === undefined) return key;
    if (key.kind !== 'access-key') {
      throw new CloudError('invalid', 'OCI API signing keys have no name to change.', { cloud: 'oci' });
    }
    checkKeyName(change.displayName, { cloud: 'oci', what: 'display name', maxLength: OCI_DISPLAY_NAME_MAX });
    const { client } = await this.#writer(signal);
    const what = `renaming customer secret key ${key.id}`;
    const response = await this.#call(
      what,
      () =>
        client.updateCustomerSecretKey({
          userId: key.userId,
          customerSecretKeyId: key.id,
          updateCustomerSecretKeyDetails: { displayName: change.displayName },
        }),
      signal,
    );
    const updated = secretKeyToModel(
      checked(SecretKeySummarySchema, response.customerSecretKeySummary, what, response.opcRequestId),
      this.account.id,
      key.userId,
    );
    if (!updated) throw new CloudError('not-found', `Customer secret key ${key.id} was deleted meanwhile.`, { cloud: 'oci' });
    this.ctx.logger.info(`${LOG_PREFIX} renamed customer secret key ${key.id} of user ${key.userId}`);
    return updated;
  }

  async deleteKey(key: AccessKey, signal?: AbortSignal): Promise<void> {
    const { client } = await this.#writer(signal);
    if (key.kind === 'access-key') {
      await this.#call(
        `deleting customer secret key ${key.id}`,
        () => client.deleteCustomerSecretKey({ userId: key.userId, customerSecretKeyId: key.id }),
        signal,
      );
    } else {
      const fingerprint = key.fingerprint ?? key.id;
      await this.#call(`deleting API signing key ${fingerprint}`, () => client.deleteApiKey({ userId: key.userId, fingerprint }), signal);
    }
    this.ctx.logger.info(
      `${LOG_PREFIX} deleted ${key.kind === 'api-signing-key' ? 'API signing key' : 'customer secret key'} ${key.id} of user ${key.userId}`,
    );
  }

  /**
   * API signing key: a real request signed with the new private key (reading its user), retried
   * briefly since a new key takes a moment to become usable. Customer secret key: OCI's identity
   * API cannot be called with it, so this checks the key is listed as ACTIVE.
   */
  async verifyKey(key: AccessKey, secret: Secret, signal?: AbortSignal): Promise<boolean> {
    if (key.kind === 'access-key') {
      const keys = await this.#secretKeys(key.userId, signal);
      return keys.some((candidate) => candidate.id === key.id && candidate.state === 'active');
    }
    const own = await this.#signing();
    let privateKey: Secret;
    try {
      privateKey = openPrivateKey(secret);
    } catch {
      throw new CloudError('invalid', 'The secret given to verify an API signing key is not an unencrypted PEM private key.', {
        cloud: 'oci',
      });
    }
    const credentials: SigningCredentials = {
      tenancyId: own.tenancyId,
      userId: key.userId,
      fingerprint: key.fingerprint ?? key.id,
      region: own.region,
      privateKey,
    };
    const client = createIdentityClient(credentials, this.#target(own.region), this.ctx.http);
    const attempts = this.options.verifyAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#call(`verifying API signing key ${credentials.fingerprint}`, () => client.getUser({ userId: key.userId }), signal);
        return true;
      } catch (error) {
        if (!(error instanceof CloudError) || error.code !== 'auth') throw error;
        if (attempt >= attempts) return false;
        await sleep(this.options.verifyDelayMs ?? 2_000, signal);
      }
    }
  }
}
