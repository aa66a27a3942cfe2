import type { KeyObject } from 'node:crypto';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import { nodeCrypto } from '../../util/nodeCrypto';

export const MIN_RSA_BITS = 2048;
export type GeneratedKeyBits = 2048 | 4096;

/** OCI's key fingerprint: the MD5 of the DER (SubjectPublicKeyInfo) public key, as colon-separated hex. */
export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return (nodeCrypto().createHash('md5').update(der).digest('hex').match(/../g) ?? []).join(':');
}

export interface CheckedPublicKey {
  /** The key as SPKI PEM ("BEGIN PUBLIC KEY"), the form OCI documents. */
  readonly pem: string;
  readonly fingerprint: string;
  readonly bits: number;
}

function refuse(message: string): CloudError {
  return new CloudError('invalid', message, { cloud: 'oci' });
}

/**
 * Checks a public key a user wants to upload, before anything is sent: it must be an RSA key of at
 * least 2048 bits in PEM. Each refusal says what is wrong and how to get the right form.
 */
export function checkUploadablePublicKey(input: string): CheckedPublicKey {
  const text = input.trim();
  if (/^(ssh-rsa|ssh-ed25519|ecdsa-sha2-\S+|ssh-dss)\s/.test(text)) {
    throw refuse(
      'This is an OpenSSH public key (ssh-… format). OCI needs PEM: convert it with `ssh-keygen -f key.pub -e -m PKCS8`, or let Cloud Keys generate a key pair.',
    );
  }
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw refuse(
      'This is a private key. Upload only the public half (`openssl rsa -in key.pem -pubout`); keep the private key to yourself.',
    );
  }
  const blocks = text.match(/-----BEGIN [A-Z ]+-----/g)?.length ?? 0;
  if (blocks > 1) {
    throw refuse(
      `This paste holds ${blocks} PEM blocks. Paste exactly one public key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.`,
    );
  }
  if (!/^-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----$/.test(text)) {
    throw refuse('This is not a PEM public key. Paste the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.');
  }
  let key: KeyObject;
  try {
    key = nodeCrypto().createPublicKey(text);
  } catch {
    throw refuse('This PEM public key could not be read: its base64 body is damaged or incomplete. Copy it again in full.');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw refuse(`This is an ${String(key.asymmetricKeyType).toUpperCase()} key. OCI API signing keys must be RSA (2048 bits or more).`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw refuse(`This RSA key has ${bits} bits. OCI needs at least ${MIN_RSA_BITS}; generate a new one (2048 or 4096 bits).`);
  }
  return { pem: key.export({ type: 'spki', format: 'pem' }).toString().trim(), fingerprint: fingerprintOf(key), bits };
}

export interface GeneratedKeyPair {
  readonly publicKey: CheckedPublicKey;
  /** PKCS#8 PEM, unencrypted: it goes to SecretStorage, and to a file only if the user asks. */
  readonly privateKey: Secret;
}

export function generateRsaKeyPair(bits: GeneratedKeyBits = 2048): GeneratedKeyPair {
  if (bits !== 2048 && bits !== 4096) throw refuse(`Generated keys are 2048 or 4096 bits, not ${String(bits)}.`);
  const { publicKey, privateKey } = nodeCrypto().generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    publicKey: { pem: publicKey.export({ type: 'spki', format: 'pem' }).toString().trim(), fingerprint: fingerprintOf(publicKey), bits },
    privateKey: new Secret(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  };
}
