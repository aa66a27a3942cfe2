/**
 * Faults an emulator can be told to produce on a route (an OUTSCALE action, an OCI or IONOS path
 * pattern): added latency, an HTTP status with the cloud's error body, a dropped connection, or a
 * body that is not valid JSON. Each fault applies `times` times (default: until cleared).
 */
import { z } from 'zod';

export const FaultSchema = z.object({
  /** Matched against the route key: `METHOD /path` for REST emulators, the action name for OUTSCALE. */
  route: z.string(),
  kind: z.enum(['latency', 'status', 'drop', 'garbage']),
  ms: z.number().int().nonnegative().optional(),
  status: z.number().int().min(100).max(599).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** A body to send with `status`; when absent the emulator sends its cloud's own error body. */
  body: z.unknown().optional(),
  times: z.number().int().positive().optional(),
  /**
   * Applies the fault to this fraction of the matching requests only (0 < ratio ≤ 1), spread evenly
   * and deterministically: 0.05 hits every 20th. `times` then counts the hits.
   */
  ratio: z.number().gt(0).max(1).optional(),
});
export type Fault = z.infer<typeof FaultSchema>;

function matches(pattern: string, routeKey: string): boolean {
  if (pattern === '*' || pattern === routeKey) return true;
  // `*` in a pattern matches any run of characters except `/`; `**` matches anything.
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map(escape).join('[^/]*'))
    .join('.*');
  const regex = new RegExp(`^${source}$`);
  return regex.test(routeKey);
}

export class FaultInjector {
  #faults: { fault: Fault; left: number; credit: number }[] = [];

  add(fault: Fault): void {
    this.#faults.push({ fault: FaultSchema.parse(fault), left: fault.times ?? Number.POSITIVE_INFINITY, credit: 0 });
  }

  clear(): void {
    this.#faults = [];
  }

  /** The faults that apply to this request, consuming one use of each. */
  take(routeKey: string): Fault[] {
    const hits = this.#faults.filter((f) => f.left > 0 && matches(f.fault.route, routeKey) && this.#chosen(f));
    for (const hit of hits) hit.left -= 1;
    this.#faults = this.#faults.filter((f) => f.left > 0);
    return hits.map((h) => h.fault);
  }

  /** Whether a matching request gets this fault: always, or every 1/ratio-th one. */
  #chosen(entry: { fault: Fault; credit: number }): boolean {
    if (entry.fault.ratio === undefined) return true;
    entry.credit += entry.fault.ratio;
    if (entry.credit < 1 - 1e-9) return false;
    entry.credit -= 1;
    return true;
  }
}
