import { parseConfigFile } from '../../clouds/oci/configFile';

/** One line of a file: its text and the ending it had (`''` for a last line without one). */
interface Line {
  readonly body: string;
  readonly eol: string;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() ?? '';
  const lines = parts.map((part) => (part.endsWith('\r') ? { body: part.slice(0, -1), eol: '\r\n' } : { body: part, eol: '\n' }));
  if (last !== '') lines.push({ body: last, eol: '' });
  return lines;
}

/** The ending most lines of the file have, for the lines written into it. */
function usualEnding(lines: readonly Line[]): string {
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  const lf = lines.filter((line) => line.eol === '\n').length;
  return crlf > lf ? '\r\n' : '\n';
}

/** A section header as the OCI SDKs read it: a trimmed line that starts with `[` and ends with `]`. */
function headerName(line: string): string | undefined {
  const text = line.trim();
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).trim() : undefined;
}

/** The key of a `key = value` line as our parser (and the OCI SDK for TypeScript) reads it; undefined for other lines. */
function entryKey(line: string): string | undefined {
  const text = line.trim();
  if (text === '' || text.startsWith('#') || text.startsWith(';') || text.startsWith('[')) return undefined;
  const eq = text.indexOf('=');
  return eq > 0 ? text.slice(0, eq).trim() : undefined;
}

/**
 * A line as the OCI CLI and the Python SDK read it (configparser): `key = value` and `key: value`
 * entries split at the first `=` or `:`, keys in lower case, and a line indented deeper than the
 * entry before it (blank and comment lines between do not matter) continues that entry's value.
 */
type CliLine =
  | { readonly kind: 'blank' | 'comment' | 'header' | 'unclear' }
  | { readonly kind: 'entry'; readonly key: string; readonly separator: number }
  | { readonly kind: 'continuation'; readonly of: number };

