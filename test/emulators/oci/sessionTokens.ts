/**
 * Session tokens for the OCI emulator, standing in for the UPSTs that `oci session authenticate`
 * obtains: JWTs whose payload names the user (`sub`), the tenancy (`tenant`), the expiry (`exp`,
 * seconds) and the session's public key (`jwk`), which signs the requests that carry
 * `keyId="ST$<token>"`. The emulator signs them itself (HS256 with a secret of its own, through the
 * `jsonwebtoken` package, not the adapter's code) and verifies them on every such request.
 * OCI's real tokens are RS256-signed by OCI; only the claims read by the adapter matter here.
 */
import { createPublicKey, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

interface JwtModule {
  sign(payload: object, secret: Buffer, options: { algorithm: 'HS256'; noTimestamp: true }): string;
  verify(token: string, secret: Buffer, options: { algorithms: ['HS256']; clockTimestamp: number }): unknown;
}
const jwt = createRequire(__filename)('jsonwebtoken') as JwtModule;

export interface SessionTokenRequest {
  readonly userId: string;
  readonly tenancyId: string;
  /** The session's public key (PEM): requests signed with its private key are accepted. */
  readonly publicKeyPem: string;
  /** Seconds from the emulator's now until the token expires; negative for one already expired. */
  readonly ttlSeconds: number;
}

export interface VerifiedSession {
  readonly ok: true;
  readonly userId: string;
  readonly tenancyId: string;
  readonly publicKeyPem: string;
}

export type SessionCheck = VerifiedSession | { readonly ok: false; readonly message: string };

export class SessionTokenIssuer {
  readonly #secret = randomBytes(32);

  issue(request: SessionTokenRequest, now: number): string {
    const iat = Math.floor(now / 1000);
    const jwk = createPublicKey(request.publicKeyPem).export({ format: 'jwk' });
    return jwt.sign(
      { sub: request.userId, tenant: request.tenancyId, iat, exp: iat + request.ttlSeconds, ptype: 'user', sess_exp: iat + 86_400, jwk },
      this.#secret,
      { algorithm: 'HS256', noTimestamp: true },
    );
  }

  /** Checks a token's own signature and expiry against the emulator's clock; never echoes the token. */
  verify(token: string, now: number): SessionCheck {
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.#secret, { algorithms: ['HS256'], clockTimestamp: Math.floor(now / 1000) });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return {
        ok: false,
        message: name === 'TokenExpiredError' ? 'The session token has expired.' : 'The session token is not valid.',
      };
    }
    const claims = payload as { sub?: unknown; tenant?: unknown; jwk?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.tenant !== 'string' || typeof claims.jwk !== 'object' || claims.jwk === null) {
      return { ok: false, message: 'The session token lacks sub, tenant or jwk.' };
    }
    let publicKeyPem: string;
    try {
      publicKeyPem = createPublicKey({ key: claims.jwk as import('node:crypto').JsonWebKey, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
    } catch {
      return { ok: false, message: 'The session token holds no usable public key.' };
    }
    return { ok: true, userId: claims.sub, tenancyId: claims.tenant, publicKeyPem };
  }
}
