import { InvalidArgumentError, Option } from 'commander';
import { lazySchema } from '../../model/lazySchema';
import { CloudIdSchema } from '../../model/schemas';
import { CLOUD_IDS } from '../../model/types';
import { accountList, cloudList } from '../audit/auditOptions';
import type { InventoryRequest } from '../inventory';
import { DEFAULT_MAX_FILE_KB, kilobytes } from '../scan/scanOptions';

export const USES_FORMATS = ['text', 'json'] as const;
export type UsesFormat = (typeof USES_FORMATS)[number];

/** What `cloud-keys uses` was asked for, checked; the places follow the editor's `cloudKeys.keyUses.*` defaults. */
export interface UsesOptions extends InventoryRequest {
  /** A key id (or resource id) or an OCI API key fingerprint, as `cloud-keys audit` lists it. */
  readonly key: string;
  /** Searched like the editor's workspace folder (the `cloudKeys.keyUses.workspace` default: on). */
  readonly currentFolder: boolean;
  readonly extraFolders: readonly string[];
  readonly cliFiles: boolean;
  readonly shellRcFiles: boolean;
  readonly onlyKeyFiles: boolean;
  /** `.gitignore`-style patterns left out of the folders. */
  readonly exclude: readonly string[];
  readonly format: UsesFormat;
  readonly maxFileBytes: number;
}

function repeated(flag: string, what: string) {
  return (text: string, previous: string[] | undefined): string[] => {
    if (text.trim() === '') throw new InvalidArgumentError(`${flag} takes ${what}.`);
    return [...(previous ?? []), text.trim()];
  };
}

export function usesOptionDefinitions(): Option[] {
  return [
    new Option('--path <folder>', 'also search this folder (repeatable)').argParser(
      repeated('--path', 'a folder to search (for example --path ~/deploy)'),
    ),
    new Option('--no-current-folder', 'do not search the current folder'),
    new Option('--no-cli-files', "do not search the cloud CLIs' files (~/.oci/config and its key files, ~/.osc/config.json, ~/.aws/)"),
    new Option('--no-shell-files', 'do not search shell start-up files (~/.bashrc, ~/.zshrc, …)'),
    new Option(
      '--only-key-files',
      'in folders, search only files where keys are expected (.env, *.tfvars, Terraform state, CI files, CLI configs)',
    ),
    new Option('--exclude <pattern>', 'leave out files and folders matching this .gitignore-style pattern (repeatable)').argParser(
      repeated('--exclude', 'a .gitignore-style pattern (for example --exclude "node_modules/")'),
    ),
    new Option('--format <format>', 'output format').choices(USES_FORMATS).default('text'),
    new Option('--cloud <cloud>', `look for the key in these clouds only: ${CLOUD_IDS.join(', ')}`).argParser(cloudList),
    new Option('--account <name>', 'look for the key in this account only, by profile name, label or id (repeatable)').argParser(
      accountList,
    ),
    new Option('--max-file-kb <kb>', 'skip files larger than this').argParser(kilobytes).default(DEFAULT_MAX_FILE_KB),
  ];
}

const ParsedSchema = lazySchema((z) =>
  z.object({
    path: z.optional(z.array(z.string())),
    currentFolder: z.boolean(),
    cliFiles: z.boolean(),
    shellFiles: z.boolean(),
    onlyKeyFiles: z.optional(z.boolean()),
    exclude: z.optional(z.array(z.string())),
    format: z.enum(USES_FORMATS),
    cloud: z.optional(z.array(CloudIdSchema)),
    account: z.optional(z.array(z.string())),
    maxFileKb: z.int(),
    verbose: z.optional(z.boolean()),
  }),
);

export function toUsesOptions(key: string, parsed: unknown): UsesOptions {
  const options = ParsedSchema.parse(parsed);
  return {
    key: key.trim(),
    currentFolder: options.currentFolder,
    extraFolders: options.path ?? [],
    cliFiles: options.cliFiles,
    shellRcFiles: options.shellFiles,
    onlyKeyFiles: options.onlyKeyFiles ?? false,
    exclude: options.exclude ?? [],
    format: options.format,
    clouds: options.cloud ?? [],
    accounts: options.account ?? [],
    verbose: options.verbose ?? false,
    maxFileBytes: options.maxFileKb * 1024,
  };
}
