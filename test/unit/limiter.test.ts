import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withRetry } from '../../src/clouds/shared/retry';
import { CloudError } from '../../src/model/cloudError';
import { awayFromSlot, createLimiter } from '../../src/util/limiter';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const QUICK = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 10_000 };

describe('the cloud-call limiter', () => {
  it('never runs more tasks at once than its size', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limit(async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((r) => setImmediate(r));
          running -= 1;
        }),
      ),
    );
    assert.equal(most, 3);
  });

  it('lets a queued call run while another waits out a retry back-off, then retries that one', async () => {
    const limit = createLimiter(1);
    const events: string[] = [];
    const first = limit(() =>
      withRetry(
        async (n) => {
          events.push(`first, attempt ${n + 1}`);
          if (n === 0) throw new CloudError('throttled', 'Too many requests.');
          return 'first';
        },
        { policy: QUICK, random: () => 1 },
      ),
    );
    const second = limit(async () => {
      events.push('second');
      return 'second';
    });
    assert.deepEqual(await Promise.all([first, second]), ['first', 'second']);
    assert.deepEqual(events, ['first, attempt 1', 'second', 'first, attempt 2']);
  });

  it('takes a slot back before working on: a waiting task resumes only when one is free', async () => {
    const limit = createLimiter(1);
    const events: string[] = [];
    const pause = deferred();
    const secondHolds = deferred();
    const first = limit(async () => {
      await awayFromSlot(() => pause.promise);
      events.push('first resumed');
    });
    const second = limit(async () => {
      events.push('second started');
      pause.resolve();
      await secondHolds.promise;
      events.push('second done');
    });
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(events, ['second started'], 'the first task must not resume while the second holds the only slot');
    secondHolds.resolve();
    await Promise.all([first, second]);
    assert.deepEqual(events, ['second started', 'second done', 'first resumed']);
  });

  it('does not lose a slot when a wait is cancelled', async () => {
    const limit = createLimiter(1);
    const controller = new AbortController();
    const cancelled = limit(() =>
      withRetry(
        async () => {
          controller.abort();
          throw new CloudError('throttled', 'Too many requests.');
        },
        { policy: { ...QUICK, baseDelayMs: 1000, maxDelayMs: 1000 }, random: () => 1, signal: controller.signal },
      ),
    );
    await assert.rejects(cancelled, (error: unknown) => error instanceof CloudError && error.code === 'cancelled');
    const after = await Promise.all([limit(async () => 'a'), limit(async () => 'b')]);
    assert.deepEqual(after, ['a', 'b']);
  });

  it('runs a wait outside any limited task as it is', async () => {
    assert.equal(await awayFromSlot(async () => 'plain'), 'plain');
  });
});
