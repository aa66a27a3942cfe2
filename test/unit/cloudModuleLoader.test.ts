import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CloudModuleLoader } from '../../src/clouds/cloudModuleLoader';
import { CloudError } from '../../src/model/cloudError';

describe('CloudModuleLoader', () => {
  it('requires a cloud bundle only on first use, then reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-loader-'));
    fs.writeFileSync(path.join(dir, 'oci.js'), 'globalThis.__ckLoads = (globalThis.__ckLoads ?? 0) + 1; exports.cloud = "oci";');
    const loader = new CloudModuleLoader<{ cloud: string }>(dir);
    const g = globalThis as { __ckLoads?: number };
    assert.equal(loader.isLoaded('oci'), false);
    assert.equal(loader.isAvailable('oci'), true);
    assert.equal(loader.isAvailable('ionos'), false);
    assert.equal(g.__ckLoads, undefined, 'isAvailable must not load the bundle');
    assert.equal(loader.load('oci').cloud, 'oci');
    assert.equal(loader.load('oci').cloud, 'oci');
    assert.equal(g.__ckLoads, 1);
    assert.equal(loader.isLoaded('oci'), true);
    assert.equal(loader.isLoaded('ionos'), false);
  });

  it('turns a missing bundle into a config CloudError that names the file', () => {
    const loader = new CloudModuleLoader(fs.mkdtempSync(path.join(os.tmpdir(), 'ck-loader-')));
    assert.throws(
      () => loader.load('outscale'),
      (error: unknown) => error instanceof CloudError && error.code === 'config' && /outscale\.js/.test(error.message),
    );
  });
});
