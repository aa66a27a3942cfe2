/**
 * A module-level variable that every bundle's copy of the module shares. A lazy bundle of
 * `dist/lazy/` holds its own copy of each module it imports, so a plain `let` set by code in
 * `dist/extension.js` reads `undefined` there; this slot lives on `globalThis` under a
 * `Symbol.for` key, which is the same in every bundle.
 */
export interface SharedSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
}

export function sharedSlot<T>(name: string): SharedSlot<T> {
  const key = Symbol.for(`cloudKeys.${name}`);
  const store = globalThis as Record<symbol, unknown>;
  return {
    get: () => store[key] as T | undefined,
    set: (value) => {
      store[key] = value;
    },
  };
}
