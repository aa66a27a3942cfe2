#!/usr/bin/env node
// The `cloud-keys` executable of package.json's `bin`. The command line itself is the bundle
// dist/cli.js (src/cli/), which a fresh clone does not have until it is built: if it is missing,
// this builds it once (`node esbuild.mjs`, build output on stderr so stdout stays the command's),
// then runs it. Plain CommonJS, no dependency, so it works right after `npm ci`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');

if (!fs.existsSync(cli)) {
  process.stderr.write('cloud-keys: dist/cli.js is not built yet; building it first (node esbuild.mjs)…\n');
  const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0 || !fs.existsSync(cli)) {
    process.stderr.write(
      `cloud-keys: the build failed (${build.error ? build.error.message : `exit ${build.status}`}); run npm ci, then npm run build, and try again.\n`,
    );
    process.exit(2);
  }
}
require(cli);
