import { ACCOUNT_USER_ID } from '../clouds/outscale/constants';
import type { AccessKey, Account, CloudId, CloudUser } from '../model/types';
import { attr, blank, block, comment, str, type HclExpr, type HclItem, renderHcl } from './hcl';
import { importIdFor } from './importIds';
import { resourceName } from './resourceNames';
import { declaresSource, renderNewFile, type GeneratedTerraform, type ProviderRequirement } from './requiredProviders';
import { KEY_RESOURCES, resourceTypeFor, TERRAFORM_PROVIDERS, type KeyResourceType } from './resourceTypes';

export interface GenerateOptions {
  /**
   * Adds the rotation pattern to keys that have a secret: a `time_rotating` resource of this many
   * days that replaces the key (`replace_triggered_by`, `create_before_destroy`), and the secret as a
   * `sensitive` output. 0 or absent: no rotation.
   */
  readonly rotationDays?: number;
  /** Leaves out `terraform { required_providers }` (the file being written into declares them already). */
  readonly omitRequiredProviders?: boolean;
  /** Resource names already used where the HCL goes; new names avoid them. */
  readonly takenNames?: Iterable<string>;
}

const CLOUD_LABELS: Readonly<Record<CloudId, string>> = { oci: 'OCI', outscale: 'OUTSCALE', ionos: 'IONOS Cloud' };

const TIME_PROVIDER: ProviderRequirement = { localName: 'time', source: 'hashicorp/time' };

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function describeKey(account: Account, user: CloudUser, key: AccessKey): string {
  const facts = [
    key.state.toUpperCase(),
    key.createdAt ? `created ${day(key.createdAt)}` : undefined,
    key.expiresAt ? `expires ${day(key.expiresAt)}` : undefined,
  ];
  const what =
    key.kind === 'api-signing-key'
      ? `API signing key ${key.fingerprint ?? key.id}`
      : key.displayName
        ? `"${key.displayName}" (${key.id})`
        : `Key ${key.id}`;
  return `${what} of ${user.name} in ${account.label} (${CLOUD_LABELS[account.cloud]}): ${facts.filter(Boolean).join(', ')}.`;
}

/** The arguments of a key's resource, with the values the cloud reports now. */
function keyArguments(type: KeyResourceType, user: CloudUser, key: AccessKey, name: string): { body: HclItem[]; notes: string[] } {
  switch (type) {
    case 'oci_identity_customer_secret_key':
      return { body: [attr('display_name', str(key.displayName ?? key.id)), attr('user_id', str(user.id))], notes: [] };
    case 'oci_identity_api_key': {
      // key_value forces a new key when it changes: only the key's own public key keeps it.
      const value: HclExpr = key.publicKeyPem ? { heredoc: key.publicKeyPem.trim().split(/\r?\n/) } : `file("\${path.module}/${name}.pem")`;
      const notes = key.publicKeyPem
        ? []
        : [`Put the public key with fingerprint ${key.fingerprint ?? key.id} in ${name}.pem: any other key_value replaces this key.`];
      return { body: [attr('key_value', value), attr('user_id', str(user.id))], notes };
    }
    case 'outscale_access_key': {
      const body: HclItem[] = [];
      if (user.id !== ACCOUNT_USER_ID) body.push(attr('user_name', str(user.id)));
      if (key.state === 'active' || key.state === 'inactive') body.push(attr('state', str(key.state.toUpperCase())));
      if (key.expiresAt) body.push(attr('expiration_date', str(key.expiresAt.toISOString())));
      if (key.displayName) body.push(attr('tag', str(key.displayName)));
      return { body, notes: [] };
    }
    case 'ionoscloud_s3_key': {
      const body: HclItem[] = [attr('user_id', str(user.id))];
      if (key.state === 'active' || key.state === 'inactive') body.push(attr('active', String(key.state === 'active')));
      return { body, notes: [] };
    }
    case 'ionoscloud_object_storage_accesskey':
      // Owned by the contract: no user argument. The provider reads only IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT for its endpoint.
      return {
        body: key.displayName ? [attr('description', str(key.displayName))] : [],
        notes: [
          'Owned by the contract; Terraform reaches it through the Object Storage Management API (https://s3.ionos.com, or IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT).',
        ],
      };
  }
}

/** What an import means for the key's secret, per cloud. */
function importNote(type: KeyResourceType): string {
  if (type === 'oci_identity_api_key')
    return 'Terraform 1.5+ adopts the existing key on the next apply; an API signing key has no secret in state.';
  if (type === 'ionoscloud_s3_key') {
    return 'Terraform 1.5+ adopts the existing key on the next apply. IONOS returns secret_key on every read, so it lands in the state file: keep the state encrypted.';
  }
  const secret = KEY_RESOURCES[type].secretAttribute;
  return `Terraform 1.5+ adopts the existing key on the next apply. Its secret is not recoverable into state: ${secret} stays empty; keep using the secret where it was saved when the key was created.`;
}

