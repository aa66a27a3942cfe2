import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const dist = path.resolve(__dirname, '..', '..', '..', 'dist');
const bundle = path.join(dist, 'lazy', 'leaks.js');

// The bundle holds the VS Code side too, so it loads only in VS Code (the integration suite `leaks` runs it there).
describe('the leak detection bundle (dist/lazy/leaks.js)', () => {
  it('holds the matching engine and the VS Code side, which dist/extension.js (loaded at activation) does not', () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`);
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    const lazy = fs.readFileSync(bundle, 'utf8');
    for (const marker of ['secretHashes', 'Scanning the workspace for keys', 'Move the {0} to the environment variable {1}']) {
      assert.ok(lazy.includes(marker), `the bundle lacks ${marker}: the check itself is unsound`);
      assert.ok(!extension.includes(marker), `dist/extension.js carries ${marker}`);
    }
  });
});
