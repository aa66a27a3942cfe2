import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { DEFAULT_PROFILE, isSessionTokenProfile, parseConfigFile, resolveProfile } from '../../clouds/oci/configFile';
import { expandHome } from '../../clouds/oci/configLocations';
import { writePrivateKeyFile } from '../../clouds/oci/privateKeyFile';
import { fingerprintOf } from '../../clouds/oci/publicKey';
import { CloudError } from '../../model/cloudError';
import type { Secret } from '../../model/secret';
import { maskSecretEntries, setProfileEntries } from './ociConfigText';

/**
 * Profile names every OCI tool reads the same way (the SDKs, the CLI's Python configparser, our own
 * discovery): letters, digits and `_ - . @ +`, starting with a letter or digit.
 */
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.@+-]{0,63}$/;

/** A passphrase the profile held was for its previous key; the generated key is not encrypted. */
const REMOVED_ENTRIES = ['pass_phrase'];

/** The entries of an API-key profile, none of them secret. */
export interface OciProfileEntries {
  readonly user: string;
  readonly fingerprint: string;
  readonly tenancy: string;
  readonly region: string;
}

/** A profile in a config file, e.g. the one an account signs in with. */
export interface OciProfileRef {
  readonly configFile: string;
  readonly profile: string;
}

export interface OciProfileTarget extends OciProfileRef {
  /** Where the private key is written; it must not exist yet. */
  readonly keyFile: string;
  readonly entries: OciProfileEntries;
  /** The profile the account signs in with: it may be rewritten only for the key it already holds. */
  readonly signsWith?: OciProfileRef;
}

/** What writing a profile changes, computed before anything is written and shown for confirmation. */
export interface OciProfilePlan extends OciProfileRef {
  readonly keyFile: string;
  /** The fingerprint of the key the profile will hold; the private key written must match it. */
  readonly fingerprint: string;
  readonly fileExists: boolean;
  /** The fingerprint the profile held before, when it existed. */
  readonly replaces?: string;
  readonly before: string;
  readonly after: string;
  /** A unified diff of the config file, secret values (a `pass_phrase`) shown as `****`. */
  readonly diff: string;
  /** What a person should know before agreeing, one sentence each. */
  readonly notes: readonly string[];
}

export function validateOciProfileName(name: string): string | undefined {
  if (!name.trim()) return 'Type a profile name, such as alice-api.';
  if (!PROFILE_NAME.test(name)) {
    return `"${name}" cannot be an OCI profile name: use up to 64 letters, digits and _ - . @ +, starting with a letter or digit, so every OCI tool reads it.`;
  }
  return undefined;
}

/**
 * The config file a profile goes to: the account's own file when it came from one, else the file
 * named by `OCI_CONFIG_FILE`, else `~/.oci/config` (the legacy `~/.oraclebmc/config` when only that exists).
 */
export function defaultOciConfigFile(options: {
  readonly accountConfigFile?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  readonly exists?: (file: string) => boolean;
}): string {
  if (options.accountConfigFile) return options.accountConfigFile;
  const fromEnv = options.env.OCI_CONFIG_FILE?.trim();
  if (fromEnv) return path.resolve(expandHome(fromEnv, options.homeDir));
  const exists = options.exists ?? fs.existsSync;
  const standard = path.join(options.homeDir, '.oci', 'config');
  const legacy = path.join(options.homeDir, '.oraclebmc', 'config');
  return !exists(standard) && exists(legacy) ? legacy : standard;
}

