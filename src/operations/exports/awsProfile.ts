import fs from 'node:fs';
import path from 'node:path';
import type { Secret } from '../../model/secret';
import { readSection, setSectionKeys } from './iniSections';

/** A profile name the AWS tools and this writer both handle: letters, digits and `_ - + @ ,`. */
const PROFILE_NAME = /^[A-Za-z0-9_+@,-]+$/;

export interface AwsProfileTarget {
  readonly credentialsFile: string;
  readonly configFile: string;
  readonly profile: string;
  readonly region?: string;
  readonly endpointUrl?: string;
}

export function validateProfileName(name: string): string | undefined {
  if (!name.trim()) return 'Type a profile name, such as oci-backup.';
  if (!PROFILE_NAME.test(name)) return `"${name}" cannot be used: a profile name may hold letters, digits and _ - + @ , only.`;
  return undefined;
}

/** The section a profile lives in: `[name]` in credentials; `[profile name]` in config, except `[default]`. */
export function configSection(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Writes a file owner-readable only, atomically (a temporary file renamed over it). */
export function writePrivateFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

export interface AwsProfileChange {
  readonly credentials: { readonly file: string; readonly before: string; readonly after: string };
  readonly config?: { readonly file: string; readonly before: string; readonly after: string };
}

/**
 * Computes the new text of `~/.aws/credentials` (key id and secret) and `~/.aws/config` (region,
 * endpoint_url) for one profile, keeping everything else in both files.
 */
export function planAwsProfile(target: AwsProfileTarget, accessKeyId: string, secret: Secret): AwsProfileChange {
  const problem = validateProfileName(target.profile);
  if (problem) throw new Error(problem);
  const credBefore = readText(target.credentialsFile);
  const credentials = {
    file: target.credentialsFile,
    before: credBefore,
    after: setSectionKeys(credBefore, target.profile, { aws_access_key_id: accessKeyId, aws_secret_access_key: secret.reveal() }),
  };
  const settings: Record<string, string> = {};
  if (target.region) settings.region = target.region;
  if (target.endpointUrl) settings.endpoint_url = target.endpointUrl;
  if (Object.keys(settings).length === 0) return { credentials };
  const confBefore = readText(target.configFile);
  return {
    credentials,
    config: { file: target.configFile, before: confBefore, after: setSectionKeys(confBefore, configSection(target.profile), settings) },
  };
}

/** What the change does, for a preview: the secret shows as `****` plus its last 4 characters. */
export function previewAwsProfile(target: AwsProfileTarget, accessKeyId: string, secretLength: number): string {
  const lines = [
    `${target.credentialsFile}, [${target.profile}] (file mode 0600):`,
    `  aws_access_key_id = ${accessKeyId}`,
    `  aws_secret_access_key = ${'*'.repeat(Math.min(secretLength, 12))}`,
  ];
  if (target.region || target.endpointUrl) {
    lines.push(`${target.configFile}, [${configSection(target.profile)}]:`);
    if (target.region) lines.push(`  region = ${target.region}`);
    if (target.endpointUrl) lines.push(`  endpoint_url = ${target.endpointUrl}`);
  }
  lines.push('Other profiles and comments in these files are kept as they are.');
  return lines.join('\n');
}

export function applyAwsProfile(change: AwsProfileChange): void {
  writePrivateFile(change.credentials.file, change.credentials.after);
  if (change.config) writePrivateFile(change.config.file, change.config.after);
}

/** The access key id a profile of a credentials file holds now, if any. */
export function profileKeyId(credentialsFile: string, profile: string): string | undefined {
  return readSection(readText(credentialsFile), profile)?.aws_access_key_id;
}
