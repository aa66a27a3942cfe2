import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLeaks } from '../../../src/leaks/detect';
import { WorkspaceIgnoreList } from '../../../src/features/leaks/ignoreList';

const SECRET = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXw';

/** Workspace state as VS Code keeps it: a map of JSON values. */
type Memento = ConstructorParameters<typeof WorkspaceIgnoreList>[0];

function memento(): Memento & { dump(): string } {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void (value === undefined ? values.delete(key) : values.set(key, value)),
    dump: () => JSON.stringify([...values.entries()]),
  } as Memento & { dump(): string };
}

describe('The workspace ignore list', () => {
  it('ignores a finding by a salted hash of its value, and never keeps the value', async () => {
    const state = memento();
    const list = new WorkspaceIgnoreList(state);
    const text = `OSC_SECRET_KEY=${SECRET}\n`;
    const [leak] = detectLeaks(text, undefined);
    assert.equal(list.has(leak, SECRET), false);
    await list.add(leak, SECRET);
    assert.equal(list.has(leak, SECRET), true);
    const [other] = detectLeaks(`OSC_SECRET_KEY=${SECRET.replace('Z', 'Q')}\n`, undefined);
    assert.equal(list.has(other, SECRET.replace('Z', 'Q')), false);
    assert.ok(!state.dump().includes(SECRET), 'the workspace state holds the secret');
  });
});
