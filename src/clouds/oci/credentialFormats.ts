import { alphabet, BASE64, HEX_LOWER, type CredentialFormat } from '../shared/credentialFormat';

/**
 * The shape of OCI keys, for finding where a key is used.
 * - An API signing key's fingerprint: the MD5 of the DER public key as 16 colon-separated hex
 *   pairs (47 characters), OCI docs "Required Keys and OCIDs" ("How to Get the Key's Fingerprint").
 * - A customer secret key: its id is the S3 access key (40 hex characters) and its secret 44
 *   base64 characters (32 bytes, one `=` of padding): UNCONFIRMED, the shape the emulator makes
 *   (test/emulators/oci/keys.ts, state.ts).
 */
export const OCI_CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  {
    cloud: 'oci',
    kind: 'api-signing-key',
    part: 'fingerprint',
    length: 47,
    alphabet: alphabet('0-9', 'a-f', ':'),
    source: 'OCI docs, Required Keys and OCIDs: MD5 of the public key, colon-separated',
  },
  { cloud: 'oci', kind: 'access-key', part: 'key-id', length: 40, alphabet: HEX_LOWER, source: "UNCONFIRMED: the emulator's shape" },
  {
    cloud: 'oci',
    kind: 'access-key',
    part: 'secret',
    length: 44,
    alphabet: `${BASE64}=`,
    source: "UNCONFIRMED: the emulator's shape (base64)",
  },
];