function readAsTheCliDoes(bodies: readonly string[]): CliLine[] {
  let open: { index: number; indent: number } | undefined;
  return bodies.map((body, index): CliLine => {
    const text = body.trim();
    if (text === '') return { kind: 'blank' };
    if (text.startsWith('#') || text.startsWith(';')) return { kind: 'comment' };
    const indent = body.length - body.trimStart().length;
    if (open && indent > open.indent) return { kind: 'continuation', of: open.index };
    open = undefined;
    if (text.startsWith('[')) return { kind: text.endsWith(']') ? 'header' : 'unclear' };
    const separator = body.search(/[=:]/);
    const key = separator < 0 ? '' : body.slice(0, separator).trim();
    if (!key) return { kind: 'unclear' };
    open = { index, indent };
    return { kind: 'entry', key: key.toLowerCase(), separator };
  });
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

/**
 * Refuses to change an entry of the section that the OCI CLI reads differently from us (a
 * `key: value` line, a key in capitals, a value going on over indented lines): rewriting it would
 * leave the CLI reading the old value, or a duplicate entry it rejects.
 */
function checkReadAlike(bodies: readonly string[], [start, end]: [number, number], profile: string, keys: readonly string[]): void {
  const cli = readAsTheCliDoes(bodies);
  for (let i = start + 1; i < end; i += 1) {
    const line = cli[i];
    if (line.kind === 'entry' && keys.includes(line.key) && entryKey(bodies[i]) !== line.key) {
      throw new Error(
        `Line ${i + 1} of profile [${profile}] gives ${line.key} in a form the OCI tools do not all read alike ("key: value" or capital letters); write it as key=value, then try again.`,
      );
    }
    const continued = line.kind === 'continuation' ? cli[line.of] : undefined;
    if (continued?.kind === 'entry' && keys.includes(continued.key)) {
      throw new Error(
        `Line ${i + 1} of profile [${profile}] is indented, so the OCI CLI reads it as part of ${continued.key}, which would change; put ${continued.key} on one line, then try again.`,
      );
    }
  }
}

function sameEntries(a: ReadonlyMap<string, string> | undefined, b: ReadonlyMap<string, string> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/**
 * Sets some entries of one profile of an OCI config file text and removes others, leaving every
 * other byte as it was: other profiles, comments, blank lines, the order, each line's ending and a
 * missing final newline. A missing profile is appended. The result is read back with the same
 * parser discovery uses, and refused unless the profile holds exactly what was asked and every
 * other profile is unchanged.
 */
export function setProfileEntries(
  text: string,
  profile: string,
  set: Readonly<Record<string, string>>,
  remove: readonly string[] = [],
): string {
  for (const [key, value] of Object.entries(set)) {
    if (/[\r\n]/.test(value) || value !== value.trim() || value === '')
      throw new Error(`The value of ${key} cannot be written to an OCI config file as it is.`);
  }
  const lines = splitLines(text);
  const eol = usualEnding(lines);
  const bodies = lines.map((line) => line.body);
  const ranges = sectionRanges(bodies, profile);
  if (ranges.length > 1)
    throw new Error(`Profile [${profile}] appears ${ranges.length} times in the file; merge its sections into one first.`);
  const isSet = (key: string | undefined): key is string => key !== undefined && Object.hasOwn(set, key);
  const entry = (key: string, ending = eol): Line => ({ body: `${key}=${set[key]}`, eol: ending });
  if (ranges.length === 0) {
    if (lines.length > 0 && lines[lines.length - 1].body.trim() !== '') lines.push({ body: '', eol });
    lines.push({ body: `[${profile}]`, eol }, ...Object.keys(set).map((key) => entry(key)));
  } else {
    const [start, end] = ranges[0];
    checkReadAlike(bodies, ranges[0], profile, [...Object.keys(set), ...remove]);
    const pending = new Set(Object.keys(set));
    const kept: Line[] = [];
    for (const line of lines.slice(start + 1, end)) {
      const key = entryKey(line.body);
      if (key !== undefined && remove.includes(key)) continue;
      if (isSet(key)) {
        kept.push(entry(key, line.eol));
        pending.delete(key);
        continue;
      }
      kept.push(line);
    }
    let insertAt = kept.length;
    while (insertAt > 0 && kept[insertAt - 1].body.trim() === '') insertAt -= 1;
    kept.splice(insertAt, 0, ...[...pending].map((key) => entry(key)));
    lines.splice(start + 1, end - start - 1, ...kept);
  }
  const endsOpen = text !== '' && !text.endsWith('\n');
  const result = lines.map((line, i) => line.body + (i < lines.length - 1 ? line.eol || eol : endsOpen ? '' : line.eol || eol)).join('');
  checkWritten(text, result, profile, set, remove);
  return result;
}

function checkWritten(
  before: string,
  after: string,
  profile: string,
  set: Readonly<Record<string, string>>,
  remove: readonly string[],
): void {
  const was = parseConfigFile(before).profiles;
  const now = parseConfigFile(after).profiles;
  const own = now.get(profile);
  const holds =
    own !== undefined && Object.entries(set).every(([key, value]) => own.get(key) === value) && remove.every((key) => !own.has(key));
  const othersKept =
    [...was.keys()].every((name) => name === profile || sameEntries(was.get(name), now.get(name))) &&
    now.size === was.size + (was.has(profile) ? 0 : 1);
  if (!holds || !othersKept) throw new Error(`Writing profile [${profile}] did not read back as intended; the file was not changed.`);
}

/** Every key whose value is a secret in an OCI config file (a key passphrase, an inline key); masked wherever the text is shown. */
const SECRET_KEY = /^(pass_?phrase|password|.*secret.*|key_content)$/i;

function maskedLine(body: string, cli: CliLine): string {
  const indent = body.slice(0, body.length - body.trimStart().length);
  switch (cli.kind) {
    case 'continuation':
    case 'unclear':
      return `${indent}****`;
    case 'entry': {
      const ours = entryKey(body);
      if (!SECRET_KEY.test(cli.key) && !(ours !== undefined && SECRET_KEY.test(ours))) return body;
      const value = body.slice(cli.separator + 1);
      return `${body.slice(0, cli.separator + 1)}${value.startsWith(' ') ? ' ' : ''}****`;
    }
    default:
      return body;
  }
}

/**
 * The text for a preview, read as the OCI CLI reads it: the value of every secret entry
 * (`pass_phrase = …`, `pass_phrase: …`) replaced by `****`, and so is every line that continues an
 * entry's value (a PEM body under `key_content=`) or that is neither a header, an entry, a comment
 * nor blank, since its meaning is unclear.
 */
export function maskSecretEntries(text: string): string {
  const lines = splitLines(text);
  const cli = readAsTheCliDoes(lines.map((line) => line.body));
  return lines.map((line, i) => maskedLine(line.body, cli[i]) + line.eol).join('');
}
