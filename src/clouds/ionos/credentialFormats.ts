import { alphabet, BASE64, HEX_LOWER, type CredentialFormat } from '../shared/credentialFormat';

/**
 * The shape of IONOS S3 keys, for finding where a key is used.
 * - Object Storage Management access keys: a 92-character access key of letters, digits and `_`
 *   (sdk-go-bundle objectstoragemanagement docs/models/AccessKey.md, see test/contracts/README.md);
 *   the 40-character secret is UNCONFIRMED (the docs' example).
 * - Cloud API v6 S3 keys (`/um/users/{id}/s3keys`): a 20-character id and 40-character secret,
 *   UNCONFIRMED (the API spec types both as strings; the emulator's shape).
 */
export const IONOS_CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  {
    cloud: 'ionos',
    kind: 'object-storage-access-key',
    part: 'key-id',
    length: 92,
    alphabet: alphabet('A-Z', 'a-z', '0-9', '_'),
    source: 'IONOS sdk-go-bundle objectstoragemanagement AccessKey.md: "a string of 92 characters"',
  },
  {
    cloud: 'ionos',
    kind: 'object-storage-access-key',
    part: 'secret',
    length: 40,
    alphabet: BASE64,
    source: 'UNCONFIRMED: the example in AccessKey.md',
  },
  { cloud: 'ionos', kind: 'access-key', part: 'key-id', length: 20, alphabet: HEX_LOWER, source: "UNCONFIRMED: the emulator's shape" },
  { cloud: 'ionos', kind: 'access-key', part: 'secret', length: 40, alphabet: BASE64, source: "UNCONFIRMED: the emulator's shape" },
];
