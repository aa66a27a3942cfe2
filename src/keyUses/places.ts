import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { expandHome } from '../clouds/oci/configLocations';
import { configFileCandidates } from '../clouds/outscale/configPaths';
import { SHELL_RC_FILES } from './fileKinds';

/** Where a search looks: a folder walked recursively, or one file. */
export type SearchPlace =
  | { readonly kind: 'folder'; readonly path: string; readonly exclude?: readonly string[]; readonly onlyCredentialFiles?: boolean }
  | { readonly kind: 'file'; readonly path: string };

/** Which groups of places to search, as the `cloudKeys.keyUses.*` settings say. */
export interface PlaceChoice {
  readonly workspaceFolders: readonly string[];
  /** `files.exclude` and `cloudKeys.keyUses.exclude`, as `.gitignore`-style patterns. */
  readonly exclude: readonly string[];
  readonly onlyCredentialFiles: boolean;
  readonly cliFiles: boolean;
  readonly shellRcFiles: boolean;
  readonly extraFolders: readonly string[];
}

/** The `key_file` entries of an OCI config text, with `~` expanded. */
export function ociKeyFiles(configText: string, homeDir: string): string[] {
  return [...configText.matchAll(/^\s*key_file\s*=\s*(.+?)\s*$/gm)].map((m) => path.resolve(expandHome(m[1], homeDir)));
}

/**
 * The cloud CLIs' own files: the OCI config (`OCI_CONFIG_FILE` or `~/.oci/config`) and every key
 * file it names, the OUTSCALE config (`~/.osc/config.json`, legacy `~/.osc_sdk/config.json`), the AWS
 * credentials and config files (`AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` or `~/.aws/`).
 * Files that do not exist are left out.
 */
export async function cliFiles(homeDir: string, env: Readonly<Record<string, string | undefined>>): Promise<string[]> {
  const ociConfig = path.resolve(expandHome(env.OCI_CONFIG_FILE?.trim() || path.join(homeDir, '.oci', 'config'), homeDir));
  const osc = configFileCandidates(homeDir);
  const files = [
    ociConfig,
    osc.current,
    osc.legacy,
    path.resolve(expandHome(env.AWS_SHARED_CREDENTIALS_FILE?.trim() || path.join(homeDir, '.aws', 'credentials'), homeDir)),
    path.resolve(expandHome(env.AWS_CONFIG_FILE?.trim() || path.join(homeDir, '.aws', 'config'), homeDir)),
  ];
  try {
    files.push(...ociKeyFiles(await fs.readFile(ociConfig, 'utf8'), homeDir));
  } catch {
    // No OCI config: no key files to add.
  }
  return existing(files);
}

async function existing(files: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of new Set(files)) {
    try {
      if ((await fs.stat(file)).isFile()) found.push(file);
    } catch {
      // Absent: nothing to search.
    }
  }
  return found;
}

/** The places a choice of settings stands for, folders first. */
export async function placesFor(
  choice: PlaceChoice,
  homeDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<SearchPlace[]> {
  const places: SearchPlace[] = choice.workspaceFolders.map((folder) => ({
    kind: 'folder',
    path: folder,
    exclude: choice.exclude,
    onlyCredentialFiles: choice.onlyCredentialFiles,
  }));
  for (const folder of choice.extraFolders) {
    places.push({
      kind: 'folder',
      path: path.resolve(expandHome(folder, homeDir)),
      exclude: choice.exclude,
      onlyCredentialFiles: choice.onlyCredentialFiles,
    });
  }
  if (choice.cliFiles) places.push(...(await cliFiles(homeDir, env)).map((file) => ({ kind: 'file', path: file }) as const));
  if (choice.shellRcFiles)
    places.push(
      ...(await existing(SHELL_RC_FILES.map((f) => path.join(homeDir, f)))).map((file) => ({ kind: 'file', path: file }) as const),
    );
  return places;
}
