/**
 * For the parts of the VS Code API the host double does not model: a value that can be read,
 * called and constructed without failing, and that records its name, so the benchmark can say
 * which API members activation touched beyond the typed double (they cost nothing here, and would
 * cost something in VS Code).
 */
export class UnmodelledApi {
  readonly touched = new Set<string>();
  readonly #cache = new Map<string, unknown>();

  /** A stand-in named `name` (e.g. `languages.registerCodeLensProvider`); recorded when first touched. */
  standIn(name: string): unknown {
    const cached = this.#cache.get(name);
    if (cached) return cached;
    const target = function standIn() {};
    const assigned = new Map<string | symbol, unknown>();
    const proxy: unknown = new Proxy(target, {
      set: (_t, prop, value) => {
        assigned.set(prop, value);
        return true;
      },
      get: (_t, prop) => {
        if (assigned.has(prop)) return assigned.get(prop);
        if (prop === 'then') return undefined;
        if (prop === Symbol.toPrimitive) return () => name;
        // An empty collection wherever one is iterated (open documents, folders, extensions…).
        if (prop === Symbol.iterator) return function* empty() {};
        if (prop === 'length') return 0;
        if (typeof prop === 'symbol') return undefined;
        if (prop === 'prototype') return Object.prototype;
        return this.standIn(`${name}.${prop}`);
      },
      apply: () => {
        this.touched.add(`${name}()`);
        return this.standIn(`${name}()`);
      },
      construct: () => {
        this.touched.add(`new ${name}`);
        return this.standIn(`new ${name}`) as object;
      },
    });
    this.#cache.set(name, proxy);
    return proxy;
  }

  /**
   * `typed`, with every member it lacks answered by a stand-in named `<prefix>.<member>`. `names`
   * are listed as its own keys too, for bundlers' ESM interop, which copies a module's own keys.
   */
  around<T extends object>(prefix: string, typed: T, names: readonly string[] = []): T {
    return new Proxy(typed, {
      ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...names])],
      getOwnPropertyDescriptor: (target, prop) =>
        Reflect.getOwnPropertyDescriptor(target, prop) ??
        (typeof prop === 'string' && names.includes(prop)
          ? { configurable: true, enumerable: true, value: undefined, writable: false }
          : undefined),
      get: (target, prop, receiver) => {
        if (typeof prop === 'symbol' || prop in target || prop.startsWith('__')) return Reflect.get(target, prop, receiver);
        this.touched.add(`${prefix}${prop}`);
        return this.standIn(`${prefix}${prop}`);
      },
    });
  }
}
