import { createRequire } from 'node:module';
import path from 'node:path';
import type * as OciProfileBundle from '../operations/exports/ociProfileModule';
import type * as TerraformGeneratorBundle from '../terraform/generate';
import type * as LeaksBundle from '../leaks/lazyEntry';

export type OciProfileModule = typeof OciProfileBundle;
export type TerraformGeneratorModule = typeof TerraformGeneratorBundle;
export type LeaksModule = typeof LeaksBundle;

/**
 * A bundle of `dist/lazy/` (built next to `dist/extension.js` by esbuild.mjs), required on first use
 * and kept. The path is computed, so esbuild leaves the code out of the extension bundle.
 */
function lazyBundle<T>(name: string, what: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded) return loaded;
    const file = path.join(__dirname, 'lazy', `${name}.js`);
    try {
      loaded = createRequire(__filename)(file) as T;
    } catch (error) {
      throw new Error(`Cloud Keys' ${what} could not be loaded from ${file}. Reinstall the extension.`, { cause: error });
    }
    return loaded;
  };
}

/** Saving and rotating OCI config profiles, with the OCI config parser and the `diff` library. */
export const loadOciProfileModule = lazyBundle<OciProfileModule>('ociProfile', 'OCI profile code');

/** "Generate Terraform": the HCL for accounts and keys. */
export const loadTerraformGenerator = lazyBundle<TerraformGeneratorModule>('terraformGenerate', 'Terraform generator');

/** Leak detection: the key-matching engine and the detectors. */
export const loadLeaksModule = lazyBundle<LeaksModule>('leaks', 'leak detection');
