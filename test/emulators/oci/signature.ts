/**
 * Checks an OCI request signature the way the service does, with an implementation other than the
 * SDK's signer: draft-cavage HTTP signatures (`rsa-sha256`) parsed and verified by the
 * `http-signature` package against the public key registered for the `keyId`, plus the checks OCI
 * adds (required headers per method, `x-content-sha256` and `content-length` against the body,
 * at most 5 minutes of clock difference).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { EmulatorRequest } from '../shared/httpServer';
import type { SessionTokenIssuer } from './sessionTokens';
import type { EmulatorUser, OciTenancyState } from './state';

interface ParsedSignature {
  readonly params: { readonly keyId: string; readonly algorithm: string; readonly headers: string[] };
}
interface HttpSignatureModule {
  parseRequest(request: unknown, options?: { clockSkew?: number }): ParsedSignature;
  verifySignature(parsed: ParsedSignature, publicKeyPem: string): boolean;
}
const httpSignature = createRequire(__filename)('http-signature') as HttpSignatureModule;

export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type SignatureCheck = { readonly ok: true; readonly user: EmulatorUser } | { readonly ok: false; readonly message: string };

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function fail(message: string): SignatureCheck {
  return { ok: false, message };
}

/**
 * A session signature: `keyId="ST$<token>"`, the token issued by this emulator and not expired, its
 * user active in this tenancy, and the request signed with the private half of the token's `jwk`.
 */
function checkSessionSignature(
  parsed: ParsedSignature,
  state: OciTenancyState,
  now: number,
  sessions: SessionTokenIssuer | undefined,
): SignatureCheck {
  if (!sessions) return fail('Session tokens are not accepted here.');
  const session = sessions.verify(parsed.params.keyId.slice('ST$'.length), now);
  if (!session.ok) return fail(session.message);
  if (session.tenancyId !== state.tenancyId) return fail('The session token belongs to another tenancy.');
  const user = state.users.find((candidate) => candidate.id === session.userId);
  if (!user || user.lifecycleState !== 'ACTIVE') return fail('The user of the session token does not exist or is not active.');
  let valid = false;
  try {
    valid = httpSignature.verifySignature(parsed, session.publicKeyPem);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, user } : fail('The signature does not verify with the session key of the token.');
}

export function checkSignature(req: EmulatorRequest, state: OciTenancyState, now: number, sessions?: SessionTokenIssuer): SignatureCheck {
  if (!req.headers.authorization)
    return fail('The required information to complete authentication was not provided: no Authorization header.');
  let parsed: ParsedSignature;
  try {
    // The clock is checked below against the emulator's own (possibly skewed) clock.
    parsed = httpSignature.parseRequest(req.raw, { clockSkew: Number.MAX_SAFE_INTEGER / 1000 });
  } catch (error) {
    return fail(`The Authorization header is not a valid HTTP signature: ${error instanceof Error ? error.message : 'unreadable'}.`);
  }
  if (parsed.params.algorithm !== 'rsa-sha256')
    return fail(`Signature algorithm ${parsed.params.algorithm} is not supported; use rsa-sha256.`);
  const signed = new Set(parsed.params.headers);
  const dateHeader = signed.has('x-date') ? 'x-date' : signed.has('date') ? 'date' : undefined;
  const required = [
    '(request-target)',
    'host',
    ...(BODY_METHODS.has(req.method) ? ['content-length', 'content-type', 'x-content-sha256'] : []),
  ];
  const unsigned = required.filter((name) => !signed.has(name));
  if (!dateHeader) unsigned.unshift('date or x-date');
  if (unsigned.length) return fail(`The signature must cover ${unsigned.join(', ')}.`);

  const sent = Date.parse(String(req.headers[dateHeader!]));
  if (Number.isNaN(sent)) return fail(`The ${dateHeader} header is not a date.`);
  if (Math.abs(now - sent) > MAX_CLOCK_SKEW_MS) {
    return fail(`The ${dateHeader} header is more than 5 minutes away from the service's clock; check the clock of the calling computer.`);
  }
  if (BODY_METHODS.has(req.method)) {
    const digest = createHash('sha256').update(req.body).digest('base64');
    if (req.headers['x-content-sha256'] !== digest) return fail('The x-content-sha256 header does not match the body.');
    if (Number(req.headers['content-length']) !== req.body.length) return fail('The content-length header does not match the body.');
  }

  if (parsed.params.keyId.startsWith('ST$')) return checkSessionSignature(parsed, state, now, sessions);
  const [tenancyId, userId, fingerprint, ...rest] = parsed.params.keyId.split('/');
  if (rest.length || !fingerprint) return fail('The keyId must be <tenancy OCID>/<user OCID>/<key fingerprint>.');
  if (tenancyId !== state.tenancyId) return fail('The tenancy in keyId is not this tenancy.');
  const user = state.users.find((candidate) => candidate.id === userId);
  if (!user || user.lifecycleState !== 'ACTIVE') return fail('The user in keyId does not exist or is not active.');
  const key = state.apiKeys.find((candidate) => candidate.userId === userId && candidate.fingerprint === fingerprint);
  if (!key || key.lifecycleState !== 'ACTIVE' || key.activeFrom > now)
    return fail('No active API key with this fingerprint belongs to the user.');
  let valid = false;
  try {
    valid = httpSignature.verifySignature(parsed, key.keyValue);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, user } : fail('The signature does not verify with the API key named in keyId.');
}
