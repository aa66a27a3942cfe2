import type { CloudId } from '../model/types';
import { hintsOf } from './cloudHints';
import { IGNORE_MARK } from './ignoreMark';
import type { Leak } from './types';

/** A change to a text, in UTF-16 offsets: replace `[start, end)` with `text` (an insert when they are equal). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Reference {
  /** The reference to variable `name`. */
  readonly ref: (name: string) => string;
  /** True where the reference replaces the quoted string (code), false where it goes inside the quotes (YAML, shell). */
  readonly replacesQuotes: boolean;
  /** Other changes the reference needs (an import, a Terraform `variable` block). */
  readonly extra?: (text: string, name: string) => TextChange[];
}

const hclName = (name: string) => name.toLowerCase();

/** Python's `os.environ` needs `import os`: added at the top unless the file imports it. */
function pythonImport(text: string): TextChange[] {
  return /^\s*import\s+os\b|^\s*from\s+os\s+import\b/m.test(text) ? [] : [{ start: 0, end: 0, text: 'import os\n' }];
}

function terraformVariable(text: string, name: string): TextChange[] {
  if (new RegExp(`variable\\s+"${hclName(name)}"`).test(text)) return [];
  const gap = text.endsWith('\n') ? '\n' : '\n\n';
  return [
    { start: text.length, end: text.length, text: `${gap}variable "${hclName(name)}" {\n  type      = string\n  sensitive = true\n}\n` },
  ];
}

const inside: Reference = { ref: (n) => `\${${n}}`, replacesQuotes: false };

/** Each language's idiomatic read of an environment variable (by VS Code language id). */
const REFERENCES: Readonly<Record<string, Reference>> = {
  javascript: { ref: (n) => `process.env.${n}`, replacesQuotes: true },
  typescript: { ref: (n) => `process.env.${n}`, replacesQuotes: true },
  javascriptreact: { ref: (n) => `process.env.${n}`, replacesQuotes: true },
  typescriptreact: { ref: (n) => `process.env.${n}`, replacesQuotes: true },
  python: { ref: (n) => `os.environ["${n}"]`, replacesQuotes: true, extra: pythonImport },
  go: { ref: (n) => `os.Getenv("${n}")`, replacesQuotes: true },
  java: { ref: (n) => `System.getenv("${n}")`, replacesQuotes: true },
  csharp: { ref: (n) => `Environment.GetEnvironmentVariable("${n}")`, replacesQuotes: true },
  ruby: { ref: (n) => `ENV.fetch("${n}")`, replacesQuotes: true },
  php: { ref: (n) => `getenv('${n}')`, replacesQuotes: true },
  rust: { ref: (n) => `std::env::var("${n}").expect("${n} is not set")`, replacesQuotes: true },
  powershell: { ref: (n) => `$env:${n}`, replacesQuotes: true },
  terraform: { ref: (n) => `var.${hclName(n)}`, replacesQuotes: true, extra: terraformVariable },
  hcl: { ref: (n) => `var.${hclName(n)}`, replacesQuotes: true, extra: terraformVariable },
  shellscript: inside,
  yaml: inside,
  dockercompose: inside,
  dockerfile: inside,
  properties: inside,
};

/** The name of the variable to move a value to: the name it is assigned to, in capitals, else its cloud's usual one. */
export function variableNameFor(leak: Pick<Leak, 'name' | 'part' | 'clouds' | 'owner'>): string {
  if (leak.name && /[a-z0-9]/i.test(leak.name)) {
    const snake = leak.name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .toUpperCase();
    if (/^[A-Z_][A-Z0-9_]*$/.test(snake)) return snake;
  }
  const cloud: CloudId | undefined = leak.owner?.cloud ?? (leak.clouds.length === 1 ? leak.clouds[0] : undefined);
  const env = cloud ? hintsOf(cloud).env : undefined;
  switch (leak.part) {
    case 'key-id':
      return env?.keyId ?? 'S3_ACCESS_KEY_ID';
    case 'secret':
      return env?.secret ?? 'S3_SECRET_ACCESS_KEY';
    case 'token':
      return env?.token ?? 'IONOS_TOKEN';
    case 'fingerprint':
      return 'OCI_FINGERPRINT';
    case 'private-key':
      return 'OCI_PRIVATE_KEY';
  }
}

/** Whether the language has a reference to an environment variable Cloud Keys can write. */
export function canReferenceEnv(languageId: string): boolean {
  return languageId in REFERENCES;
}

/**
 * The changes that replace a leaked value with a read of environment variable `name` in the
 * language of `text`; undefined where the language has none (JSON, `.env` files: the value
 * belongs in the environment as it is) or the value is not a quoted string in code.
 */
export function envReferenceChanges(
  text: string,
  leak: Pick<Leak, 'start' | 'end'>,
  languageId: string,
  name: string,
): TextChange[] | undefined {
  const reference = REFERENCES[languageId];
  if (!reference) return undefined;
  let { start, end } = leak;
  if (reference.replacesQuotes) {
    const quote = text[start - 1];
    if (!['"', "'", '`'].includes(quote) || text[end] !== quote) {
      // PowerShell and HCL also accept the value unquoted in no idiomatic way: leave it alone.
      return undefined;
    }
    start -= 1;
    end += 1;
  }
  return [{ start, end, text: reference.ref(name) }, ...(reference.extra?.(text, name) ?? [])];
}

const HASH = new Set([
  'python',
  'yaml',
  'shellscript',
  'ruby',
  'terraform',
  'hcl',
  'dotenv',
  'properties',
  'ini',
  'toml',
  'powershell',
  'dockerfile',
  'dockercompose',
  'perl',
  'r',
  'makefile',
  'coffeescript',
  'elixir',
  'julia',
  'nix',
]);
const SLASHES = new Set([
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'go',
  'java',
  'csharp',
  'rust',
  'php',
  'c',
  'cpp',
  'jsonc',
  'kotlin',
  'swift',
  'scala',
  'groovy',
  'dart',
  'fsharp',
]);

/** The comment line that silences findings on the next line, for the language; undefined where it has no comments (JSON). */
export function ignoreCommentChange(text: string, leak: Pick<Leak, 'start'>, languageId: string): TextChange | undefined {
  const lineStart = text.lastIndexOf('\n', leak.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let comment: string | undefined;
  if (HASH.has(languageId)) comment = `# ${IGNORE_MARK}`;
  else if (SLASHES.has(languageId)) comment = `// ${IGNORE_MARK}`;
  else if (['xml', 'html', 'markdown', 'svg'].includes(languageId)) comment = `<!-- ${IGNORE_MARK} -->`;
  else if (['sql', 'lua', 'haskell'].includes(languageId)) comment = `-- ${IGNORE_MARK}`;
  else if (languageId === 'bat') comment = `REM ${IGNORE_MARK}`;
  if (!comment) return undefined;
  return { start: lineStart, end: lineStart, text: `${indent}${comment}${eol}` };
}

/** Applies changes (in any order, not overlapping) to a text: for tests and previews. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.start - a.start)) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return out;
}
