// Bundle definitions shared by esbuild.mjs and the tests that build a bundle of their own
// (test/unit/cli/*: the `cloud-keys` executable into a temporary folder; the activation benchmark's
// analysis of the extension bundle).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Each `src/clouds/<cloud>/index.ts` becomes `<outdir>/clouds/<cloud>.js`. */
export function cloudEntryPoints() {
  const dir = path.join(root, 'src', 'clouds');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'index.ts')))
    .map((entry) => ({ in: path.join('src', 'clouds', entry.name, 'index.ts'), out: entry.name }));
}

/**
 * The `cloud-keys` command line: `<outdir>/cli.js`, an executable CommonJS file that loads the cloud
 * bundles beside it (`<outdir>/clouds/<cloud>.js`). Nothing is external: an import of `vscode`
 * fails the build.
 */
export function cliBundle(outfile) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {
    entryPoints: [path.join('src', 'cli', 'main.ts')],
    outfile,
    external: [],
    banner: { js: '#!/usr/bin/env node' },
    define: { CLOUD_KEYS_VERSION: JSON.stringify(version) },
  };
}

/**
 * Builds `src/model/zodRuntime.ts` from another file of the same exports (that file says why): the
 * extension bundle and the bundles of dist/lazy/ load zod from dist/lazy/zod.js on first use, the
 * webview has no messages.
 */
export function zodRuntimeFrom(file) {
  const plain = path.join(root, 'src', 'model', 'zodRuntime.ts');
  return {
    name: 'zod-runtime',
    setup(build) {
      // Imports only: built as an entry point of its own (dist/lazy/zod.js), the file stays itself.
      build.onResolve({ filter: /(^|\/)zodRuntime$/ }, (args) =>
        args.kind !== 'entry-point' && `${path.resolve(args.resolveDir, args.path)}.ts` === plain
          ? { path: path.resolve(root, file) }
          : undefined,
      );
    },
  };
}
