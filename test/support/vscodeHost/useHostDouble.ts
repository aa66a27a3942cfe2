/**
 * For a unit test of the VS Code glue: import this module first, before any `src/` module that
 * imports `vscode`; from then on `require('vscode')` in this test process returns the host double,
 * `host`, which records what the code showed and registered. (`node --test` runs each test file in a
 * process of its own, so no other file sees it.)
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { createHostDouble, vscodeApiNames, type HostDouble } from './hostDouble';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

function create(): HostDouble {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    publisher: string;
    version: string;
  };
  return createHostDouble(ROOT, manifest, vscodeApiNames(require.resolve('@types/vscode/index.d.ts')));
}

export const host = create();

const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const load = loader._load;
loader._load = function (request, parent, isMain) {
  return request === 'vscode' ? host.module : load.call(this, request, parent, isMain);
};

/** Forgets what was shown and opened, and gives the user back the defaults (trusted, dismisses notifications). */
export function resetHost(): void {
  host.messages.length = 0;
  host.panels.length = 0;
  host.trusted = true;
  host.answer = () => undefined;
}
