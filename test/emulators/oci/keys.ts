/** RSA key pairs and fingerprints for the OCI emulator's seeded users, generated once per process. */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';

export interface EmulatorKeyPair {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly fingerprint: string;
}

/** MD5 of the DER public key, colon-separated: how OCI names an API key. */
export function ociFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return (createHash('md5').update(der).digest('hex').match(/../g) ?? []).join(':');
}

const pool: EmulatorKeyPair[] = [];

/** The `index`-th key pair of this process (2048-bit RSA), generated on first use and then reused. */
export function seededKeyPair(index: number): EmulatorKeyPair {
  while (pool.length <= index) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    pool.push({
      publicKeyPem,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      fingerprint: ociFingerprint(publicKeyPem),
    });
  }
  return pool[index];
}

/** A stable fake OCID: `ocid1.<type>.oc1..aaaa` followed by 56 base32-looking characters derived from `seed`. */
export function fakeOcid(type: string, seed: string): string {
  const body = createHash('sha256')
    .update(`${type}:${seed}`)
    .digest('hex')
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
  return `ocid1.${type}.oc1..aaaa${body.slice(0, 56)}`;
}

/** A customer secret key id as OCI shows it (40 hex characters, the S3 access key id). */
export function fakeAccessKeyId(seed: string): string {
  return createHash('sha1').update(`access-key:${seed}`).digest('hex');
}
