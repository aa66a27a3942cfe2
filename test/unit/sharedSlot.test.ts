/**
 * The uses a key's deletion or rotation names, and the files a rotation rewrites, are set up by code
 * in dist/extension.js and read by the commands of dist/lazy/commands.js, each with its own copy of
 * the module holding them: the slot they share must be one for every copy.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type * as SharedSlotModule from '../../src/util/sharedSlot';

const requireHere = createRequire(__filename);

/** A fresh copy of the module, as a second bundle has. */
function freshCopy(): typeof SharedSlotModule {
  const file = requireHere.resolve('../../src/util/sharedSlot');
  delete requireHere.cache[file];
  return requireHere(file) as typeof SharedSlotModule;
}

describe('sharedSlot', () => {
  it('holds one value for every copy of the module, per name', () => {
    const extensionCopy = freshCopy().sharedSlot<{ feature: string }>('test.sharedSlot.uses');
    const lazyCopy = freshCopy().sharedSlot<{ feature: string }>('test.sharedSlot.uses');
    const other = freshCopy().sharedSlot<{ feature: string }>('test.sharedSlot.other');
    assert.equal(lazyCopy.get(), undefined);
    const value = { feature: 'Find Uses' };
    extensionCopy.set(value);
    assert.equal(lazyCopy.get(), value);
    assert.equal(other.get(), undefined);
    lazyCopy.set(undefined);
    assert.equal(extensionCopy.get(), undefined);
  });
});
