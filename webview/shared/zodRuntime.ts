/**
 * The forms' `zodRuntime` (src/model/zodRuntime.ts says why there are three): zod/mini without
 * messages, which the page never shows, and jitless, so zod does not probe for `new Function`,
 * which the page's CSP refuses (and reports).
 */
import { config } from 'zod/mini';
import { type ZodMini, zodParts } from '../../src/model/zodParts';

config({ jitless: true });

export type { ZodMini };

export function zodRuntime(): ZodMini {
  return zodParts;
}
