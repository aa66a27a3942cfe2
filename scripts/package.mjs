// Builds for production and packages the extension as dist-package/cloud-keys.vsix.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const VSIX = 'dist-package/cloud-keys.vsix';

execFileSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
fs.mkdirSync('dist-package', { recursive: true });
execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', VSIX], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.stdout.write(`[package] ${VSIX} (${Math.round(fs.statSync(VSIX).size / 1024)} KiB)\n`);