function keyItems(
  account: Account,
  user: CloudUser,
  key: AccessKey,
  taken: Set<string>,
  rotationDays: number,
): { items: HclItem[]; rotates: boolean } | undefined {
  const type = resourceTypeFor(account.cloud, key.kind);
  if (!type) return undefined;
  const name = resourceName(key.displayName || (key.kind === 'api-signing-key' ? `${user.name}_api_key` : `${user.name}_key`), taken);
  const { body, notes } = keyArguments(type, user, key, name);
  const secret = KEY_RESOURCES[type].secretAttribute;
  const rotates = rotationDays > 0 && secret !== undefined;
  const items: HclItem[] = [];
  if (rotates) {
    items.push(block('resource', ['time_rotating', name], [attr('rotation_days', String(rotationDays))]), blank);
    body.push(
      blank,
      block('lifecycle', [], [attr('create_before_destroy', 'true'), attr('replace_triggered_by', `[time_rotating.${name}]`)]),
    );
  }
  items.push(comment([describeKey(account, user, key), ...notes].join('\n')), block('resource', [type, name], body), blank);
  items.push(
    comment(importNote(type)),
    block('import', [], [attr('to', `${type}.${name}`), attr('id', str(importIdFor(type, key)))]),
    blank,
  );
  if (rotates) {
    items.push(
      comment('None of the providers marks the secret sensitive: this output does.'),
      block('output', [`${name}_${secret}`], [attr('value', `${type}.${name}.${secret}`), attr('sensitive', 'true')]),
      blank,
    );
  }
  return { items, rotates };
}

/**
 * The resources (with `import` blocks) of some keys of one user, formatted as `terraform fmt` would.
 * Keys no Terraform resource manages are skipped. No secret is ever written.
 */
export function generateKeysTerraform(
  account: Account,
  user: CloudUser,
  keys: readonly AccessKey[],
  options: GenerateOptions = {},
): string {
  return renderNewFile(keysTerraform(account, user, keys, options), options.omitRequiredProviders);
}

/** `generateKeysTerraform` in parts: the providers it needs, and the rest. */
export function keysTerraform(
  account: Account,
  user: CloudUser,
  keys: readonly AccessKey[],
  options: GenerateOptions = {},
): GeneratedTerraform {
  const taken = new Set(options.takenNames ?? []);
  const parts = keys.map((key) => keyItems(account, user, key, taken, options.rotationDays ?? 0)).filter((p) => p !== undefined);
  const providers = [TERRAFORM_PROVIDERS[account.cloud], ...(parts.some((p) => p.rotates) ? [TIME_PROVIDER] : [])];
  const items: HclItem[] = [];
  if (parts.length === 0) items.push(comment(`${user.name} has no key a Terraform resource manages.`));
  for (const part of parts) items.push(...part.items);
  return { providers, body: renderHcl(items), placeAfter: ['resource'] };
}

function providerBody(account: Account): { body: HclItem[]; notes: string[] } {
  const { origin } = account;
  const body: HclItem[] = [];
  const notes: string[] = [];
  switch (account.cloud) {
    case 'oci':
      if (origin.kind === 'config-file') {
        body.push(attr('config_file_profile', str(origin.profile)));
        notes.push(`Credentials come from profile ${origin.profile} of ${origin.path}; the OCI provider reads ~/.oci/config.`);
        if (account.details?.auth === 'session-token') {
          body.push(attr('auth', str('SecurityToken')));
          notes.push(
            `Profile ${origin.profile} signs in with a session token: run \`oci session refresh --profile ${origin.profile}\` before terraform when it has expired.`,
          );
        }
      } else {
        notes.push('Give the provider the credentials of a profile of ~/.oci/config (config_file_profile): never put a private key here.');
      }
      if (account.region) body.push(attr('region', str(account.region)));
      break;
    case 'outscale':
      if (origin.kind === 'config-file') {
        body.push(attr('config_file', str(origin.path)), attr('profile', str(origin.profile)));
        notes.push(`Credentials come from profile ${origin.profile} of ${origin.path}.`);
      } else {
        notes.push(
          origin.kind === 'environment'
            ? `Credentials come from the environment (${origin.variables.join(', ')}).`
            : 'Set OSC_ACCESS_KEY and OSC_SECRET_KEY in the environment: never put a secret key here.',
        );
        if (account.region) body.push(block('api', [], [attr('region', str(account.region))]));
      }
      break;
    case 'ionos':
      notes.push(
        origin.kind === 'environment'
          ? `Credentials come from the environment (${origin.variables.join(', ')}).`
          : 'Set IONOS_TOKEN (or IONOS_USERNAME and IONOS_PASSWORD) in the environment: never put a secret here.',
      );
      if (account.details?.contractNumber) body.push(attr('contract_number', str(account.details.contractNumber)));
      if (account.endpoint) body.push(attr('endpoint', str(account.endpoint)));
      break;
  }
  return { body, notes };
}

/** A provider block that uses the account's own credential source (a config-file profile, the environment), never a secret literal. */
export function generateAccountTerraform(account: Account, options: GenerateOptions = {}): string {
  return renderNewFile(accountTerraform(account), options.omitRequiredProviders);
}

/** `generateAccountTerraform` in parts: the provider it needs, and its provider block. */
export function accountTerraform(account: Account): GeneratedTerraform {
  const provider = TERRAFORM_PROVIDERS[account.cloud];
  const { body, notes } = providerBody(account);
  const items = [comment([`${account.label}`, ...notes].join('\n')), block('provider', [provider.localName], body)];
  return { providers: [provider], body: renderHcl(items), placeAfter: ['provider', 'terraform'] };
}

/** Whether a file's text already declares the cloud's provider in `required_providers`. */
export function declaresProvider(text: string, cloud: CloudId): boolean {
  return declaresSource(text, TERRAFORM_PROVIDERS[cloud].source);
}
