import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { CloudIdSchema, KeyKindSchema } from '../model/schemas';
import { lazySchema } from '../model/lazySchema';
import type { CredentialStore } from '../clouds/cloudModule';
import { Secret } from '../model/secret';
import type { AccessKey, CloudId } from '../model/types';
import type { Logger } from '../util/logger';

const PREFIX = 'cloudKeys/';
const KEY_PREFIX = `${PREFIX}key/`;
const CREDENTIAL_PREFIX = `${PREFIX}credential/`;

/** Every name this extension stores a secret under. */
export type SecretName = `${typeof KEY_PREFIX}${string}` | `${typeof CREDENTIAL_PREFIX}${string}`;

/** What is stored for a key created here: enough to export it later without asking the cloud. */
const StoredKeySecretSchema = lazySchema((z) =>
  z.object({
    version: z.literal(1),
    cloud: CloudIdSchema,
    accountId: z.string(),
    userId: z.string(),
    kind: KeyKindSchema,
    keyId: z.string(),
    secret: z.string(),
    storedAt: z.string(),
  }),
);

export function keySecretName(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): SecretName {
  return `${KEY_PREFIX}${key.accountId}/${key.kind}/${key.id}`;
}

/**
 * The one wrapper over VS Code's SecretStorage: typed names, JSON validated on read, and change
 * events (fired for changes made by other windows too) limited to this extension's names.
 */
export class SecretStore implements vscode.Disposable {
  readonly #onDidChange = new vscode.EventEmitter<SecretName>();
  readonly onDidChange = this.#onDidChange.event;
  readonly #subscription: vscode.Disposable;

  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly logger: Logger,
  ) {
    this.#subscription = storage.onDidChange((event) => {
      if (event.key.startsWith(PREFIX)) this.#onDidChange.fire(event.key as SecretName);
    });
  }

  /** Stores a new key's secret. Throws if SecretStorage refuses; the caller must then show it once. */
  async storeKeySecret(key: AccessKey, cloud: CloudId, secret: Secret): Promise<void> {
    const value = JSON.stringify({
      version: 1,
      cloud,
      accountId: key.accountId,
      userId: key.userId,
      kind: key.kind,
      keyId: key.id,
      secret: secret.reveal(),
      storedAt: new Date().toISOString(),
    } satisfies z.infer<typeof StoredKeySecretSchema>);
    await this.storage.store(keySecretName(key), value);
    if ((await this.storage.get(keySecretName(key))) !== value) {
      throw new Error('SecretStorage did not keep the value it was given');
    }
  }

  async getKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<Secret | undefined> {
    const raw = await this.storage.get(keySecretName(key));
    if (raw === undefined) return undefined;
    try {
      return new Secret(StoredKeySecretSchema.parse(JSON.parse(raw)).secret);
    } catch {
      this.logger.warn(`The stored secret of key ${key.id} is not in the expected format; ignoring it.`);
      return undefined;
    }
  }

  async hasKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<boolean> {
    return (await this.storage.get(keySecretName(key))) !== undefined;
  }

  async deleteKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<void> {
    await this.storage.delete(keySecretName(key));
  }

  /** Account credentials (passphrases, tokens, keys typed in by hand), as the adapters see them. */
  readonly credentials: CredentialStore = {
    get: async (name) => {
      const raw = await this.storage.get(`${CREDENTIAL_PREFIX}${name}`);
      return raw === undefined ? undefined : new Secret(raw);
    },
    store: async (name, value) => this.storage.store(`${CREDENTIAL_PREFIX}${name}`, value.reveal()),
    delete: async (name) => this.storage.delete(`${CREDENTIAL_PREFIX}${name}`),
  };

  /** Forgets every credential whose name starts with `account/<id>` or equals it. */
  async deleteAccountCredentials(names: readonly string[]): Promise<void> {
    await Promise.all(names.map((name) => this.storage.delete(`${CREDENTIAL_PREFIX}${name}`)));
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#onDidChange.dispose();
  }
}
