/** The cloud-neutral model every layer above the adapters speaks. */

export type CloudId = 'oci' | 'outscale' | 'ionos';

export const CLOUD_IDS: readonly CloudId[] = ['oci', 'outscale', 'ionos'];

/** What a key is: an S3-style access key pair, or a public key used to sign API requests. */
export type KeyKind = 'access-key' | 'api-signing-key';

export type KeyState = 'active' | 'inactive' | 'creating' | 'deleting' | 'unknown';

export interface Account {
  /** Stable across sessions: the cloud plus the profile or credential source. */
  readonly id: string;
  readonly cloud: CloudId;
  /** What the user calls it: the profile name, or a name they typed. */
  readonly label: string;
  /** Where it came from, for tooltips: a config file path, environment variables, or "entered by hand". */
  readonly source: string;
  readonly region?: string;
}

export interface CloudUser {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  /** True for the identity the account's credentials belong to. */
  readonly isCaller: boolean;
  readonly email?: string;
}

export interface AccessKey {
  /** For access keys, the public access key id; for API signing keys, the cloud's key id. */
  readonly id: string;
  readonly accountId: string;
  readonly userId: string;
  readonly kind: KeyKind;
  readonly state: KeyState;
  readonly displayName?: string;
  readonly createdAt?: Date;
  readonly expiresAt?: Date;
  readonly lastUsedAt?: Date;
  /** For API signing keys: the fingerprint of the public key. */
  readonly fingerprint?: string;
}

export interface KeyCapabilities {
  readonly maxKeysPerUser: number;
  readonly canDeactivate: boolean;
  readonly canExpire: boolean;
  readonly canRename: boolean;
  /** True where the cloud returns the secret on later reads (IONOS), not only at creation. */
  readonly secretReadableLater: boolean;
  /** True where a key must be inactive before it can be deleted. */
  readonly mustDeactivateBeforeDelete: boolean;
}
