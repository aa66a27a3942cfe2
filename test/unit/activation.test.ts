import assert from 'node:assert/strict';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoHostDouble } from '../support/vscodeHost/repoHost';

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'extension.js');

/** Module names that belong to a cloud adapter and must wait until that cloud is used. */
const CLOUD_MODULES = /^(oci-[\w-]+|axios|aws4|@ionos-cloud\/.*|http-signature|sshpk)$|[\\/]dist[\\/]clouds[\\/]/;

describe('activation', () => {
  it('loads no cloud SDK module when the extension bundle is required and activated, and registers every contributed command', () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`);
    const host = repoHostDouble();
    const requested: string[] = [];
    const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
    const originalLoad = mod._load;
    mod._load = function (request, parent, isMain) {
      requested.push(request);
      if (request === 'vscode') return host.module;
      return originalLoad.call(this, request, parent, isMain);
    };
    let extension: { activate: (context: unknown) => unknown; deactivate?: () => unknown } | undefined;
    try {
      delete require.cache[bundle];
      extension = require(bundle) as typeof extension & object;
      extension.activate(host.context);
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        contributes: { commands: { command: string }[] };
      };
      const contributed = manifest.contributes.commands.map((c) => c.command).sort();
      assert.deepEqual([...host.commands.keys()].sort(), contributed, 'activate did not register exactly the contributed commands');
      assert.ok(
        host.channels.some((channel) => channel.lines.some((line) => /Cloud Keys .* activated/.test(line))),
        'the log does not say the extension activated',
      );
    } finally {
      mod._load = originalLoad;
      extension?.deactivate?.();
      for (const subscription of host.context.subscriptions.splice(0)) subscription.dispose();
    }
    const cloudRequests = requested.filter((r) => CLOUD_MODULES.test(r));
    assert.deepEqual(cloudRequests, [], `activation required cloud modules: ${cloudRequests.join(', ')}`);
    // The commands' code, the forms, zod (dist/lazy/zod.js) and the other lazy bundles wait for first use.
    const lazyRequests = requested.filter((r) => /[\\/]dist[\\/]lazy[\\/]|^zod/.test(r));
    assert.deepEqual(lazyRequests, [], `activation required lazy bundles: ${lazyRequests.join(', ')}`);
    assert.ok(requested.includes('vscode'), 'the bundle was really loaded and asked for vscode');
  });

  it('bundles no cloud SDK and no zod into the extension bundle itself', () => {
    const text = fs.readFileSync(bundle, 'utf8');
    // zod's core names its schema classes "$ZodType" and the like: zod loads from dist/lazy/zod.js.
    for (const marker of ['oci-common', 'oci-identity', 'node_modules/axios', 'node_modules/aws4', '$ZodType']) {
      assert.ok(!text.includes(marker), `dist/extension.js contains ${marker}`);
    }
  });
});
