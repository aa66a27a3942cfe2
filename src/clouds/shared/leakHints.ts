import type { CloudId } from '../../model/types';

/**
 * What a cloud's credentials are called where people write them: the words that name the cloud on
 * a line (`OSC_SECRET_KEY`, `ionos_token`), and the environment variable names its own tools read,
 * which a "move to an environment variable" fix suggests. Each cloud states its own in
 * `src/clouds/<cloud>/leakHints.ts`.
 */
export interface LeakHints {
  readonly cloud: CloudId;
  /** Matches an identifier (lower case, separators kept) that names the cloud. */
  readonly names: RegExp;
  /** The variable its tools read for a key id, a secret and (IONOS) an API token. */
  readonly env: { readonly keyId: string; readonly secret: string; readonly token?: string };
  readonly source: string;
}
