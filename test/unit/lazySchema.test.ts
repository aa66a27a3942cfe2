/**
 * Schemas of the extension bundle are built on first use (activation does not pay for them): a lazy
 * schema parses, composes and reports issues exactly as the schema it stands for.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lazySchema } from '../../src/model/lazySchema';
import type * as ZodRuntimeModule from '../../src/model/zodRuntime';
import { zodRuntime } from '../../src/model/zodRuntime';
import { memo } from '../../src/util/memo';

const z = zodRuntime();

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

describe('zodRuntime', () => {
  it('hands lazySchema builders zod/mini with English messages', () => {
    const Name = lazySchema((zod) => zod.object({ name: zod.string() }));
    const parsed = Name.safeParse({ name: 7 });
    assert.equal(parsed.success, false);
    assert.equal(parsed.error?.issues[0]?.message, 'Invalid input: expected string, received number');
  });

  it('ships for the extension bundle as dist/lazy/zod.js, which works alone and carries only the parts used', () => {
    const file = path.resolve(__dirname, '..', '..', 'dist', 'lazy', 'zod.js');
    assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
    const built = createRequire(__filename)(file) as typeof ZodRuntimeModule;
    assert.deepEqual(Object.keys(built.zodRuntime()).sort(), Object.keys(zodRuntime()).sort());
    const parsed = built.zodRuntime().int().safeParse('3');
    assert.equal(parsed.error?.issues[0]?.message, 'Invalid input: expected number, received string');
    // Every locale and the JSON-Schema code would come with the whole namespace (432 KB).
    assert.ok(!fs.readFileSync(file, 'utf8').includes('toJSONSchema'), 'dist/lazy/zod.js carries the JSON-Schema code');
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
