import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { format, inspect } from 'node:util';
import { Secret } from '../../src/model/secret';

const VALUE = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('Secret', () => {
  const secret = new Secret(VALUE);

  it('prints [redacted] through String, template literals and concatenation', () => {
    assert.equal(String(secret), '[redacted]');
    assert.equal(`${secret}`, '[redacted]');
    assert.equal('key: ' + secret, 'key: [redacted]');
  });

  it('prints [redacted] in JSON, alone and nested', () => {
    assert.equal(JSON.stringify(secret), '"[redacted]"');
    const json = JSON.stringify({ accessKeyId: 'AKIA1', secret, list: [secret] });
    assert.ok(!json.includes(VALUE));
    assert.equal(json, '{"accessKeyId":"AKIA1","secret":"[redacted]","list":["[redacted]"]}');
  });

  it('prints [redacted] through util.inspect and format, as console.log would', () => {
    assert.equal(inspect(secret), '[redacted]');
    assert.ok(!inspect({ nested: { deeper: secret } }, { depth: 10, showHidden: true }).includes(VALUE));
    assert.ok(!format('%s %o %O %j', secret, secret, secret, secret).includes(VALUE));
  });

  it('gives the value back only through reveal()', () => {
    assert.equal(secret.reveal(), VALUE);
    assert.equal(secret.length, VALUE.length);
    assert.equal(new Secret('').isEmpty(), true);
  });

  it('keeps the value off the enumerable surface', () => {
    assert.deepEqual(Object.keys(secret), []);
    assert.ok(!Object.values(secret).includes(VALUE));
  });

  it('refuses a value that is not a string', () => {
    assert.throws(() => new Secret(42 as unknown as string), TypeError);
  });
});
