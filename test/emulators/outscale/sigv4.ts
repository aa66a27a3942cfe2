/**
 * Verifies the AWS SigV4 signature of an OUTSCALE request with `@smithy/signature-v4` — a different
 * implementation from the adapter's `aws4` — by re-signing the signed headers and body with the
 * secret of the key named in the credential scope.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { EmulatorRequest } from '../shared/httpServer';

/** Requests must be signed within 5 minutes of the server's clock (docs About-Signatures-of-API-Requests). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

export type SignatureCheck =
  | { readonly ok: true; readonly accessKeyId: string }
  /** `accessKeyId` is set when the request named one (failures count against it). */
  | { readonly ok: false; readonly reason: string; readonly accessKeyId?: string; readonly unknownScheme?: boolean };

export interface VerifyOptions {
  readonly region: string;
  readonly service: string;
  readonly now: number;
  /** The secret of an access key, or undefined for a key that does not exist. */
  readonly secretOf: (accessKeyId: string) => string | undefined;
}

/** `20260131T101500Z` → Date. */
function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

function header(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export async function verifySignature(req: EmulatorRequest, options: VerifyOptions): Promise<SignatureCheck> {
  const authorization = header(req, 'authorization');
  if (!authorization) return { ok: false, reason: 'The request has no Authorization header.' };
  const m = AUTHORIZATION.exec(authorization.trim());
  if (!m) return { ok: false, reason: 'The Authorization header is not an AWS4-HMAC-SHA256 signature.', unknownScheme: true };
  const [, accessKeyId, scopeDate, scopeRegion, scopeService, signedHeaderList, signature] = m;
  const amzDate = header(req, 'x-amz-date');
  const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!signingDate) return { ok: false, accessKeyId, reason: 'The request has no valid X-Amz-Date header.' };
  if (amzDate!.slice(0, 8) !== scopeDate) return { ok: false, accessKeyId, reason: 'The credential scope date does not match X-Amz-Date.' };
  if (Math.abs(signingDate.getTime() - options.now) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, accessKeyId, reason: 'The request timestamp is more than 5 minutes away from the server time.' };
  }
  if (scopeRegion !== options.region)
    return { ok: false, accessKeyId, reason: `The credential scope region ${scopeRegion} is not ${options.region}.` };
  if (scopeService !== options.service)
    return { ok: false, accessKeyId, reason: `The credential scope service ${scopeService} is not ${options.service}.` };
  const signed = signedHeaderList.split(';');
  for (const required of ['host', 'x-amz-date']) {
    if (!signed.includes(required)) return { ok: false, accessKeyId, reason: `The header ${required} is not signed.` };
  }
  const secret = options.secretOf(accessKeyId);
  if (secret === undefined) return { ok: false, accessKeyId, reason: 'The access key does not exist.' };

  const headers: Record<string, string> = {};
  for (const name of signed) {
    const value = header(req, name);
    if (value === undefined) return { ok: false, accessKeyId, reason: `The signed header ${name} is missing.` };
    headers[name] = value;
  }
  const declaredHash = header(req, 'x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== createHash('sha256').update(req.body).digest('hex')) {
    return { ok: false, accessKeyId, reason: 'X-Amz-Content-Sha256 does not match the body.' };
  }
  const [hostname, port] = (headers.host ?? '').split(':');
  const request = new HttpRequest({
    method: req.method,
    protocol: 'http:',
    hostname,
    port: port ? Number(port) : undefined,
    path: req.path,
    query: Object.fromEntries(req.query.entries()),
    headers,
    body: req.body.toString('utf8'),
  });
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: secret },
    region: options.region,
    service: options.service,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    applyChecksum: false,
  });
  const resigned = await signer.sign(request, { signingDate, signableHeaders: new Set(signed) });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization))?.[1] ?? '';
  const expectedHeaders = /SignedHeaders=([a-z0-9;-]+)/.exec(String(resigned.headers.authorization))?.[1];
  const same = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (!same || expectedHeaders !== signedHeaderList) {
    return { ok: false, accessKeyId, reason: 'The request signature does not match the signature computed with the secret key.' };
  }
  return { ok: true, accessKeyId };
}
