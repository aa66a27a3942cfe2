import type { Secret } from '../model/secret';
import type { AccessKey, CloudId, CloudUser, KeyCapabilities, KeyKind, KeyState } from '../model/types';

export interface CreateKeyOptions {
  readonly displayName?: string;
  readonly expiresAt?: Date;
  /** For API signing keys: a PEM public key to upload instead of a generated pair. */
  readonly publicKeyPem?: string;
  /** For API signing keys generated locally: the RSA modulus size. */
  readonly keyBits?: 2048 | 4096;
}

export interface KeyChange {
  readonly state?: Extract<KeyState, 'active' | 'inactive'>;
  readonly displayName?: string;
  /** `null` clears the expiry. */
  readonly expiresAt?: Date | null;
}

export interface CreatedKey {
  readonly key: AccessKey;
  /** The secret half, where the cloud returns one; it exists only here, once. */
  readonly secret?: Secret;
}

/**
 * What every cloud adapter implements. Adapters never import `vscode`, and every failure leaves
 * them as a `CloudError`.
 */
export interface CloudProvider {
  readonly cloud: CloudId;
  capabilities(kind: KeyKind): KeyCapabilities;
  whoAmI(signal?: AbortSignal): Promise<CloudUser>;
  listUsers(cursor?: string, signal?: AbortSignal): Promise<{ items: CloudUser[]; next?: string }>;
  listKeys(userId: string, signal?: AbortSignal): Promise<AccessKey[]>;
  createKey(userId: string, kind: KeyKind, opts: CreateKeyOptions, signal?: AbortSignal): Promise<CreatedKey>;
  updateKey(key: AccessKey, change: KeyChange, signal?: AbortSignal): Promise<AccessKey>;
  deleteKey(key: AccessKey, signal?: AbortSignal): Promise<void>;
  /** A real signed call with the new credentials, where the cloud allows one. */
  verifyKey(key: AccessKey, secret: Secret, signal?: AbortSignal): Promise<boolean>;
  /**
   * Gives the key a new secret while it keeps its id, where the cloud can (`capabilities().canRenew`).
   * The old secret stops working at once. Returns the key as it is afterwards and its new secret.
   */
  renewKey?(key: AccessKey, signal?: AbortSignal): Promise<CreatedKey & { readonly secret: Secret }>;
  /** Reads a key's secret back from the cloud, where it allows that (`capabilities().secretReadableLater`). */
  revealSecret?(key: AccessKey, signal?: AbortSignal): Promise<Secret>;
  /**
   * The account's Object Storage namespace, which names its S3-compatible endpoint, where the cloud
   * has one (OCI); read once and kept for the session.
   */
  objectStorageNamespace?(signal?: AbortSignal): Promise<string>;
  /**
   * True for the key this account's own calls are signed with, as far as the account's
   * configuration names it (no call): deleting or deactivating it locks Cloud Keys, and every tool
   * using the same configuration, out of the account.
   */
  signsWith?(key: AccessKey): boolean;
}
