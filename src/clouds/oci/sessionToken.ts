import fs from 'node:fs';
import { z } from 'zod';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';

/**
 * The security token of a session profile (`oci session authenticate`): a JWT (OCI calls it a UPST,
 * user principal session token) kept in the file named by `security_token_file`. The OCI CLI
 * rewrites that file in place on `oci session refresh`, so it is read again on every use.
 *
 * Only the payload is read here, never verified: OCI verifies the token on each request. The claims
 * used are `sub` (the user OCID) and `tenant` (the tenancy OCID), as the OCI CLI itself reads them
 * after `oci session authenticate` (oracle/oci-cli `cli_session.py`, `cli_setup_bootstrap.py`:
 * `user_ocid = token_data['sub']`, `tenancy_ocid = token_data['tenant']`), and `exp` (seconds since
 * the epoch, RFC 7519), which `oci session validate --local` checks.
 */
const SessionClaimsSchema = z.object({
  // Each claim on its own: one malformed claim must not hide the others (above all `exp`).
  sub: z.string().min(1).optional().catch(undefined),
  tenant: z.string().min(1).optional().catch(undefined),
  exp: z.number().finite().optional().catch(undefined),
});

export type SessionClaims = z.output<typeof SessionClaimsSchema>;

/** Three base64url parts: what a JWT looks like, without reading it. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The payload of a JWT, or `undefined` when the text is not a JWT whose payload is a JSON object. */
export function decodeSessionClaims(token: string): SessionClaims | undefined {
  if (!JWT_SHAPE.test(token)) return undefined;
  try {
    const parsed = SessionClaimsSchema.safeParse(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Tolerance for this machine's clock running ahead of OCI's when checking `exp`. */
const CLOCK_SKEW_MS = 60_000;
/** How long to wait before reading a token file again that looked half written (`oci session refresh` rewrites it). */
const REREAD_AFTER_MS = 150;

/** What to run so a profile gets a fresh token, in the CLI's own words. */
export function renewHint(profile: string): string {
  return `run \`oci session refresh --profile ${profile}\` (or \`oci session authenticate\` if the session can no longer be refreshed)`;
}

export interface SessionTokenRead {
  readonly token: Secret;
  /** Undefined when the token's payload cannot be read (it is still sent; OCI decides). */
  readonly claims?: SessionClaims;
}

/** One session profile's token file; every read goes to the file, so a refreshed token is used at once. */
export class SessionTokenFile {
  constructor(
    readonly file: string,
    readonly profile: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The token as the file holds it now. A file that is empty or does not hold a JWT is read once more
   * after a moment (the CLI may be rewriting it), then refused with what to run. Never puts the token
   * in a message.
   */
  async read(): Promise<SessionTokenRead> {
    let value = await this.#readText();
    if (!JWT_SHAPE.test(value)) {
      await new Promise((resolve) => setTimeout(resolve, REREAD_AFTER_MS));
      value = await this.#readText();
    }
    if (!value) {
      throw new CloudError(
        'config',
        `The session token file ${this.file} of profile ${this.profile} is empty; ${renewHint(this.profile)}.`,
        { cloud: 'oci' },
      );
    }
    if (!JWT_SHAPE.test(value)) {
      throw new CloudError(
        'config',
        `The file ${this.file} (security_token_file of profile ${this.profile}) does not hold a session token; ${renewHint(this.profile)}, or point security_token_file at the token file.`,
        { cloud: 'oci' },
      );
    }
    const claims = decodeSessionClaims(value);
    return claims ? { token: new Secret(value), claims } : { token: new Secret(value) };
  }

  async #readText(): Promise<string> {
    try {
      return (await fs.promises.readFile(this.file, 'utf8')).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CloudError(
        'config',
        code === 'ENOENT'
          ? `The session token file ${this.file} of profile ${this.profile} does not exist; run \`oci session authenticate --profile-name ${this.profile}\` to sign in again.`
          : `The session token file ${this.file} of profile ${this.profile} could not be read (${code ?? 'error'}). Check that it is a readable file.`,
        { cloud: 'oci' },
      );
    }
  }

  /** The token, refused before any request is signed with it when its `exp` has passed. */
  async current(): Promise<Secret> {
    const { token, claims } = await this.read();
    if (claims?.exp !== undefined && claims.exp * 1000 + CLOCK_SKEW_MS <= this.now()) {
      throw new CloudError(
        'auth',
        `The session of profile ${this.profile} expired at ${new Date(claims.exp * 1000).toISOString()} (by this machine's clock); ${renewHint(this.profile)}.`,
        { cloud: 'oci' },
      );
    }
    return token;
  }
}
