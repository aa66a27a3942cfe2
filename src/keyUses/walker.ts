import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { fileKindOf, isCredentialFileKind } from './fileKinds';

export interface WalkOptions {
  /** Patterns in `.gitignore` syntax relative to the root (e.g. from `files.exclude`), applied to everything. */
  readonly exclude?: readonly string[];
  /** Honour the `.gitignore` files found on the way (default true). Credential files are searched even when they ignore them. */
  readonly gitignore?: boolean;
  /** Yield only the files whose kind is a credential file's (`.env*`, `*.tfvars`, state, CI, CLI configs). */
  readonly onlyCredentialFiles?: boolean;
  readonly signal?: AbortSignal;
}

interface IgnoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

/** Folders never entered: version control data. */
const NEVER = new Set(['.git', '.hg', '.svn']);

function ignoredBy(levels: readonly (IgnoreLevel | undefined)[], file: string, isDir: boolean): boolean {
  for (const level of levels) {
    if (!level) continue;
    const relative = path.relative(level.base, file).split(path.sep).join('/');
    if (relative && !relative.startsWith('..') && level.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

function gitignoreOf(dir: string): IgnoreLevel | undefined {
  try {
    return { base: dir, rules: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

/**
 * Every regular file under `root`, depth first, without following symbolic links. A folder its
 * `.gitignore` or `exclude` leaves out is not entered; a file they leave out is skipped unless it is
 * a credential file and only a `.gitignore` (not `exclude`) left it out. Synchronous, so a caller
 * can read files between steps in slices of its choosing (see `findKeyUses`).
 */
export function* walkFiles(root: string, options: WalkOptions = {}): Generator<string> {
  const exclude: IgnoreLevel | undefined = options.exclude?.length ? { base: root, rules: ignore().add([...options.exclude]) } : undefined;
  const stack: { dir: string; levels: IgnoreLevel[] }[] = [{ dir: root, levels: [] }];
  while (stack.length > 0) {
    options.signal?.throwIfAborted();
    const { dir, levels: parentLevels } = stack.pop()!;
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const own = options.gitignore !== false && entries.some((e) => e.name === '.gitignore' && e.isFile()) ? gitignoreOf(dir) : undefined;
    const levels = own ? [...parentLevels, own] : parentLevels;
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!NEVER.has(entry.name) && !ignoredBy([exclude], full, true) && (levels.length === 0 || !ignoredBy(levels, full, true)))
          subdirs.push(full);
      } else if (entry.isFile()) {
        if (exclude && ignoredBy([exclude], full, false)) continue;
        if ((options.onlyCredentialFiles || levels.length > 0) && !isCredentialFileKind(fileKindOf(full))) {
          if (options.onlyCredentialFiles || ignoredBy(levels, full, false)) continue;
        }
        yield full;
      }
    }
    for (const sub of subdirs.reverse()) stack.push({ dir: sub, levels });
  }
}
