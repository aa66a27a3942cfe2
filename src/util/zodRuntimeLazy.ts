/**
 * dist/extension.js's `zodRuntime` (src/model/zodRuntime.ts says why): zod/mini and its messages
 * from dist/lazy/zod.js, required the first time a schema is built, which is after activation.
 */
import type * as Plain from '../model/zodRuntime';
import { lazyBundle } from './lazyBundles';

export type ZodMini = Plain.ZodMini;

const loadZod = lazyBundle<typeof Plain>('zod', 'input checks (zod)');

export function zodRuntime(): ZodMini {
  return loadZod().zodRuntime();
}
