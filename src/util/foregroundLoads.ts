/**
 * Loads someone is waiting for (the tree's, started by a click or a reload of expanded rows),
 * counted while they run, so that background reads (the key count) hold their next call until
 * none runs: on a 2-core machine every background call (signing, parsing, the next request) delays
 * the answer the user is looking at.
 */
export class ForegroundLoads {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  /** Runs `load`, counted as a foreground load until it settles. */
  async run<T>(load: () => PromiseLike<T>): Promise<T> {
    this.#running += 1;
    try {
      return await load();
    } finally {
      this.#running -= 1;
      if (this.#running === 0) for (const resume of this.#waiting.splice(0)) resume();
    }
  }

  /** Resolves at once when no foreground load runs, else when the last one running ends. */
  idle(): Promise<void> {
    return this.#running === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiting.push(resolve));
  }
}
