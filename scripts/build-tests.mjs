// Compiles the integration suite (TypeScript, one file each, not bundled) to out/test/integration,
// where the runner extension or @vscode/test-electron loads it inside VS Code.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const files = fs
  .readdirSync('test/integration/suite', { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join('test/integration/suite', f));
fs.rmSync('out/test/integration', { recursive: true, force: true });
await esbuild.build({
  entryPoints: files,
  outdir: 'out/test/integration/suite',
  outbase: 'test/integration/suite',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
