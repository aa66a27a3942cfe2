/**
 * One activation timing, in a fresh process: require the extension bundle with `vscode` answered by
 * the typed host double, then call `activate`. Bundled by esbuild and run with plain `node` (no
 * TypeScript loader in the way), as `node activateChild.js <extension folder>`; prints one JSON line.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { createHostDouble, vscodeApiNames } from '../../support/vscodeHost/hostDouble';

export interface ActivationSample {
  readonly loadMs: number;
  readonly activateMs: number;
  /** The elapsed time the extension itself logged on its "activated" line, if it logs one. */
  readonly loggedMs?: number;
  readonly commands: number;
  readonly subscriptions: number;
  readonly unmodelled: string[];
}

function main(): void {
  const root = process.argv[2];
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    publisher: string;
    version: string;
  };
  const host = createHostDouble(
    root,
    manifest,
    vscodeApiNames(createRequire(path.join(process.cwd(), 'package.json')).resolve('@types/vscode/index.d.ts')),
  );
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const load = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? host.module : load.call(this, request, parent, isMain);
  };
  const start = performance.now();
  const extension = createRequire(__filename)(path.join(root, 'dist', 'extension.js')) as { activate(context: unknown): unknown };
  const loaded = performance.now();
  extension.activate(host.context);
  const activated = performance.now();
  const line = host.channels.flatMap((channel) => channel.lines).find((text) => /activated/.test(text));
  const logged = line ? /activated in (\d+(?:\.\d+)?) ?ms/.exec(line)?.[1] : undefined;
  const sample: ActivationSample = {
    loadMs: loaded - start,
    activateMs: activated - loaded,
    ...(logged ? { loggedMs: Number(logged) } : {}),
    commands: host.commands.size,
    subscriptions: host.context.subscriptions.length,
    unmodelled: [...host.unmodelled.touched].sort(),
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
  // Timers the extension started (debounces, clipboard clearing) must not keep the process alive.
  process.exit(0);
}

main();
