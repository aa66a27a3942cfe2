// Builds the `cloud-keys` executable and the cloud bundles it loads into a folder of its own:
//   node scripts/build-cli.mjs <outdir> [--production]   → <outdir>/cli.js, <outdir>/clouds/<cloud>.js
// Used by the CLI's end-to-end tests and its benchmark, so they run a fresh build without touching
// dist/; --production minifies as the packaged build does (the benchmark's start-up figure).
import * as esbuild from 'esbuild';
import path from 'node:path';
import { cliBundle, cloudEntryPoints } from './lib/bundles.mjs';

const outdir = process.argv[2];
const production = process.argv.includes('--production');
if (!outdir || outdir.startsWith('--')) {
  process.stderr.write('usage: node scripts/build-cli.mjs <outdir> [--production]\n');
  process.exit(2);
}
const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  minify: production,
  sourcemap: production ? false : 'inline',
  legalComments: 'none',
};
await Promise.all([
  esbuild.build({ ...node, ...cliBundle(path.join(outdir, 'cli.js')) }),
  esbuild.build({ ...node, entryPoints: cloudEntryPoints(), outdir: path.join(outdir, 'clouds'), external: ['vscode'] }),
]);
