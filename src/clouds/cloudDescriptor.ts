import type { AccessKey, Account, AccountOrigin, CloudUser, KeyKind } from '../model/types';

/**
 * What the rest of the extension needs to know about a cloud without loading its adapter: the words
 * for its keys, the kinds it offers, what its forms ask, its S3 endpoints, how a rotation verifies a
 * key, and its Terraform resources. Each cloud states it in `src/clouds/<cloud>/descriptor.ts`,
 * registered in `src/clouds/descriptors.ts`. Pure and small: the extension bundle holds every
 * descriptor, so a descriptor imports no SDK and nothing of the adapter but its constants.
 */
export interface CloudDescriptor {
  /** How the adapter's log lines begin (`OCI:`). */
  readonly logPrefix: string;
  /** The kinds of key a user of this cloud holds; an entry that holds others says so itself (`CloudUser.keyKinds`). */
  readonly userKeyKinds: readonly KeyKind[];
  /** What this cloud calls an `access-key` ("customer secret key"). */
  readonly accessKeyName: string;
  /** What a new access key's result view calls its secret ("Secret access key"). */
  readonly accessKeySecretLabel: string;
  /** What the Create Key form calls a key's name, where the key has one ("Tag"). */
  readonly keyNameLabel: string;
  /** What the Create Key command asks for a new key of each kind (nothing for a kind not listed). */
  readonly createPrompts: Readonly<Partial<Record<KeyKind, CreatePrompt>>>;
  /** A key id short enough for a tree row, where this cloud's ids need their own rule; undefined: the common rule. */
  shortKeyId?(id: string): string | undefined;
  /** The words a leak finding uses for this cloud's secret and token. */
  readonly leakWords: { readonly secret: string; readonly token: string };
  /** Where an account's API token is, when it signs in with one Cloud Keys can read without a call. */
  readonly accountToken?: { readonly environmentVariable: string; readonly manualField: string };
  /** How a rotation verifies a new key of a kind, for the kinds whose new key signs a real call. */
  readonly rotationVerification: Readonly<Partial<Record<KeyKind, string>>>;
  /** Whether a rotated key carries the old key's lifetime over (keys whose expiry is set at creation). */
  readonly rotationCarriesExpiry: boolean;
  /** Whether an API signing key generated here can be saved with a profile of the cloud's config file. */
  readonly offersConfigProfile: boolean;
  readonly s3: S3Rule;
  readonly terraform: TerraformData;
}

/**
 * `name`: a display name; `description`: a description; `key-pair`: generate or upload an RSA key
 * pair; `expiry`: an expiry date (with the default expiry setting).
 */
export type CreatePrompt = 'name' | 'description' | 'key-pair' | 'expiry';

/** Where a key's S3-compatible buckets are: a region (and an Object Storage namespace), or a location. */
export interface S3Place {
  readonly region?: string;
  readonly namespace?: string;
  readonly location?: string;
}

export interface S3Rule {
  /**
   * What an export asks besides the account's region: `namespace`: the Object Storage namespace (read
   * from the cloud); `location`: one of `locations`.
   */
  readonly needs: 'region' | 'namespace' | 'location';
  /** The region used when the account names none. */
  readonly defaultRegion?: string;
  /** The locations and their endpoints, where the cloud has a fixed list. */
  readonly locations?: Readonly<Record<string, string>>;
  /** The endpoint and the region an S3 tool should use; throws a message naming what to fix. */
  endpoint(place: S3Place): { endpointUrl: string; region: string };
}

/** A value in the HCL written for a cloud: a string (quoted when written), an expression, or a heredoc. */
export type TerraformValue = { readonly string: string } | { readonly expression: string } | { readonly heredoc: readonly string[] };

/** An attribute of a block; `block` nests it in a block of that type inside the one written. */
export interface TerraformAttribute {
  readonly name: string;
  readonly value: TerraformValue;
  readonly block?: string;
}

/** What to write: attributes in order, and notes for the comment above them. */
export interface TerraformSettings {
  readonly attributes: readonly TerraformAttribute[];
  readonly notes: readonly string[];
}

/** A Terraform resource that manages one kind of key. */
export interface TerraformKeyResource {
  readonly type: string;
  readonly kind: KeyKind;
  /** The computed attribute holding the secret; none of the providers marks it sensitive. */
  readonly secretAttribute?: string;
  /** The argument naming the user; none for a key owned by the contract. */
  readonly userArgument?: 'user_id' | 'user_name';
  /** The `CloudUser.id` of the entry that lists keys without a user argument. */
  readonly ownerEntryId?: string;
  /** The id `terraform import` takes for the key, in the provider's own format. */
  importId(key: Pick<AccessKey, 'id' | 'userId' | 'fingerprint' | 'resourceId'>): string;
  /** Reads an import id back; undefined when it does not have the provider's format. */
  parseImportId(id: string): { readonly keyId: string; readonly userId?: string } | undefined;
}

/** What the Terraform lenses and the generator need to know of a cloud's provider. */
export interface TerraformData {
  /** The provider as `required_providers` names it. */
  readonly provider: { readonly localName: string; readonly source: string };
  readonly keyResources: readonly TerraformKeyResource[];
}

/**
 * What the Terraform generator writes for a cloud, in `src/clouds/<cloud>/terraformWriter.ts`,
 * registered in `src/clouds/engineParts.ts`: kept apart from the descriptor so that the extension
 * bundle does not hold it.
 */
export interface TerraformWriter {
  /** The provider block for an account: its own credential source (a profile, the environment), never a secret. */
  providerSettings(account: Account): TerraformSettings;
  /** For each of the descriptor's key resource types: its arguments, and what an import means for the key's secret. */
  readonly resources: Readonly<Record<string, TerraformResourceWriter>>;
}

export interface TerraformResourceWriter {
  /** The arguments of the key's resource, with the values the cloud reports now; `name` is the resource's name. */
  arguments(user: CloudUser, key: AccessKey, name: string): TerraformSettings;
  readonly importNote: string;
}

/** The note an import gets where the provider cannot read the secret back into state. */
export function secretNotInStateNote(secretAttribute: string): string {
  return `Terraform 1.5+ adopts the existing key on the next apply. Its secret is not recoverable into state: ${secretAttribute} stays empty; keep using the secret where it was saved when the key was created.`;
}

/** Where the provider finds credentials of an account not read from a config file: the environment variables it came from, else `otherwise`. */
export function environmentNote(origin: AccountOrigin, otherwise: string): string {
  return origin.kind === 'environment' ? `Credentials come from the environment (${origin.variables.join(', ')}).` : otherwise;
}

/** An import id of the form `re` describes, with the user in its first group and the key in its second. */
export function userAndKeyId(re: RegExp, id: string): { keyId: string; userId: string } | undefined {
  const m = re.exec(id.trim());
  return m ? { userId: m[1], keyId: m[2] } : undefined;
}