/** `<dir>/<profile>_<yyyy-mm-dd>.pem`, or `…_2.pem`, `…_3.pem` when taken: never a file that exists. */
export function suggestKeyFile(dir: string, profile: string, now: number, exists: (file: string) => boolean = fs.existsSync): string {
  const base = `${profile.replace(/[^A-Za-z0-9_.@+-]/g, '-')}_${new Date(now).toISOString().slice(0, 10)}`;
  for (let n = 1; ; n += 1) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `_${n}`}.pem`);
    if (!exists(file)) return file;
  }
}

/** A profile name made from `base` that the file does not use yet (`base`, `base-2`, …). */
export function suggestProfileName(base: string, taken: ReadonlySet<string>): string {
  const clean =
    base
      .replace(/[^A-Za-z0-9_.@+-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 56) || 'oci-api-key';
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? clean : `${clean}-${n}`;
    if (!taken.has(name)) return name;
  }
}

/** The profile names a config file holds now (none when it does not exist). */
export function profilesIn(configFile: string): Set<string> {
  const { text } = readConfig(configFile);
  return new Set(parseConfigFile(text).profiles.keys());
}

/** The fingerprint a profile holds itself (not from `[DEFAULT]`), read with the parser discovery uses. */
export function profileFingerprint(configFile: string, profile: string): string | undefined {
  return profileEntry(configFile, profile, 'fingerprint');
}

export function profileEntry(configFile: string, profile: string, key: string): string | undefined {
  return parseConfigFile(readConfig(configFile).text).profiles.get(profile)?.get(key);
}

function configError(message: string): CloudError {
  return new CloudError('config', message, { cloud: 'oci' });
}

function readConfig(configFile: string): { text: string; exists: boolean } {
  try {
    return { text: fs.readFileSync(configFile, 'utf8'), exists: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { text: '', exists: false };
    throw configError(
      `The OCI config file ${configFile} could not be read (${code ?? 'unknown error'}), so no profile was written. Check that it is a file you can read and write.`,
    );
  }
}

function samePath(a: string, b: string): boolean {
  const real = (file: string) => {
    try {
      return fs.realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  return real(a) === real(b);
}

/**
 * Where a file that may not exist yet would be: the real path of its folder (links followed, the
 * nearest existing folder when it does not exist either) and its own name.
 */
function realLocation(file: string): string {
  const absolute = path.resolve(file);
  const dir = path.dirname(absolute);
  if (dir === absolute) return absolute;
  let realDir: string;
  try {
    realDir = fs.realpathSync(dir);
  } catch {
    realDir = realLocation(dir);
  }
  const location = path.join(realDir, path.basename(absolute));
  // The usual file systems of macOS and Windows do not tell `Config` from `config`.
  return process.platform === 'darwin' || process.platform === 'win32' ? location.toLowerCase() : location;
}

/** Refuses a path that is not absolute, naming which file it was meant for. */
export function checkAbsolutePath(what: 'key file' | 'config file', file: string): void {
  if (!path.isAbsolute(file)) throw new CloudError('invalid', `The ${what} must be an absolute path, not ${file}.`, { cloud: 'oci' });
}

interface Change extends OciProfileRef {
  readonly keyFile: string;
  readonly set: Readonly<Record<string, string>>;
  readonly fingerprint: string;
  /** Checks of the profile as it is now; each throws the refusal. */
  readonly check: (current: { entries?: ReadonlyMap<string, string>; profileCount: number }) => void;
}

function plan(change: Change): OciProfilePlan {
  const problem = validateOciProfileName(change.profile);
  if (problem) throw new CloudError('invalid', problem, { cloud: 'oci' });
  checkAbsolutePath('key file', change.keyFile);
  checkAbsolutePath('config file', change.configFile);
  if (realLocation(change.keyFile) === realLocation(change.configFile)) {
    throw new CloudError(
      'invalid',
      `The private key would go to ${change.keyFile}, the same file as the config file, and writing the config would overwrite the key. Choose another file for the private key.`,
      {
        cloud: 'oci',
      },
    );
  }
  if (fs.existsSync(change.keyFile)) {
    throw new CloudError('conflict', `${change.keyFile} already exists; choose another file name so no key is overwritten.`, {
      cloud: 'oci',
    });
  }
  const { text: before, exists } = readConfig(change.configFile);
  const parsed = parseConfigFile(before);
  const own = parsed.profiles.get(change.profile);
  change.check({ ...(own ? { entries: own } : {}), profileCount: parsed.profiles.size });

  let after: string;
  try {
    after = setProfileEntries(before, change.profile, change.set, REMOVED_ENTRIES);
  } catch (error) {
    throw configError(`${change.configFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const written = parseConfigFile(after);
  const resolved = resolveProfile(written, change.profile);
  if (resolved && isSessionTokenProfile(resolved)) {
    const ownEntries = written.profiles.get(change.profile);
    const fromOwn = ownEntries !== undefined && isSessionTokenProfile(ownEntries);
    const entry = (fromOwn ? ownEntries : resolved).has('security_token_file') ? 'security_token_file' : 'authentication_type';
    throw new CloudError(
      'invalid',
      fromOwn
        ? `Profile [${change.profile}] has its own ${entry} entry (a session-token profile), so the OCI tools would sign with the session token, not the key. Choose another profile name.`
        : `Profile [${change.profile}] would take a session token (${entry}) from [DEFAULT], so the OCI tools would not sign with the key. Choose another config file, or move that entry out of [DEFAULT].`,
      { cloud: 'oci' },
    );
  }
  const notes: string[] = [];
  const replaces = own?.get('fingerprint');
  if (own)
    notes.push(
      `Profile [${change.profile}] exists: its key entries are replaced${replaces ? ` (it held key ${replaces})` : ''}; its other entries stay.`,
    );
  else
    notes.push(
      `Profile [${change.profile}] is added${exists ? '; the other profiles and comments stay as they are' : ` to a new file ${change.configFile}`}.`,
    );
  for (const line of parsed.problems) notes.push(`The file has a line the OCI tools cannot read (${line}); it is left as it is.`);
  notes.push(`The private key goes to ${change.keyFile} (mode 0600); the config file is written with mode 0600.`);
  const diff = createTwoFilesPatch(
    change.configFile,
    change.configFile,
    maskSecretEntries(before),
    maskSecretEntries(after),
    exists ? 'current' : 'new file',
    'proposed',
    {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
    },
  );
  return {
    configFile: change.configFile,
    profile: change.profile,
    keyFile: change.keyFile,
    fingerprint: change.fingerprint,
    fileExists: exists,
    ...(replaces ? { replaces } : {}),
    before,
    after,
    diff,
    notes,
  };
}

