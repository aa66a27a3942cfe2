/**
 * Faults an emulator can be told to produce on a route (an OUTSCALE action, an OCI or IONOS path
 * pattern): added latency, an HTTP status with the cloud's error body (or any body and headers, such
 * as `Retry-After`), a dropped connection, a body that is not valid JSON, an error page from a proxy
 * (`page`), the real answer trickled byte by byte after its headers (`trickle`), or the real answer
 * cut halfway (`truncate`: a complete HTTP message whose body stops short, as a proxy that gave up
 * would send; `cut`: the full length announced and the connection closed halfway). `trickle`,
 * `truncate` and `cut` run the request for real: a create they hit does create the key.
 * Each fault applies `times` times (default: until cleared).
 */
import type http from 'node:http';
import { z } from 'zod';

export const FaultSchema = z.object({
  /** Matched against the route key: `METHOD /path` for REST emulators, the action name for OUTSCALE. */
  route: z.string(),
  kind: z.enum(['latency', 'status', 'drop', 'garbage', 'page', 'trickle', 'truncate', 'cut']),
  /** `latency`: the added wait; `trickle`: the wait between two bytes of the body (default 200). */
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

/** Whether a fault's route pattern matches a request's route key. */
export function routeMatches(pattern: string, routeKey: string): boolean {
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
    const hits = this.#faults.filter((f) => f.left > 0 && routeMatches(f.fault.route, routeKey) && this.#chosen(f));
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

/** What a fault needs of the emulator server: the request's socket and the three ways to answer. */
export interface FaultTarget {
  readonly res: http.ServerResponse;
  /** The emulator's real answer as bytes (the handler runs: a create creates). */
  answer(): Promise<WireResponse>;
  /** The cloud's own error answer for `status`. */
  errorBody(status: number): WireResponse;
  send(response: WireResponse): void;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** A proxy's error page: HTML, with the status's reason phrase and none of the cloud's JSON. */
function errorPage(status: number): Buffer {
  return Buffer.from(
    `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>The upstream server did not answer. <b>nginx</b></p></body></html>\n`,
  );
}

/**
 * Applies the faults of one request in order; true when one of them answered (or dropped) it, false
 * when the emulator should answer normally.
 */
export async function applyFaults(faults: readonly Fault[], target: FaultTarget): Promise<boolean> {
  const { res } = target;
  for (const fault of faults) {
    switch (fault.kind) {
      case 'latency':
        await new Promise((r) => setTimeout(r, fault.ms ?? 1000));
        break;
      case 'drop':
        res.socket?.destroy();
        return true;
      case 'garbage':
        target.send({ status: fault.status ?? 200, body: Buffer.from('<html>not json{'), headers: { 'content-type': 'application/json' } });
        return true;
      case 'status': {
        const status = fault.status ?? 500;
        const base = fault.body === undefined ? target.errorBody(status) : { status, headers: {}, body: toBuffer(fault.body) };
        target.send({ ...base, status, headers: { ...base.headers, ...(fault.headers ?? {}) } });
        return true;
      }
      case 'page': {
        const status = fault.status ?? 502;
        target.send({ status, headers: { 'content-type': 'text/html; charset=utf-8', ...(fault.headers ?? {}) }, body: errorPage(status) });
        return true;
      }
      case 'trickle': {
        const real = await target.answer();
        res.writeHead(real.status, { ...real.headers, 'content-length': String(real.body.length) });
        res.flushHeaders();
        for (const byte of real.body) {
          if (res.destroyed) return true;
          await new Promise((r) => setTimeout(r, fault.ms ?? 200));
          res.write(Buffer.from([byte]));
        }
        res.end();
        return true;
      }
      case 'truncate': {
        const real = await target.answer();
        target.send({ ...real, body: real.body.subarray(0, Math.floor(real.body.length / 2)) });
        return true;
      }
      case 'cut': {
        const real = await target.answer();
        res.writeHead(real.status, { ...real.headers, 'content-length': String(real.body.length) });
        res.write(real.body.subarray(0, Math.floor(real.body.length / 2)), () => res.socket?.destroy());
        return true;
      }
    }
  }
  return false;
}

/** A body as sent: strings and Buffers as they are, anything else as JSON. */
export function toBuffer(body: unknown): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}
