import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { walkFiles } from '../../keyUses/walker';
import { UsageError } from '../exitCodes';

/** One file to scan: its name as printed (relative to the base, `/`-separated) and a way to read its bytes. */
export interface ScanSource {
  readonly name: string;
  /** The bytes, or why they were not read. */
  read(maxBytes: number): Buffer | 'large' | 'unreadable';
}

const MAX_NAMES_BUFFER = 256 * 2 ** 20;

function git(cwd: string, args: readonly string[], maxBuffer = MAX_NAMES_BUFFER): Buffer {
  return execFileSync('git', [...args], { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The top folder of the git work tree `cwd` is in, or undefined outside one (or without git). */
export function gitRoot(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Names as printed: relative to the base folder (the repository's top, else the current folder), with `/`. */
export function displayName(base: string, file: string): string {
  const relative = path.relative(base, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file)).split(path.sep).join('/');
}

function fileSource(base: string, file: string): ScanSource {
  return {
    name: displayName(base, file),
    read(maxBytes) {
      try {
        if (fs.statSync(file).size > maxBytes) return 'large';
        return fs.readFileSync(file);
      } catch {
        return 'unreadable';
      }
    },
  };
}

/**
 * The files of the given paths: a file as it is, a folder walked as Find Uses of Key walks it
 * (honouring `.gitignore`, never entering `.git`). A path that does not exist is a usage error.
 */
export function* pathSources(cwd: string, base: string, paths: readonly string[]): Generator<ScanSource> {
  const missing = paths.filter((p) => !fs.existsSync(path.resolve(cwd, p)));
  if (missing.length > 0)
    throw new UsageError(`No such file or folder: ${missing.map((p) => `"${p}"`).join(', ')}. Give files or folders to scan, or --staged.`);
  const seen = new Set<string>();
  for (const given of paths.length ? paths : ['.']) {
    const full = path.resolve(cwd, given);
    const files = fs.statSync(full).isDirectory() ? walkFiles(full) : [full];
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      yield fileSource(base, file);
    }
  }
}

/**
 * The files staged for commit, as `git commit` would record them: names from
 * `git diff --cached --name-only -z` (added, copied, modified, renamed; not deleted), bytes from
 * the index (`git cat-file blob :<name>`, what `git show :<name>` prints without any textconv
 * filter), not the working tree. Outside a repository: a usage error.
 */
export function stagedSources(root: string | undefined): ScanSource[] {
  if (!root) throw new UsageError('--staged scans the files staged in a git repository: run it inside one (and with git on the PATH).');
  const names = git(root, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR']).toString('utf8').split('\0').filter(Boolean);
  return names.map((name) => ({
    name,
    read(maxBytes) {
      try {
        const size = Number(
          git(root, ['cat-file', '-s', `:${name}`])
            .toString('utf8')
            .trim(),
        );
        if (size > maxBytes) return 'large';
        return git(root, ['cat-file', 'blob', `:${name}`], maxBytes + 1);
      } catch {
        return 'unreadable';
      }
    },
  }));
}
