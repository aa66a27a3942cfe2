import { createPrivateKey, createPublicKey } from 'node:crypto';
import { fingerprintOf } from '../clouds/oci/publicKey';

/** A PEM key block in a text, with the OCI fingerprint of its public half. */
export interface PemKeyBlock {
  readonly offset: number;
  readonly length: number;
  readonly fingerprint: string;
  readonly type: 'private' | 'public';
}

const BLOCK = /-----BEGIN ((?:RSA |EC )?PRIVATE KEY|PUBLIC KEY)-----[\s\S]{1,16384}?-----END \1-----/g;
const MARKER = Buffer.from('-----BEGIN ');

/**
 * The unencrypted private keys and the public keys written as PEM in `bytes`, each with the
 * fingerprint of its public half (an API signing key's id on OCI). Encrypted private keys cannot
 * be opened without their passphrase and are left out; so are blocks that do not parse.
 */
export function privateKeyFingerprints(bytes: Buffer): PemKeyBlock[] {
  if (bytes.indexOf(MARKER) < 0) return [];
  const text = bytes.toString('latin1');
  const blocks: PemKeyBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const pem = match[0];
    const isPublic = match[1] === 'PUBLIC KEY';
    try {
      const publicKey = isPublic ? createPublicKey(pem) : createPublicKey(createPrivateKey(pem));
      blocks.push({
        offset: match.index,
        length: pem.length,
        fingerprint: fingerprintOf(publicKey),
        type: isPublic ? 'public' : 'private',
      });
    } catch {
      // Not a key Node can read without a passphrase: nothing to compare.
    }
  }
  return blocks;
}
