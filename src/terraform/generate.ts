import type { TerraformAttribute, TerraformValue } from '../clouds/cloudDescriptor';
import { CLOUD_ENGINE_PARTS } from '../clouds/engineParts';
import { CLOUD_NAMES, type AccessKey, type Account, type CloudId, type CloudUser } from '../model/types';
import { attr, blank, block, comment, str, type HclExpr, type HclItem, renderHcl } from './hcl';
import { importIdFor } from './importIds';
import { resourceName } from './resourceNames';
import { declaresSource, renderNewFile, type GeneratedTerraform, type ProviderRequirement } from './requiredProviders';
import { KEY_RESOURCES, resourceTypeFor, TERRAFORM_PROVIDERS } from './resourceTypes';

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
  return `${what} of ${user.name} in ${account.label} (${CLOUD_NAMES[account.cloud]}): ${facts.filter(Boolean).join(', ')}.`;
}

/** HCL items of a cloud's settings: attributes in order, those with a `block` gathered in that block where its first one stands. */
function settingsItems(attributes: readonly TerraformAttribute[]): HclItem[] {
  const items: HclItem[] = [];
  const nested = new Map<string, HclItem[]>();
  for (const a of attributes) {
    const item = attr(a.name, hclValue(a.value));
    if (a.block === undefined) items.push(item);
    else if (nested.has(a.block)) nested.get(a.block)!.push(item);
    else {
      const body = [item];
      nested.set(a.block, body);
      items.push(block(a.block, [], body));
    }
  }
  return items;
}

function hclValue(value: TerraformValue): HclExpr {
  if ('string' in value) return str(value.string);
  if ('expression' in value) return value.expression;
  return { heredoc: value.heredoc };
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
  const writer = CLOUD_ENGINE_PARTS[account.cloud].terraformWriter.resources[type];
  const { attributes, notes } = writer.arguments(user, key, name);
  const body = settingsItems(attributes);
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
    comment(writer.importNote),
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

/** A provider block that uses the account's own credential source (a config-file profile, the environment), never a secret literal. */
export function generateAccountTerraform(account: Account, options: GenerateOptions = {}): string {
  return renderNewFile(accountTerraform(account), options.omitRequiredProviders);
}

/** `generateAccountTerraform` in parts: the provider it needs, and its provider block. */
export function accountTerraform(account: Account): GeneratedTerraform {
  const provider = TERRAFORM_PROVIDERS[account.cloud];
  const { attributes, notes } = CLOUD_ENGINE_PARTS[account.cloud].terraformWriter.providerSettings(account);
  const items = [comment([`${account.label}`, ...notes].join('\n')), block('provider', [provider.localName], settingsItems(attributes))];
  return { providers: [provider], body: renderHcl(items), placeAfter: ['provider', 'terraform'] };
}

/** Whether a file's text already declares the cloud's provider in `required_providers`. */
export function declaresProvider(text: string, cloud: CloudId): boolean {
  return declaresSource(text, TERRAFORM_PROVIDERS[cloud].source);
}
