import * as ini from 'ini';

const HEADER = /^\s*\[([^\]]+)\]\s*(?:[;#].*)?$/;

function keyOf(line: string): string | undefined {
  if (/^\s*[;#]/.test(line)) return undefined;
  const match = /^\s*([^=\s][^=]*?)\s*=/.exec(line);
  return match ? match[1] : undefined;
}

/**
 * Sets some keys of one section of an AWS-style INI file and leaves every other byte as it was:
 * other sections, comments, blank lines and the keys it does not own. (The `ini` package parses
 * these files but drops comments when it writes, so edits are made line by line, and the result
 * is parsed back with `ini` to check it.) Values are written raw, as the AWS tools read them:
 * no quotes, no escapes; a value holding a line break or a comment sign is refused.
 */
export function setSectionKeys(text: string, section: string, values: Readonly<Record<string, string>>): string {
  for (const [key, value] of Object.entries(values)) {
    if (/[\r\n]/.test(value) || /^\s|\s$/.test(value)) throw new Error(`The value of ${key} cannot be written to an INI file as it is.`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const start = lines.findIndex((line) => HEADER.exec(line)?.[1].trim() === section);
  const pending = new Map(Object.entries(values));
  if (start === -1) {
    if (lines.length > 0 && lines[lines.length - 1].trim() !== '') lines.push('');
    lines.push(`[${section}]`, ...[...pending].map(([k, v]) => `${k} = ${v}`));
  } else {
    let end = lines.findIndex((line, i) => i > start && HEADER.test(line));
    if (end === -1) end = lines.length;
    for (let i = start + 1; i < end; i += 1) {
      const key = keyOf(lines[i]);
      if (key !== undefined && pending.has(key)) {
        lines[i] = `${key} = ${pending.get(key)}`;
        pending.delete(key);
      }
    }
    let insertAt = end;
    while (insertAt > start + 1 && lines[insertAt - 1].trim() === '') insertAt -= 1;
    lines.splice(insertAt, 0, ...[...pending].map(([k, v]) => `${k} = ${v}`));
  }
  const result = lines.join(eol) + eol;
  checkWritten(result, section, values);
  return result;
}

/** The keys of one section, as the `ini` package reads them; undefined when the section is absent. */
export function readSection(text: string, section: string): Record<string, string> | undefined {
  const parsed = ini.parse(text.replace(/^\s*\[\s*([^\]]+?)\s*\]\s*$/gm, '[$1]'));
  const found = parsed[section];
  if (!found || typeof found !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(found as Record<string, unknown>)) if (typeof value === 'string') out[key] = value;
  return out;
}

function checkWritten(text: string, section: string, values: Readonly<Record<string, string>>): void {
  const read = readSection(text, section);
  for (const [key, value] of Object.entries(values)) {
    if (read?.[key] !== value)
      throw new Error(`Writing ${key} to section [${section}] did not read back the same; the file was not changed.`);
  }
}
