import { InvalidArgumentError, Option } from 'commander';
import { lazySchema } from '../../model/lazySchema';
import { CloudIdSchema } from '../../model/schemas';
import { CLOUD_IDS } from '../../model/types';
import { accountList, cloudList } from '../audit/auditOptions';
import { UsageError } from '../exitCodes';
import type { InventoryRequest } from '../inventory';
import { zodRuntime } from '../../model/zodRuntime';

export const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** `--fail-on`: the least severity that makes the scan exit 1. */
export const FAIL_ON = ['error', 'warning', 'info'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Files larger than this are skipped unless `--max-file-kb` says otherwise (the editor's `cloudKeys.keyUses.maxFileSizeKB` default). */
export const DEFAULT_MAX_FILE_KB = 2048;

/** What `cloud-keys scan` was asked for, checked. */
export interface ScanOptions extends InventoryRequest {
  /** Files and folders to scan; empty with `staged` false: the current folder. */
  readonly paths: readonly string[];
  /** Scan git's index (what `git commit` would record) rather than files. */
  readonly staged: boolean;
  /** False with `--offline` / `--no-inventory`: no account is read, findings are by shape only. */
  readonly inventory: boolean;
  readonly failOn: FailOn;
  readonly format: ScanFormat;
  readonly maxFileBytes: number;
}

export function kilobytes(text: string): number {
  const z = zodRuntime();
  const parsed = z
    .int()
    .check(z.minimum(1))
    .safeParse(/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
  if (!parsed.success)
    throw new InvalidArgumentError('--max-file-kb takes a whole number of kilobytes, 1 or more (for example --max-file-kb 4096).');
  return parsed.data;
}

/** The scan's options, for commander. */
export function scanOptionDefinitions(): Option[] {
  return [
    new Option('--staged', "scan the files staged for commit (git's index, not the working tree): for a pre-commit hook"),
    new Option('--fail-on <severity>', 'exit 1 when a finding is this severe or more').choices(FAIL_ON).default('error'),
    new Option('--format <format>', 'output format').choices(SCAN_FORMATS).default('text'),
    new Option('--offline', 'read no account: find credentials by shape only, with no owner (same as --no-inventory)'),
    new Option('--no-inventory', 'read no account (same as --offline)'),
    new Option('--cloud <cloud>', `only these clouds: ${CLOUD_IDS.join(', ')} (repeat or separate with commas)`).argParser(cloudList),
    new Option('--account <name>', 'attribute to these accounts only, by profile name, label or id (repeatable)').argParser(accountList),
    new Option('--max-file-kb <kb>', 'skip files larger than this').argParser(kilobytes).default(DEFAULT_MAX_FILE_KB),
  ];
}

const ParsedSchema = lazySchema((z) =>
  z.object({
    staged: z.optional(z.boolean()),
    failOn: z.enum(FAIL_ON),
    format: z.enum(SCAN_FORMATS),
    offline: z.optional(z.boolean()),
    inventory: z.boolean(),
    cloud: z.optional(z.array(CloudIdSchema)),
    account: z.optional(z.array(z.string())),
    maxFileKb: z.int(),
    verbose: z.optional(z.boolean()),
  }),
);

/** Commander's parsed values as ScanOptions; `--staged` with paths, or `--account` with `--offline`, is a usage error. */
export function toScanOptions(paths: readonly string[], parsed: unknown): ScanOptions {
  const options = ParsedSchema.parse(parsed);
  const staged = options.staged ?? false;
  if (staged && paths.length > 0) {
    throw new UsageError(`--staged scans git's index and takes no paths (got ${paths.map((p) => `"${p}"`).join(', ')}): drop either.`);
  }
  const inventory = options.inventory && !options.offline;
  if (!inventory && options.account?.length)
    throw new UsageError('--account chooses accounts to read, but --offline reads none: drop either.');
  return {
    paths: [...paths],
    staged,
    inventory,
    failOn: options.failOn,
    format: options.format,
    clouds: options.cloud ?? [],
    accounts: options.account ?? [],
    verbose: options.verbose ?? false,
    maxFileBytes: options.maxFileKb * 1024,
  };
}
