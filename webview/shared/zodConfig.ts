// Imported first: zod would otherwise probe for `new Function`, which this page's CSP refuses
// (and reports). Jitless parsing needs no eval.
import { z } from 'zod';

z.config({ jitless: true });
