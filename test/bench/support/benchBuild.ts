/**
 * The build the benchmarks measure: the production bundles and the .vsix, made by the project's own
 * `scripts/package.mjs` and copied to `out/bench/`, so that later phases measure one fixed build
 * even if someone rebuilds `dist/` meanwhile. `dist/` is shared: run this under the test lock
 * (`run.ts` does: flock /tmp/cloud-keys-test.lock node --import tsx test/bench/support/benchBuild.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BENCH_OUT = path.join(ROOT, 'out', 'bench');
/** An installed-extension layout: package.json, dist/extension.js, dist/clouds/<cloud>.js. */
export const BENCH_EXTENSION = path.join(BENCH_OUT, 'extension');
export const BENCH_VSIX = path.join(BENCH_OUT, 'cloud-keys.vsix');

function copyBuild(): void {
  fs.rmSync(BENCH_EXTENSION, { recursive: true, force: true });
  fs.mkdirSync(path.join(BENCH_EXTENSION, 'dist', 'clouds'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(BENCH_EXTENSION, 'package.json'));
  fs.copyFileSync(path.join(ROOT, 'dist', 'extension.js'), path.join(BENCH_EXTENSION, 'dist', 'extension.js'));
  for (const file of fs.readdirSync(path.join(ROOT, 'dist', 'clouds')).filter((name) => name.endsWith('.js'))) {
    fs.copyFileSync(path.join(ROOT, 'dist', 'clouds', file), path.join(BENCH_EXTENSION, 'dist', 'clouds', file));
  }
  fs.copyFileSync(path.join(ROOT, 'dist-package', 'cloud-keys.vsix'), BENCH_VSIX);
}

if (require.main === module) {
  execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: ROOT, stdio: 'inherit' });
  copyBuild();
  process.stdout.write(`[bench-build] copied the production build to ${path.relative(ROOT, BENCH_OUT)}\n`);
}
