import * as path from 'node:path';

/**
 * What a file is, as far as finding key uses goes. Some kinds are where keys are expected (and
 * searched even when a `.gitignore` leaves them out, which it usually does); `terraform-state`
 * holds every secret in clear.
 */
export type FileKind =
  | 'dotenv'
  | 'tfvars'
  | 'terraform-state'
  | 'ci'
  | 'aws-credentials'
  | 'aws-config'
  | 'oci-config'
  | 'osc-config'
  | 'shell-rc'
  | 'private-key'
  | 'other';

/** Shell start-up files, relative to the home folder: where a user exports a key for every shell. */
export const SHELL_RC_FILES = [
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.profile',
  '.zshrc',
  '.zprofile',
  '.zshenv',
  '.zlogin',
  path.join('.config', 'fish', 'config.fish'),
];
const SHELL_RC = new Set(SHELL_RC_FILES.map((file) => path.basename(file)));

/** The kind of `file`, from its name and the folders it is in (forward or back slashes). */
export function fileKindOf(file: string): FileKind {
  const normal = file.replaceAll('\\', '/');
  const name = path.posix.basename(normal);
  const parent = path.posix.basename(path.posix.dirname(normal));
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'dotenv';
  if (name.endsWith('.tfvars') || name.endsWith('.tfvars.json')) return 'tfvars';
  if (name === 'terraform.tfstate' || name.endsWith('.tfstate') || name.endsWith('.tfstate.backup')) return 'terraform-state';
  if (name === '.gitlab-ci.yml' || (/\.ya?ml$/.test(name) && normal.includes('/.github/workflows/'))) return 'ci';
  if (parent === '.aws' && name === 'credentials') return 'aws-credentials';
  if (parent === '.aws' && name === 'config') return 'aws-config';
  if (parent === '.oci' && name === 'config') return 'oci-config';
  if ((parent === '.osc' || parent === '.osc_sdk') && name === 'config.json') return 'osc-config';
  if (SHELL_RC.has(name)) return 'shell-rc';
  if (name.endsWith('.pem') || name.endsWith('.key')) return 'private-key';
  return 'other';
}

/** Kinds searched even where a `.gitignore` excludes them: the files keys are kept in. */
export function isCredentialFileKind(kind: FileKind): boolean {
  return kind !== 'other';
}

/**
 * Kinds whose uses Cloud Keys can rewrite safely in a rotation (dotenv lines, AWS and OCI profiles,
 * tfvars string values, shell `export` lines); the others are updated by hand.
 */
export function isRewritableKind(kind: FileKind): boolean {
  return (
    kind === 'dotenv' ||
    kind === 'aws-credentials' ||
    kind === 'aws-config' ||
    kind === 'oci-config' ||
    kind === 'tfvars' ||
    kind === 'shell-rc'
  );
}