/**
 * Plans adding or updating the profile `[NAME]` of an OCI config file for an API signing key:
 * `user`, `fingerprint`, `tenancy`, `region` and `key_file`, never a secret. Every other profile
 * and comment stays byte for byte. Nothing is written; `applyOciProfile` writes after the user agrees.
 */
export function planOciProfile(target: OciProfileTarget): OciProfilePlan {
  const { entries } = target;
  for (const [key, value] of Object.entries(entries)) {
    if (!value) throw new CloudError('invalid', `The profile needs a ${key}, and none is known for this key.`, { cloud: 'oci' });
  }
  return plan({
    configFile: target.configFile,
    profile: target.profile,
    keyFile: target.keyFile,
    fingerprint: entries.fingerprint,
    set: {
      user: entries.user,
      fingerprint: entries.fingerprint,
      tenancy: entries.tenancy,
      region: entries.region,
      key_file: target.keyFile,
    },
    check: ({ entries: current, profileCount }) => {
      if (target.profile === DEFAULT_PROFILE && profileCount > (current ? 1 : 0)) {
        throw new CloudError(
          'invalid',
          `Every other profile of ${target.configFile} takes missing entries from [DEFAULT], so writing this key there would change them too. Choose another profile name.`,
          {
            cloud: 'oci',
          },
        );
      }
      const signs = target.signsWith;
      const held = current?.get('fingerprint');
      if (
        current &&
        signs &&
        signs.profile === target.profile &&
        samePath(signs.configFile, target.configFile) &&
        held !== entries.fingerprint
      ) {
        throw new CloudError(
          'conflict',
          `Profile [${target.profile}] is the one this account signs in with (key ${held ?? 'from [DEFAULT]'}). Pointing it at key ${entries.fingerprint} would change the credentials of the account itself, so it is left alone. Choose another profile name.`,
          { cloud: 'oci' },
        );
      }
    },
  });
}

/**
 * Plans switching a profile from one key to another after a rotation: its `fingerprint` and
 * `key_file` change, nothing else. Refused when the profile no longer holds `fromFingerprint`
 * (someone changed it since Cloud Keys wrote it).
 */
export function planOciKeySwitch(
  target: OciProfileRef & { readonly keyFile: string; readonly fromFingerprint: string; readonly toFingerprint: string },
): OciProfilePlan {
  return plan({
    configFile: target.configFile,
    profile: target.profile,
    keyFile: target.keyFile,
    fingerprint: target.toFingerprint,
    set: { fingerprint: target.toFingerprint, key_file: target.keyFile },
    check: ({ entries }) => {
      if (entries?.get('fingerprint') !== target.fromFingerprint) {
        throw new CloudError(
          'conflict',
          `Profile [${target.profile}] of ${target.configFile} no longer holds key ${target.fromFingerprint}; it was changed outside Cloud Keys and is left alone.`,
          {
            cloud: 'oci',
          },
        );
      }
    },
  });
}

/** Refuses a private key whose public half is not the key the profile names. */
function checkKeyMatches(privateKey: Secret, fingerprint: string): void {
  let actual: string;
  try {
    actual = fingerprintOf(createPublicKey(createPrivateKey(privateKey.reveal())));
  } catch {
    throw new CloudError(
      'invalid',
      'The stored private key of this API key is not an unencrypted PEM private key, so it was not written.',
      { cloud: 'oci' },
    );
  }
  if (actual !== fingerprint.toLowerCase()) {
    throw new CloudError('invalid', `The stored private key belongs to key ${actual}, not ${fingerprint}; nothing was written.`, {
      cloud: 'oci',
    });
  }
}

/** Writes a file atomically (a temporary file in the same folder renamed over it), mode 0600; a symlinked file stays linked. */
function writeFileAtomically(file: string, text: string): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // A new file.
  }
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fchmodSync(fd, 0o600);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes what a plan says: the private key file first (mode 0600, never over an existing file),
 * then the config file, atomically with mode 0600. Refused, with nothing written, when the private
 * key does not match the profile's fingerprint or the config file changed since the plan was made.
 */
export async function applyOciProfile(change: OciProfilePlan, privateKey: Secret): Promise<void> {
  checkKeyMatches(privateKey, change.fingerprint);
  if (readConfig(change.configFile).text !== change.before) {
    throw new CloudError(
      'conflict',
      `${change.configFile} changed after the change was shown, so nothing was written. Run the command again to see the new change.`,
      { cloud: 'oci' },
    );
  }
  await writePrivateKeyFile(change.keyFile, privateKey);
  try {
    writeFileAtomically(change.configFile, change.after);
  } catch (error) {
    throw configError(
      `The private key was written to ${change.keyFile}, but ${change.configFile} could not be written (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Add profile [${change.profile}] by hand, or fix the file's permissions and try again.`,
    );
  }
}
