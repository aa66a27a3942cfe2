// Bundle definitions shared by esbuild.mjs and the tests that build a bundle of their own
// (test/unit/cli/*: the `cloud-keys` executable into a temporary folder; the activation benchmark's
// analysis of the extension bundle).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
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

/**
 * Node's built-in modules, imported once per bundle without esbuild's interop copy. esbuild turns
 * `import fs from 'node:fs'` (or `* as fs`) into `__toESM(require("node:fs"))`, which copies every
 * export of the module into a new object, in each importing file: 17 copies of `node:path`, `node:fs`
 * and `node:os` in the extension bundle, about a millisecond of activation. Here each built-in is a
 * module of the bundle whose default export is Node's own object and whose named exports are read
 * off it once (the names are those of the Node that builds), so an import copies nothing.
 */
export function builtinsOnce() {
  const names = (specifier) =>
    Object.keys(createRequire(import.meta.url)(specifier)).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
  return {
    name: 'builtins-once',
    setup(build) {
      build.onResolve({ filter: /^node:(fs|os|path)$/ }, (args) =>
        args.kind === 'import-statement' ? { path: args.path, namespace: 'builtins-once' } : undefined,
      );
      // Each named export is a pure call, so the ones no file uses are dropped.
      build.onLoad({ filter: /.*/, namespace: 'builtins-once' }, (args) => ({
        contents: [
          `const m = require(${JSON.stringify(args.path)});`,
          'const pick = (name) => m[name];',
          'export default m;',
          ...names(args.path).map((name) => `export const ${name} = /* @__PURE__ */ pick(${JSON.stringify(name)});`),
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}
