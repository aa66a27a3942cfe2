import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as source from '../../../src/leaks/lazyEntry';

const dist = path.resolve(__dirname, '..', '..', '..', 'dist');
const bundle = path.join(dist, 'lazy', 'leaks.js');

describe('the leak detection bundle (dist/lazy/leaks.js)', () => {
  it('exports what the source module exports and finds a key as the source does', () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`);
    const built = createRequire(__filename)(bundle) as typeof source;
    assert.deepEqual(Object.keys(built).sort(), Object.keys(source).sort());
    const text = 'OSC_SECRET_KEY=Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXw\n';
    assert.deepEqual(built.detectLeaks(text, undefined).map((l) => [l.part, l.clouds]), source.detectLeaks(text, undefined).map((l) => [l.part, l.clouds]));
  });

  it('keeps the matching engine out of dist/extension.js, which activation loads', () => {
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    assert.ok(!extension.includes('secretHashes'));
    assert.ok(fs.readFileSync(bundle, 'utf8').includes('secretHashes'), 'the check itself is sound');
  });
});
