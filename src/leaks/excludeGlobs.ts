import ignore, { type Ignore } from 'ignore';

let matcher: { patterns: string; ignore: Ignore } | undefined;

/** Whether a path (relative, `/`-separated) matches one of the globs, in `.gitignore` syntax (e.g. a `fixtures` folder anywhere). */
export function matchesExcludeGlobs(relativePath: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0 || relativePath === '') return false;
  const joined = patterns.join('\n');
  if (matcher?.patterns !== joined) matcher = { patterns: joined, ignore: ignore().add([...patterns]) };
  return matcher.ignore.ignores(relativePath);
}
