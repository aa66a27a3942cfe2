/**
 * zod/mini as the code uses it at run time. Every schema is built from `zodRuntime()` (`lazySchema`
 * passes it to its builder), never from a value import of 'zod/mini': the lint refuses one, type
 * imports are free. This file is the plain form: the parts in `zodParts`, with English messages
 * (zod/mini ships none, so every issue would read "Invalid input").
 *
 * Some builds put another file of the same exports in its place (`zodRuntimeFrom`, scripts/lib/bundles.mjs):
 * - dist/extension.js and the bundles of dist/lazy/ get src/util/zodRuntimeLazy.ts, which requires
 *   this file, built as dist/lazy/zod.js, the first time a schema is built: activation does not
 *   load zod at all, and the lazy bundles share one copy;
 * - the webview gets webview/shared/zodRuntime.ts: no messages (it never shows one), and no eval.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';
import { type ZodMini, zodParts } from './zodParts';

config(en());

export type { ZodMini };

export function zodRuntime(): ZodMini {
  return zodParts;
}
