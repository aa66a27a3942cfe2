/**
 * Seeded variation of the emulators' answers within what the vendor's spec allows: optional fields
 * left out, `null` where the contract allows it, unknown extra fields where the spec does not forbid
 * them. The same seed gives the same answers, so a failure can be replayed.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** mulberry32: a small deterministic generator (tests only, never for secrets). */
export class Variation {
  #state: number;

  constructor(readonly seed: number) {
    this.#state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(probability = 0.5): boolean {
    return this.next() < probability;
  }

  /** `object` without each of `keys` half the time. */
  omit(object: JsonObject, keys: readonly string[]): JsonObject {
    const out = { ...object };
    for (const key of keys) if (key in out && this.chance()) delete out[key];
    return out;
  }

  /** `object` with each of `keys` set to null half the time (only where the contract allows null). */
  nullify(object: JsonObject, keys: readonly string[]): JsonObject {
    const out = { ...object };
    for (const key of keys) if (this.chance()) out[key] = null;
    return out;
  }

  /** `object` with, half the time, a field a later API version might add. */
  extra(object: JsonObject): JsonObject {
    if (!this.chance()) return object;
    const values: Json[] = ['added later', 42, true, { nested: ['x'] }, null];
    return { ...object, [`futureField${Math.floor(this.next() * 100)}`]: values[Math.floor(this.next() * values.length)] };
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
