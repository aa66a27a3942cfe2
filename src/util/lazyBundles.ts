import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A bundle of `dist/lazy/` (built next to `dist/extension.js` by esbuild.mjs), required on first use
 * and kept. The path is computed, so esbuild leaves the code out of the extension bundle. The bundles
 * themselves, typed, are in `src/services/lazyModules.ts` (this layer imports nothing above it).
 */
export function lazyBundle<T>(name: string, what: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded) return loaded;
    // From dist/extension.js the bundles are in dist/lazy/; from a bundle of dist/lazy/, beside it.
    const file = path.join(path.basename(__dirname) === 'lazy' ? __dirname : path.join(__dirname, 'lazy'), `${name}.js`);
    try {
      loaded = createRequire(__filename)(file) as T;
    } catch (error) {
      throw new Error(`Cloud Keys' ${what} could not be loaded from ${file}. Reinstall the extension.`, { cause: error });
    }
    return loaded;
  };
}
