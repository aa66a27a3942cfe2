import { AsyncLocalStorage } from 'node:async_hooks';

/** Bounds how many cloud calls run at once across the whole tree, so a big tenancy cannot flood an API. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Cloud calls the tree runs at once, across every account (see README, Performance, for the figures behind it). */
export const CLOUD_CALL_CONCURRENCY = 12;

/**
 * The slot a limited task runs in. A task that only waits (a retry's back-off) gives the slot back
 * for the wait and takes one again before it works on, so waiting never keeps other calls queued.
 */
interface Slot {
  /** Gives the slot back while `wait` runs; takes one again (ahead of calls not started yet) after it. */
  away<T>(wait: () => Promise<T>): Promise<T>;
}

/**
 * The task's slot travels with its async context. The store is shared through a global symbol
 * because each cloud adapter is its own bundle (dist/clouds/<cloud>.js) with its own copy of this
 * module, while the limiter lives in the extension's bundle.
 */
const SLOT_STORE = Symbol.for('cloudKeys.limiter.slot');
const slots: AsyncLocalStorage<Slot> =
  ((globalThis as Record<symbol, unknown>)[SLOT_STORE] as AsyncLocalStorage<Slot> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[SLOT_STORE] = new AsyncLocalStorage<Slot>());

/**
 * Runs `wait` (a pause that does no work, such as a retry's back-off) without holding the limiter
 * slot of the task it belongs to, if it belongs to one. Failures of `wait` pass through as they are.
 */
export function awayFromSlot<T>(wait: () => Promise<T>): Promise<T> {
  const slot = slots.getStore();
  return slot ? slot.away(wait) : wait();
}

/** A counting semaphore: `acquire` resolves when one of `size` permits is free. */
class Permits {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  acquire(first = false): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => (first ? this.#waiting.unshift(resolve) : this.#waiting.push(resolve)));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}

export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, not ${concurrency}`);
  const permits = new Permits(concurrency);
  return async <T>(task: () => Promise<T>): Promise<T> => {
    await permits.acquire();
    let held = true;
    let finished = false;
    /** Waits (of concurrent branches of one task, e.g. two requests sent together) under way. */
    let away = 0;
    let reacquiring: Promise<void> | undefined;
    const slot: Slot = {
      async away(wait) {
        away += 1;
        if (held && away === 1) {
          held = false;
          permits.release();
        }
        let result: Awaited<ReturnType<typeof wait>>;
        try {
          result = await wait();
        } finally {
          away -= 1;
        }
        if (!held && !finished) {
          reacquiring ??= permits.acquire(true).then(() => {
            reacquiring = undefined;
            if (finished) permits.release();
            else held = true;
          });
          await reacquiring;
        }
        return result;
      },
    };
    try {
      return await slots.run(slot, task);
    } finally {
      finished = true;
      if (held) {
        held = false;
        permits.release();
      }
    }
  };
}
