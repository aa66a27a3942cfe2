import { InvalidArgumentError, Option } from 'commander';
import { lazySchema } from '../../model/lazySchema';
import { CloudIdSchema } from '../../model/schemas';
import { CLOUD_IDS, type CloudId } from '../../model/types';
import { DEFAULT_KEY_HEALTH_POLICY } from '../../operations/keyHealth';
import { FORMAT_NAMES, type FormatName } from '../formats/formats';
import { zodRuntime } from '../../model/zodRuntime';

/** What `cloud-keys audit` was asked for, checked. */
export interface AuditOptions {
  readonly maxAgeDays: number;
  readonly expiryWarningDays: number;
  /** Empty: every cloud. */
  readonly clouds: readonly CloudId[];
  /** Account labels or ids; empty: every account. */
  readonly accounts: readonly string[];
  /** Undefined: a table on a terminal, JSON otherwise. */
  readonly format?: FormatName;
  readonly verbose: boolean;
}

function wholeNumber(flag: string, min: number) {
  const z = zodRuntime();
  const schema = z.int().check(z.minimum(min));
  return (text: string): number => {
    const parsed = schema.safeParse(/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);
    if (!parsed.success) throw new InvalidArgumentError(`${flag} takes a whole number of days, ${min} or more (for example ${flag} 90).`);
    return parsed.data;
  };
}

/** `--cloud oci,ionos` and `--cloud oci --cloud ionos` alike (also used by scan and uses). */
export function cloudList(text: string, previous: CloudId[] | undefined): CloudId[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !(CLOUD_IDS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new InvalidArgumentError(
      `"${text}" is not a cloud: choose from ${CLOUD_IDS.join(', ')} (several with commas or repeated --cloud).`,
    );
  }
  return [...new Set([...(previous ?? []), ...(names as CloudId[])])];
}

export function accountList(text: string, previous: string[] | undefined): string[] {
  if (text.trim() === '') throw new InvalidArgumentError('--account takes an account name (its profile name or label) or id.');
  return [...(previous ?? []), text.trim()];
}

/** The audit's options, for commander: parsing and checking each value. */
export function auditOptionDefinitions(): Option[] {
  return [
    new Option('--max-age-days <days>', 'keys older than this break the policy')
      .argParser(wholeNumber('--max-age-days', 1))
      .default(DEFAULT_KEY_HEALTH_POLICY.maxAgeDays),
    new Option('--expiry-warning-days <days>', 'keys expiring within this many days break the policy')
      .argParser(wholeNumber('--expiry-warning-days', 0))
      .default(DEFAULT_KEY_HEALTH_POLICY.expiryWarningDays),
    new Option('--cloud <cloud>', `only these clouds: ${CLOUD_IDS.join(', ')} (repeat or separate with commas)`).argParser(cloudList),
    new Option('--account <name>', 'only this account, by profile name, label or id (repeatable)').argParser(accountList),
    new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMAT_NAMES),
  ];
}

const ParsedSchema = lazySchema((z) =>
  z.object({
    maxAgeDays: z.int(),
    expiryWarningDays: z.int(),
    cloud: z.optional(z.array(CloudIdSchema)),
    account: z.optional(z.array(z.string())),
    format: z.optional(z.enum(FORMAT_NAMES)),
    verbose: z.optional(z.boolean()),
  }),
);

/** Commander's parsed values as AuditOptions. */
export function toAuditOptions(parsed: unknown): AuditOptions {
  const options = ParsedSchema.parse(parsed);
  return {
    maxAgeDays: options.maxAgeDays,
    expiryWarningDays: options.expiryWarningDays,
    clouds: options.cloud ?? [],
    accounts: options.account ?? [],
    ...(options.format ? { format: options.format } : {}),
    verbose: options.verbose ?? false,
  };
}
