/**
 * The OCI config file (`~/.oci/config`): an INI file of `[PROFILE]` sections with `key = value`
 * lines and `#` comments. A key missing from a profile falls back to `[DEFAULT]`, as the SDK does.
 * Parsing never throws: lines it cannot read are reported with their line numbers.
 */

export const DEFAULT_PROFILE = 'DEFAULT';

export interface ParsedConfigFile {
  /** Profile name → its own entries (without the DEFAULT fallback), in file order. */
  readonly profiles: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Lines that are neither a section, an entry, a comment nor blank. Never holds a line's value. */
  readonly problems: readonly string[];
}

export function parseConfigFile(text: string): ParsedConfigFile {
  const profiles = new Map<string, Map<string, string>>();
  const problems: string[] = [];
  let current: Map<string, string> | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const where = `line ${index + 1}`;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    if (line.startsWith('[')) {
      const name = line.endsWith(']') ? line.slice(1, -1).trim() : '';
      if (!name) {
        problems.push(`${where}: a section header must look like [PROFILE_NAME]`);
        current = undefined;
        return;
      }
      current = profiles.get(name) ?? new Map<string, string>();
      profiles.set(name, current);
      return;
    }
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!key) {
      problems.push(`${where}: expected "key = value"`);
      return;
    }
    if (!current) {
      problems.push(`${where}: "${key}" appears before any [PROFILE] section`);
      return;
    }
    current.set(key, line.slice(eq + 1).trim());
  });
  return { profiles, problems };
}

/** One profile's entries with `[DEFAULT]` filling in what it lacks; `undefined` if the profile is not in the file. */
export function resolveProfile(file: ParsedConfigFile, profile: string): ReadonlyMap<string, string> | undefined {
  const own = file.profiles.get(profile);
  if (!own) return undefined;
  const defaults = profile === DEFAULT_PROFILE ? undefined : file.profiles.get(DEFAULT_PROFILE);
  return new Map([...(defaults ?? []), ...own]);
}

/** The entries a profile needs for API-key signing. */
export const REQUIRED_ENTRIES = ['user', 'fingerprint', 'tenancy', 'region', 'key_file'] as const;

/**
 * The entries a session-token profile needs, as `oci session authenticate` writes them: no `user`
 * (the token names it) and no `fingerprint` (a session signature does not use it).
 */
export const SESSION_REQUIRED_ENTRIES = ['security_token_file', 'tenancy', 'region', 'key_file'] as const;

/** Session-token profiles (`oci session authenticate`): signed with the session key, `keyId="ST$<token>"`. */
export function isSessionTokenProfile(entries: ReadonlyMap<string, string>): boolean {
  return entries.has('security_token_file') || /security_token/i.test(entries.get('authentication_type') ?? '');
}

/** What a profile lacks for the way it signs in (API key, or session token). */
export function missingEntries(entries: ReadonlyMap<string, string>): string[] {
  const required: readonly string[] = isSessionTokenProfile(entries) ? SESSION_REQUIRED_ENTRIES : REQUIRED_ENTRIES;
  return required.filter((key) => !entries.get(key));
}
