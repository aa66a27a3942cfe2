/**
 * The contract's Object Storage access keys, through IONOS's Object Storage Management API
 * (sdk-go-bundle objectstoragemanagement v2.0.0, docs/api/AccesskeysApi.md): list (paged by
 * `offset`/`limit`), create (`description`), ensure (`PUT`, the description), renew (a new secret
 * for the same key), delete. Keys are owned by the contract, not by a user, so the provider shows
 * them under one entry of their own (`contractKeysEntry`).
 *
 * Writes are asynchronous: a key is PROVISIONING while being created or updated and DESTROYING
 * once deleted (MetadataWithStatus.md); each write here is followed to its end by reading the key.
 */
import type { CreatedKey } from '../provider';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import type { AccessKey, CloudUser, KeyState } from '../../model/types';
import { CONTRACT_KEYS_ENTRY_ID } from './constants';
import type { Logger } from '../../util/logger';
import { sleep } from '../shared/retry';
import type { IonosApiClient } from './apiClient';
import { date } from './mapping';
import { AccessKeyListSchema, AccessKeyReadSchema, AccessKeyWithSecretSchema, type WireAccessKey } from './objectStorageSchemas';
import type { PollPolicy } from './requestStatus';
import { LOG_PREFIX } from './logPrefix';

export { CONTRACT_KEYS_ENTRY_ID };

/** The docs' default page size (AccesskeysGet `limit`, default 100); the docs give no maximum. */
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGES = 100;

export function contractKeysEntry(accountId: string): CloudUser {
  return {
    id: CONTRACT_KEYS_ENTRY_ID,
    accountId,
    name: 'Object Storage access keys (contract)',
    isCaller: false,
    keyKinds: ['object-storage-access-key'],
    note: 'owned by the contract, for contract-owned buckets',
  };
}

const STATES: Readonly<Record<string, KeyState>> = {
  AVAILABLE: 'active',
  PROVISIONING: 'creating',
  DESTROYING: 'deleting',
  FAILED: 'failed',
};

/** The model key: `id` is the access key (what S3 tools and exports use), `resourceId` the UUID the API and Terraform use. */
export function toContractKey(wire: WireAccessKey, accountId: string): AccessKey {
  const m = wire.metadata;
  const p = wire.properties;
  const message = m?.statusMessage?.trim();
  return {
    id: p?.accessKey?.trim() || wire.id,
    resourceId: wire.id,
    accountId,
    userId: CONTRACT_KEYS_ENTRY_ID,
    kind: 'object-storage-access-key',
    state: STATES[m?.status ?? ''] ?? 'unknown',
    ...(p?.description ? { displayName: p.description } : {}),
    ...(message ? { stateMessage: message.slice(0, 300) } : {}),
    ...(m?.administrative === true || m?.administrative === false ? { administrative: m.administrative } : {}),
    ...(m?.supportedRegions ? { regions: m.supportedRegions } : {}),
    createdAt: date(m?.createdDate),
  };
}

function keyPath(key: Pick<AccessKey, 'id' | 'resourceId'>): string {
  return `/accesskeys/${encodeURIComponent(key.resourceId ?? key.id)}`;
}

function described(key: Pick<AccessKey, 'id' | 'displayName'>): string {
  return key.displayName ? `"${key.displayName}"` : key.id.slice(0, 12);
}

export class ContractAccessKeys {
  constructor(
    private readonly api: () => IonosApiClient,
    private readonly accountId: string,
    private readonly options: {
      readonly logger: Logger;
      readonly poll: PollPolicy;
      readonly now?: () => number;
      readonly pageSize?: number;
    },
  ) {}

  async list(signal?: AbortSignal): Promise<AccessKey[]> {
    const keys: AccessKey[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page += 1) {
      const { data } = await this.api().call(
        {
          method: 'GET',
          path: '/accesskeys',
          query: { offset, limit: this.options.pageSize ?? DEFAULT_PAGE_SIZE },
          schema: AccessKeyListSchema,
          context: { operation: "listing the contract's Object Storage access keys" },
        },
        signal,
      );
      const items = data?.items ?? [];
      keys.push(...items.map((wire) => toContractKey(wire, this.accountId)));
      // `_links.next` is "only present if offset + limit is less than the total" (Links.md).
      if (!data?._links?.next || items.length === 0) return keys;
      offset += items.length;
    }
    return keys;
  }

  async create(description: string, signal?: AbortSignal): Promise<CreatedKey> {
    const operation = 'creating an Object Storage access key';
    // AccessKeyCreate: `properties` with `description` required (AccessKey.md); the rest is read-only.
    const { data } = await this.api().call(
      {
        method: 'POST',
        path: '/accesskeys',
        body: { properties: { description } },
        schema: AccessKeyWithSecretSchema,
        context: { operation },
      },
      signal,
    );
    const created = toContractKey(data!, this.accountId);
    const raw = data!.properties?.secretKey;
    const secret = raw ? new Secret(raw) : undefined;
    this.options.logger.info(`${LOG_PREFIX} created Object Storage access key ${created.resourceId} (${created.state})`);
    const settled = await this.#follow(created, operation, signal);
    if (!secret)
      this.options.logger.warn(`IONOS did not return the secret of the new access key ${created.resourceId}; renew the key to get one.`);
    return secret ? { key: settled, secret } : { key: settled };
  }

