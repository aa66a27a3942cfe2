import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { readValidatedList } from '../../src/util/validatedList';
import { RecordingLogger } from '../support/testDoubles';

const Item = z.object({ id: z.string(), count: z.number() });

describe('reading a stored list', () => {
  it('keeps the valid items and drops the others with a warning that names the field, not its value', () => {
    const logger = new RecordingLogger();
    const items = readValidatedList(
      [
        { id: 'a', count: 1 },
        { id: 'b', count: 'hunter2' },
        { id: 'c', count: 3 },
      ],
      Item,
      'widget',
      logger,
    );
    assert.deepEqual(
      items.map((i) => i.id),
      ['a', 'c'],
    );
    assert.equal(logger.lines.length, 1);
    assert.match(logger.lines[0], /stored widget .*count/);
    assert.doesNotMatch(logger.lines[0], /hunter2/);
  });

  it('treats a missing value as empty and anything else that is not a list as empty, with a warning', () => {
    const logger = new RecordingLogger();
    assert.deepEqual(readValidatedList(undefined, Item, 'widget', logger), []);
    assert.equal(logger.lines.length, 0);
    assert.deepEqual(readValidatedList({ id: 'a' }, Item, 'widget', logger), []);
    assert.match(logger.lines[0], /not a list/);
  });
});
