/**
 * The tree's expanded rows come back after a reload; a hand-edited or corrupt record of them counts
 * as nothing expanded (the tree then opens collapsed) instead of failing the tree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListStorage } from '../../src/util/jsonListFile';
import { readExpanded } from '../../src/views/expansionState';

function stored(value: unknown): ListStorage<string> {
  return { read: () => value, write: async () => undefined };
}

describe('readExpanded', () => {
  it('gives back the ids of the rows that were expanded', () => {
    assert.deepEqual([...readExpanded(stored(['acct-1', 'acct-1|user-2']))], ['acct-1', 'acct-1|user-2']);
  });

  it('counts nothing stored, or anything but a list of ids, as nothing expanded', () => {
    for (const value of [undefined, null, 'acct-1', { 0: 'acct-1' }, ['acct-1', 2], [null]]) {
      assert.deepEqual([...readExpanded(stored(value))], [], JSON.stringify(value));
    }
    assert.deepEqual([...readExpanded(undefined)], []);
  });

  it('counts storage it cannot read as nothing expanded', () => {
    const broken: ListStorage<string> = {
      read: () => {
        throw new Error('EACCES');
      },
      write: async () => undefined,
    };
    assert.deepEqual([...readExpanded(broken)], []);
  });
});
