// Holding one call at an emulator until the test lets it go, so that the cloud acts at a moment the
// test chooses (e.g. once the extension host that sent the call has been killed), whatever the load
// on the machine. The emulators' own latency fault lasts a fixed time, which is a guess at how long a
// reload takes; this waits for the event instead.
import type { Fault, FaultInjector } from '../../emulators/shared/faults';

export interface HeldCall {
  /** Whether the call has reached the emulator and is being held. */
  readonly arrived: () => boolean;
  /** Lets the emulator answer (and act on) the call; harmless when already released. */
  release(): void;
}

const holding = new Set<HeldCall>();

/**
 * Holds the next call to `route` (the emulator's route key, e.g. `CreateAccessKey` or
 * `POST /users/…/customerSecretKeys`) until `release()`. It works through the emulator's fault list:
 * the emulator applies a call's faults one after another as it iterates them
 * (test/emulators/shared/httpServer.ts), so the held call is handed faults of 20 ms latency, one at a
 * time, until the test releases it.
 */
export function holdNextCall(faults: FaultInjector, route: string): HeldCall {
  let arrived = false;
  let released = false;
  const take = faults.take.bind(faults);
  function* heldFaults(others: Fault[]): Generator<Fault> {
    while (!released) yield { route, kind: 'latency', ms: 20 };
    yield* others;
  }
  const held: HeldCall = {
    arrived: () => arrived,
    release() {
      released = true;
      holding.delete(held);
      if (!arrived) Reflect.deleteProperty(faults, 'take');
    },
  };
  Object.defineProperty(faults, 'take', {
    configurable: true,
    value: (routeKey: string): Fault[] => {
      const others = take(routeKey);
      if (routeKey !== route) return others;
      arrived = true;
      Reflect.deleteProperty(faults, 'take'); // the next call to the route goes through
      return heldFaults(others) as unknown as Fault[];
    },
  });
  holding.add(held);
  return held;
}

/** Releases every call still held (after a failed test, so the emulator answers and can close). */
export function releaseAllHeldCalls(): void {
  for (const held of [...holding]) held.release();
}
