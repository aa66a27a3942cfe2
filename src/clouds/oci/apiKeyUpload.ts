import { CloudError } from '../../model/cloudError';
import type { AccessKey } from '../../model/types';
import { ensureRoomForKey } from './limits';
import {
  checkUploadablePublicKey,
  generateRsaKeyPair,
  type CheckedPublicKey,
  type GeneratedKeyBits,
  type GeneratedKeyPair,
} from './publicKey';

/** `CreateKeyOptions` plus what only OCI API keys take. */
export interface OciCreateKeyOptions extends CreateKeyOptions {
  /** Size of a generated key pair; 2048 by default. */
  readonly keyBits?: GeneratedKeyBits;
}
import type { CreateKeyOptions } from '../provider';

/** The checks of an API-key creation that need no request: the pasted public key, or the size of a pair to generate. */
export function checkApiKeyOptions(opts: OciCreateKeyOptions): CheckedPublicKey | undefined {
  const uploaded = opts.publicKeyPem ? checkUploadablePublicKey(opts.publicKeyPem) : undefined;
  if (!uploaded && opts.keyBits !== undefined && opts.keyBits !== 2048 && opts.keyBits !== 4096) {
    throw new CloudError('invalid', `Generated keys are 2048 or 4096 bits, not ${String(opts.keyBits)}.`, { cloud: 'oci' });
  }
  return uploaded;
}

/**
 * The public key to upload, once the user's keys are known: the pasted one (not one the user already
 * has) or a pair generated here, with room under the per-user limit.
 */
export function publicKeyToUpload(
  uploaded: CheckedPublicKey | undefined,
  opts: OciCreateKeyOptions,
  existing: readonly AccessKey[],
  userName: string,
): { publicKey: CheckedPublicKey; pair?: GeneratedKeyPair } {
  if (uploaded && existing.some((key) => key.fingerprint === uploaded.fingerprint)) {
    throw new CloudError('conflict', `${userName} already has this public key (fingerprint ${uploaded.fingerprint}).`, { cloud: 'oci' });
  }
  ensureRoomForKey('api-signing-key', userName, existing);
  if (uploaded) return { publicKey: uploaded };
  const pair = generateRsaKeyPair(opts.keyBits ?? 2048);
  return { publicKey: pair.publicKey, pair };
}
