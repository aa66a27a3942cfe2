import { createPrivateKey, type KeyObject } from 'node:crypto';
import { Secret } from '../../model/secret';

export type PrivateKeyProblem = 'needs-passphrase' | 'wrong-passphrase' | 'not-a-private-key' | 'not-rsa';

export class PrivateKeyError extends Error {
  constructor(readonly problem: PrivateKeyProblem) {
    super(problem);
  }
}

export function isEncryptedPem(pem: string): boolean {
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem);
}

/**
 * Opens a PEM private key (PKCS#1 or PKCS#8, encrypted or not) and returns it unencrypted as PKCS#8
 * PEM, the form the SDK's signer takes. Failures carry only a reason, never key material.
 */
export function openPrivateKey(pem: Secret, passphrase?: Secret): Secret {
  const text = pem.reveal();
  if (isEncryptedPem(text) && (!passphrase || passphrase.isEmpty())) throw new PrivateKeyError('needs-passphrase');
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase && !passphrase.isEmpty() ? { key: text, passphrase: passphrase.reveal() } : text);
  } catch {
    throw new PrivateKeyError(isEncryptedPem(text) ? 'wrong-passphrase' : 'not-a-private-key');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new PrivateKeyError('not-rsa');
  return new Secret(key.export({ type: 'pkcs8', format: 'pem' }).toString());
}
