/**
 * Schemas of the extension bundle are built on first use (activation does not pay for them): a lazy
 * schema parses, composes and reports issues exactly as the schema it stands for.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import '../../src/util/zodLocale';
import { lazySchema } from '../../src/model/lazySchema';
import { memo } from '../../src/util/memo';

describe('lazySchema', () => {
  it('builds the schema only when it is first used, and once', () => {
    let builds = 0;
    const Id = lazySchema(() => (builds++, z.string().check(z.minLength(1))));
    const Ref = lazySchema(() => (builds++, z.object({ id: Id, tags: z.array(Id) })));
    assert.equal(builds, 0, 'nothing is built at definition');
    assert.deepEqual(Ref.parse({ id: 'k1', tags: ['a'] }), { id: 'k1', tags: ['a'] });
    assert.equal(builds, 2, 'using the outer schema built it and the inner one');
    Ref.parse({ id: 'k2', tags: [] });
    assert.equal(builds, 2);
  });

  it('refuses what the schema refuses, with the same issues', () => {
    const build = () =>
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('now') }),
        z.object({ kind: z.literal('later'), days: z.int().check(z.minimum(1)) }),
      ]);
    const lazy = lazySchema(build);
    for (const value of [{ kind: 'later', days: 0 }, { kind: 'soon' }, 'now']) {
      const eager = build().safeParse(value);
      const parsed = lazy.safeParse(value);
      assert.equal(parsed.success, false);
      assert.deepEqual(parsed.error?.issues, eager.error?.issues);
    }
  });

  it('works inside optional, union and spread object shapes', () => {
    const Common = lazySchema(() => ({ id: z.string() }));
    const Kind = lazySchema(() => z.enum(['a', 'b']));
    const Record = lazySchema(() => z.strictObject({ ...Common, kind: z.optional(Kind), alt: z.union([Kind, z.literal(1)]) }));
    assert.deepEqual(Record.parse({ id: 'x', kind: 'a', alt: 1 }), { id: 'x', kind: 'a', alt: 1 });
    assert.equal(Record.safeParse({ id: 'x', alt: 'c' }).success, false);
    assert.equal(Record.safeParse({ id: 'x', alt: 'a', extra: true }).success, false);
  });
});

describe('memo', () => {
  it('runs the builder once, on the first call', () => {
    let runs = 0;
    const get = memo(() => ({ run: ++runs }));
    assert.equal(runs, 0);
    assert.equal(get(), get());
    assert.equal(runs, 1);
  });
});
