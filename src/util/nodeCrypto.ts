import type * as NodeCrypto from 'node:crypto';
import { createRequire } from 'node:module';
import { memo } from './memo';

/**
 * `node:crypto`, required on first use. A bundle turns `import … from 'node:crypto'` into a
 * `require` run as the bundle loads, and loading Node's crypto module costs more than the rest of
 * activation's code; activation itself hashes, signs and draws nothing.
 */
export const nodeCrypto = memo(() => createRequire(__filename)('node:crypto') as typeof NodeCrypto);
