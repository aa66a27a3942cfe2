import type { LeakHints } from '../shared/leakHints';

/** OUTSCALE's tools read `OSC_ACCESS_KEY` and `OSC_SECRET_KEY` (as src/clouds/outscale/credentials.ts does, after osc-cli and the OSC SDKs). */
export const OUTSCALE_LEAK_HINTS: LeakHints = {
  cloud: 'outscale',
  names: /(?:^|[^a-z])(?:osc|outscale)(?:[^a-z]|$)/,
  env: { keyId: 'OSC_ACCESS_KEY', secret: 'OSC_SECRET_KEY' },
  source: 'OSC SDKs and osc-cli: OSC_ACCESS_KEY, OSC_SECRET_KEY',
};
