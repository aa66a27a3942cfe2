/** SigV4 signing of one OUTSCALE API call with `aws4` (service `api`, the account's region). */
import aws4 from 'aws4';
import type { Secret } from '../../model/secret';
import { SIGNING_SERVICE } from './constants';

export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretKey: Secret;
}

/** The headers of a signed `POST <endpoint>/api/v1/<action>` with this JSON body. */
export function signedHeaders(url: URL, body: string, region: string, credentials: SigningCredentials): Record<string, string> {
  const request = {
    host: url.host,
    path: url.pathname,
    method: 'POST',
    service: SIGNING_SERVICE,
    region,
    body,
    headers: { 'Content-Type': 'application/json' },
  };
  const signed = aws4.sign(request, { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretKey.reveal() });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers ?? {})) {
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
