/** The host double for this repository's extension: its folder and its package.json. */
import fs from 'node:fs';
import path from 'node:path';
import { createHostDouble, vscodeApiNames, type HostDouble } from './hostDouble';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function repoHostDouble(): HostDouble {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    publisher: string;
    version: string;
  };
  return createHostDouble(ROOT, manifest, vscodeApiNames(require.resolve('@types/vscode/index.d.ts')));
}
