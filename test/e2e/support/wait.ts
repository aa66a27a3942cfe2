// Waiting in the e2e tests: every wait is for a state or an event (a row shows, a log line is
// written, the emulator saw a call), never a pause. The only time limit is one generous safety bound,
// so that a test that can never pass ends with a message instead of hanging the tier; it is not what
// a test waits for, and a loaded machine (other processes on the same cores) stays far inside it.

/** The outer bound of every wait: far above what any step takes, even on a machine under load. */
export const SAFETY_BOUND_MS = 120_000;

/** Polls `check` until it returns a value other than undefined/false; fails naming `what` after the safety bound. */
export async function waitUntil<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  boundMs = SAFETY_BOUND_MS,
): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${boundMs / 1000} s (the safety bound) waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
