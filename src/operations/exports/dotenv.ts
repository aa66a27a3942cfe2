import fs from 'node:fs';
import { writePrivateFile } from './awsProfile';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quote(value: string): string {
  return /^[A-Za-z0-9_./:+=@-]*$/.test(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Sets variables in a `.env` text: a line `NAME=…` (optionally `export NAME=…`) that exists is
 * replaced in place, others are appended; comments and other lines stay as they were.
 */
export function setDotenvVariables(text: string, variables: Readonly<Record<string, string>>): string {
  for (const name of Object.keys(variables)) if (!NAME.test(name)) throw new Error(`${name} is not a variable name.`);
  for (const value of Object.values(variables))
    if (/[\r\n]/.test(value)) throw new Error('A value with a line break cannot be written to a .env file.');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const pending = new Map(Object.entries(variables));
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(lines[i]);
    if (match && pending.has(match[2])) {
      lines[i] = `${match[1]}${match[2]}=${quote(pending.get(match[2])!)}`;
      pending.delete(match[2]);
    }
  }
  for (const [name, value] of pending) lines.push(`${name}=${quote(value)}`);
  return lines.join(eol) + eol;
}

/** The value of a variable in a `.env` file, unquoted; undefined when absent. */
export function readDotenvVariable(file: string, name: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const raw = match[2].trim();
    if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) return raw.slice(1, -1).replace(/\\(["\\])/g, '$1');
    return raw;
  }
  return undefined;
}

export function writeDotenv(file: string, variables: Readonly<Record<string, string>>): void {
  let before = '';
  try {
    before = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writePrivateFile(file, setDotenvVariables(before, variables));
}
