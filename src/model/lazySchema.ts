import { type ZodMini, zodRuntime } from './zodRuntime';

/**
 * A schema (or any object) built the first time it is used rather than when its module loads: a
 * stand-in that builds it on the first property access and forwards every access to it. zod spends
 * most of a schema's cost in its constructor, and activation loads every schema module of the
 * extension bundle; most schemas are first used long after (a form opens, a journal is read).
 * Schemas compose: one built from lazy ones builds them when it is built, not before. The builder
 * gets zod/mini from `zodRuntime()`, so a module of schemas needs no value import of zod.
 */
export function lazySchema<T extends object>(build: (z: ZodMini) => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build(zodRuntime()));
  return new Proxy({} as T, {
    get: (_target, prop) => Reflect.get(real(), prop),
    set: (_target, prop, value) => Reflect.set(real(), prop, value),
    has: (_target, prop) => Reflect.has(real(), prop),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, prop) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), prop);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    defineProperty: (_target, prop, descriptor) => Reflect.defineProperty(real(), prop, descriptor),
  });
}