  async describe(key: AccessKey, description: string, signal?: AbortSignal): Promise<AccessKey> {
    const operation = `changing the description of Object Storage access key ${described(key)}`;
    // AccessKeyEnsure: `properties` with `description` required; `id` optional.
    const { data } = await this.api().call(
      {
        method: 'PUT',
        path: keyPath(key),
        body: { properties: { description } },
        schema: AccessKeyReadSchema,
        bodyOptional: true,
        context: { operation },
      },
      signal,
    );
    return this.#follow(data ? toContractKey(data, this.accountId) : key, operation, signal);
  }

  /**
   * A new secret for the same key (`PUT /accesskeys/{id}/renew`, answered with AccessKeyRead, whose
   * model requires `secretKey`). UNCONFIRMED: the docs do not say in words that the answer carries the
   * new secret, nor whether the access key itself stays the same; both are read from the answer.
   */
  async renew(key: AccessKey, signal?: AbortSignal): Promise<CreatedKey & { readonly secret: Secret }> {
    const operation = `renewing Object Storage access key ${described(key)}`;
    const { data, requestId } = await this.api().call(
      { method: 'PUT', path: `${keyPath(key)}/renew`, schema: AccessKeyWithSecretSchema, context: { operation } },
      signal,
    );
    const raw = data!.properties?.secretKey;
    if (!raw) {
      throw new CloudError(
        'server',
        `IONOS renewed Object Storage access key ${described(key)} but did not return its new secret, so the old one no longer works and the new one is unknown. Renew it again, or create a new key.`,
        { cloud: 'ionos', requestId },
      );
    }
    const secret = new Secret(raw);
    this.options.logger.info(`${LOG_PREFIX} renewed Object Storage access key ${key.resourceId ?? key.id}`);
    return { key: await this.#follow(toContractKey(data!, this.accountId), operation, signal), secret };
  }

  async delete(key: AccessKey, signal?: AbortSignal): Promise<void> {
    const operation = `deleting Object Storage access key ${described(key)}`;
    await this.api().call({ method: 'DELETE', path: keyPath(key), context: { operation } }, signal);
    await this.#follow({ ...key, state: 'deleting' }, operation, signal);
    this.options.logger.info(`${LOG_PREFIX} deleted Object Storage access key ${key.resourceId ?? key.id}`);
  }

  /** The key as IONOS has it now; `undefined` once it is gone. */
  async read(key: Pick<AccessKey, 'id' | 'resourceId'>, signal?: AbortSignal): Promise<AccessKey | undefined> {
    try {
      const { data } = await this.api().call(
        {
          method: 'GET',
          path: keyPath(key),
          schema: AccessKeyReadSchema,
          context: { operation: `reading Object Storage access key ${key.resourceId ?? key.id}` },
        },
        signal,
      );
      return toContractKey(data!, this.accountId);
    } catch (error) {
      if (error instanceof CloudError && error.code === 'not-found') return undefined;
      throw error;
    }
  }

  /**
   * Reads the key until it leaves PROVISIONING or DESTROYING, with bounded backoff and a time limit.
   * Returns it as it ends (a deleted key: as last seen); throws when it ends FAILED, naming why.
   */
  async #follow(key: AccessKey, operation: string, signal?: AbortSignal): Promise<AccessKey> {
    const now = this.options.now ?? Date.now;
    const policy = this.options.poll;
    const deadline = now() + policy.timeoutMs;
    let delay = policy.initialDelayMs;
    let current = key;
    for (;;) {
      if (current.state === 'failed') {
        throw new CloudError(
          'server',
          `IONOS could not complete ${operation}${current.stateMessage ? `: ${current.stateMessage}` : ''}. The key is marked FAILED; delete it and create a new one.`,
          { cloud: 'ionos', cloudCode: 'FAILED' },
        );
      }
      if (current.state !== 'creating' && current.state !== 'deleting') return current;
      if (now() + delay > deadline) {
        throw new CloudError(
          'server',
          `IONOS is still ${current.state === 'deleting' ? 'deleting' : 'provisioning'} the key after ${Math.round(policy.timeoutMs / 1000)} s (${operation}). It will finish on its own; refresh later to see the result.`,
          { cloud: 'ionos', cloudCode: current.state === 'deleting' ? 'DESTROYING' : 'PROVISIONING' },
        );
      }
      await sleep(delay, signal);
      delay = Math.min(policy.maxDelayMs, delay * 2);
      const read = await this.read(current, signal);
      if (!read) return current;
      if (read.state !== current.state) this.options.logger.debug(`IONOS access key ${read.resourceId}: ${read.state}`);
      current = read;
    }
  }
}
