// Imported first: zod would otherwise probe for `new Function`, which this page's CSP refuses
// (and reports). Jitless parsing needs no eval.
import * as z from 'zod/mini';

z.config({ jitless: true });
