import assert from 'node:assert/strict';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'extension.js');

/** Module names that belong to a cloud adapter and must wait until that cloud is used. */
const CLOUD_MODULES = /^(oci-[\w-]+|axios|aws4|@ionos-cloud\/.*|http-signature|sshpk)$|[\\/]dist[\\/]clouds[\\/]/;

/**
 * A stand-in for the `vscode` module that answers every property access and call with another
 * stand-in. It is not a model of VS Code's behaviour: it only lets `activate` run to the end under
 * plain Node so that every `require` it issues can be recorded.
 */
function anything(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_t, prop) => (prop === Symbol.toPrimitive ? () => '' : prop === 'then' ? undefined : proxy),
    set: () => true,
    defineProperty: () => true,
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

/** The `vscode` module's top-level names, read from the API's own declarations (`@types/vscode`). */
function vscodeModule(): unknown {
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = [...new Set([...dts.matchAll(/^\t?export (?:namespace|class|enum|const|function) (\w+)/gm)].map((m) => m[1]))];
  const members = Object.fromEntries(names.map((name) => [name, anything()]));
  return new Proxy(members, { get: (t, prop) => (typeof prop === 'string' && prop in t ? t[prop] : undefined) });
}

describe('activation', () => {
  it('loads no cloud SDK module when the extension bundle is required and activated', () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`);
    const requested: string[] = [];
    const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
    const originalLoad = mod._load;
    mod._load = function (request, parent, isMain) {
      requested.push(request);
      if (request === 'vscode') return vscodeModule();
      return originalLoad.call(this, request, parent, isMain);
    };
    try {
      delete require.cache[bundle];
      const extension = require(bundle) as { activate: (context: unknown) => unknown };
      const subscriptions: { dispose(): unknown }[] = [];
      // The fields activate reads as values are real; every other member is a stand-in.
      const known: Record<string, unknown> = {
        subscriptions,
        extension: { id: 'cloud-keys.cloud-keys', packageJSON: { version: '0.0.0-test' } },
        extensionPath: root,
      };
      extension.activate(new Proxy(known, { get: (t, prop) => (typeof prop === 'string' && prop in t ? t[prop] : anything()) }));
      assert.ok(subscriptions.length > 3, 'activate registered its disposables');
    } finally {
      mod._load = originalLoad;
    }
    const cloudRequests = requested.filter((r) => CLOUD_MODULES.test(r));
    assert.deepEqual(cloudRequests, [], `activation required cloud modules: ${cloudRequests.join(', ')}`);
    assert.ok(requested.includes('vscode'), 'the bundle was really loaded and asked for vscode');
  });

  it('bundles no cloud SDK into the extension bundle itself', () => {
    const text = fs.readFileSync(bundle, 'utf8');
    for (const marker of ['oci-common', 'oci-identity', 'node_modules/axios', 'node_modules/aws4']) {
      assert.ok(!text.includes(marker), `dist/extension.js contains ${marker}`);
    }
  });
});
