import { parseConfigFile } from '../../clouds/oci/configFile';

/** A section header as the OCI SDKs read it: a trimmed line that starts with `[` and ends with `]`. */
function headerName(line: string): string | undefined {
  const text = line.trim();
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).trim() : undefined;
}

/** The key of a `key = value` line; undefined for comments, headers, blank and other lines. */
function entryKey(line: string): string | undefined {
  const text = line.trim();
  if (text === '' || text.startsWith('#') || text.startsWith(';') || text.startsWith('[')) return undefined;
  const eq = text.indexOf('=');
  return eq > 0 ? text.slice(0, eq).trim() : undefined;
}

/** Where the sections named `profile` are, as [header line, end) ranges. */
function sectionRanges(lines: readonly string[], profile: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (headerName(lines[i]) !== profile) continue;
    let end = i + 1;
    while (end < lines.length && headerName(lines[end]) === undefined) end += 1;
    ranges.push([i, end]);
  }
  return ranges;
}

function sameEntries(a: ReadonlyMap<string, string> | undefined, b: ReadonlyMap<string, string> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/**
 * Sets some entries of one profile of an OCI config file text and removes others, leaving every
 * other byte as it was: other profiles, comments, blank lines, the order and the line endings. A
 * missing profile is appended. The result is read back with the same parser discovery uses, and
 * refused unless the profile holds exactly what was asked and every other profile is unchanged.
 */
export function setProfileEntries(text: string, profile: string, set: Readonly<Record<string, string>>, remove: readonly string[] = []): string {
  for (const [key, value] of Object.entries(set)) {
    if (/[\r\n]/.test(value) || value !== value.trim() || value === '') throw new Error(`The value of ${key} cannot be written to an OCI config file as it is.`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const ranges = sectionRanges(lines, profile);
  if (ranges.length > 1) throw new Error(`Profile [${profile}] appears ${ranges.length} times in the file; merge its sections into one first.`);
  const entry = (key: string) => `${key}=${set[key]}`;
  if (ranges.length === 0) {
    if (lines.length > 0 && lines[lines.length - 1].trim() !== '') lines.push('');
    lines.push(`[${profile}]`, ...Object.keys(set).map(entry));
  } else {
    const [start, end] = ranges[0];
    const pending = new Set(Object.keys(set));
    const kept: string[] = [];
    for (const line of lines.slice(start + 1, end)) {
      const key = entryKey(line);
      if (key !== undefined && remove.includes(key)) continue;
      if (key !== undefined && key in set) {
        kept.push(entry(key));
        pending.delete(key);
        continue;
      }
      kept.push(line);
    }
    let insertAt = kept.length;
    while (insertAt > 0 && kept[insertAt - 1].trim() === '') insertAt -= 1;
    kept.splice(insertAt, 0, ...[...pending].map(entry));
    lines.splice(start + 1, end - start - 1, ...kept);
  }
  const result = lines.join(eol) + eol;
  checkWritten(text, result, profile, set, remove);
  return result;
}

function checkWritten(before: string, after: string, profile: string, set: Readonly<Record<string, string>>, remove: readonly string[]): void {
  const was = parseConfigFile(before).profiles;
  const now = parseConfigFile(after).profiles;
  const own = now.get(profile);
  const holds = own !== undefined && Object.entries(set).every(([key, value]) => own.get(key) === value) && remove.every((key) => !own.has(key));
  const othersKept = [...was.keys()].every((name) => name === profile || sameEntries(was.get(name), now.get(name))) && now.size === was.size + (was.has(profile) ? 0 : 1);
  if (!holds || !othersKept) throw new Error(`Writing profile [${profile}] did not read back as intended; the file was not changed.`);
}

/** Every key whose value is a secret in an OCI config file (a key passphrase); masked wherever the text is shown. */
const SECRET_KEY = /^(pass_?phrase|password|.*secret.*|key_content)$/i;

/** The text with the value of every secret entry (`pass_phrase = …`) replaced by `****`, for a preview. */
export function maskSecretEntries(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const key = entryKey(line);
      if (key === undefined || !SECRET_KEY.test(key)) return line;
      const eq = line.indexOf('=');
      return `${line.slice(0, eq + 1)}${line.slice(eq + 1).startsWith(' ') ? ' ' : ''}****${line.endsWith('\r') ? '\r' : ''}`;
    })
    .join('\n');
}

