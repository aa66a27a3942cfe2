import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyIndex } from '../../../src/keyMatching';
import { Secret } from '../../../src/model/secret';

const found = (index: KeyIndex<string>, text: string) => index.findIn(Buffer.from(text)).map((m) => `${m.kind}:${m.ref}@${m.offset}`);

describe('KeyIndex: which tokens of a text are a key', () => {
  it('finds a padded base64 secret after `=`, and not the same text glued to other characters', () => {
    const index = new KeyIndex<string>();
    index.addSecret(new Secret('abc+def/ghi='), 'k1');
    assert.deepEqual(found(index, 'SECRET=abc+def/ghi=\n'), ['secret:k1@7']);
    assert.deepEqual(found(index, 'x abc+def/ghi= y'), ['secret:k1@2']);
    assert.deepEqual(found(index, 'Xabc+def/ghi='), []);
    assert.deepEqual(found(index, 'abc+def/ghj='), []);
  });

  it('finds ids in every quoting style and tells two keys apart', () => {
    const index = new KeyIndex<string>();
    index.addLiteral('AKIA0123456789ABCDEF', 'key-id', 'a');
    index.addLiteral('0123456789abcdef0123', 'key-id', 'b');
    assert.deepEqual(found(index, `"AKIA0123456789ABCDEF",'0123456789abcdef0123'`), ['key-id:a@1', 'key-id:b@24']);
    assert.deepEqual(found(index, 'k: AKIA0123456789ABCDEFG'), []);
  });
});
