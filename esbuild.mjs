// One build script, several esbuild contexts: the extension (node/cjs, `vscode` external), one
// bundle per cloud adapter (required lazily by the extension and the CLI), the `cloud-keys` command
// line (dist/cli.js), and the webview (browser/iife).
//   node esbuild.mjs               development build, with source maps
//   node esbuild.mjs --production  minified, with linked source maps, as packaged
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { builtinsOnce, cliBundle, cloudEntryPoints, zodRuntimeFrom } from './scripts/lib/bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? 'linked' : 'inline',
  sourcesContent: !production,
  logLevel: 'warning',
  metafile,
  legalComments: 'linked',
  // A name read off a module that does not export it (e.g. a Node API the building Node lacks, for
  // builtinsOnce) would be undefined at run time: fail the build instead.
  logOverride: { 'import-is-undefined': 'error' },
};

/** Prints one line per finished build, so `watch` shows when it is done. */
const reportPlugin = (name) => ({
  name: 'report',
  setup(build) {
    build.onEnd((result) => {
      const status = result.errors.length ? `failed with ${result.errors.length} error(s)` : 'built';
      process.stdout.write(`[esbuild] ${name} ${status}\n`);
    });
  },
});

/**
 * Routes every `import * as vscode from 'vscode'` through one in-bundle module that re-exports the
 * API once. Without it esbuild converts `require('vscode')` for each importing file, copying every
 * API name each time: about 40 copies, half of the bundle's load time.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const node = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
};

const builds = [
  {
    ...node,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [vscodeOnce, builtinsOnce(), zodRuntimeFrom('src/util/zodRuntimeLazy.ts'), reportPlugin('extension')],
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview/main.js',
    plugins: [zodRuntimeFrom('webview/shared/zodRuntime.ts'), reportPlugin('webview')],
  },
];
// Code the extension requires only on first use (see src/services/lazyModules.ts), kept out of dist/extension.js.
builds.push({
  ...node,
  entryPoints: [
    { in: 'src/operations/exports/ociProfileModule.ts', out: 'ociProfile' },
    { in: 'src/terraform/generate.ts', out: 'terraformGenerate' },
    { in: 'src/webview/shared/tableExport.ts', out: 'tableExport' },
    { in: 'src/keyUses/lazyEntry.ts', out: 'keyUses' },
    { in: 'src/operations/rotation/engineModule.ts', out: 'rotationEngine' },
    { in: 'src/features/forms/formControllers.ts', out: 'forms' },
    { in: 'src/features/leaks/lazyEntry.ts', out: 'leaks' },
    { in: 'src/features/lazyEntry.ts', out: 'commands' },
    { in: 'src/model/zodRuntime.ts', out: 'zod' },
    { in: 'src/features/terraform/terraformLanguage.ts', out: 'terraformLanguage' },
  ],
  outdir: 'dist/lazy',
  plugins: [builtinsOnce(), zodRuntimeFrom('src/util/zodRuntimeLazy.ts'), reportPlugin('lazy')],
});
// The `cloud-keys` command line (src/cli/), beside the cloud bundles it loads; not shipped in the .vsix.
builds.push({ ...node, ...cliBundle('dist/cli.js'), plugins: [reportPlugin('cli')] });
const clouds = cloudEntryPoints();
if (clouds.length > 0) {
  builds.push({ ...node, entryPoints: clouds, outdir: 'dist/clouds', plugins: [reportPlugin('clouds')] });
}

// A one-off build writes to a fresh folder and then replaces dist/ in one rename, so a test that
// reads dist/ while another build runs never sees half a build. Watch mode rebuilds in place.
const outRoot = watch ? 'dist' : `dist.build-${process.pid}`;
const retarget = (options) => ({
  ...options,
  ...(options.outfile ? { outfile: options.outfile.replace(/^dist\//, `${outRoot}/`) } : {}),
  ...(options.outdir ? { outdir: options.outdir.replace(/^dist\//, `${outRoot}/`) } : {}),
});
fs.rmSync(outRoot, { recursive: true, force: true });
const contexts = await Promise.all(builds.map((options) => esbuild.context(retarget(options))));
if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  const failed = results.some((r) => r.errors.length > 0);
  if (failed) {
    fs.rmSync(outRoot, { recursive: true, force: true });
    process.exit(1);
  }
  fs.rmSync('dist', { recursive: true, force: true });
  fs.renameSync(outRoot, 'dist');
  if (metafile) {
    fs.mkdirSync('out', { recursive: true });
    const merged = { inputs: {}, outputs: {} };
    for (const r of results) {
      Object.assign(merged.inputs, r.metafile.inputs);
      Object.assign(merged.outputs, r.metafile.outputs);
    }
    fs.writeFileSync('out/meta.json', JSON.stringify(merged));
  }
}
