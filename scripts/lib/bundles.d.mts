// Types of bundles.mjs, for the TypeScript that imports it (the activation benchmark).
import type { Plugin } from 'esbuild';

export function cloudEntryPoints(): { in: string; out: string }[];
export function cliBundle(outfile: string): {
  entryPoints: string[];
  outfile: string;
  external: string[];
  banner: { js: string };
  define: Record<string, string>;
};
export function zodRuntimeFrom(file: string): Plugin;
export function builtinsOnce(): Plugin;
