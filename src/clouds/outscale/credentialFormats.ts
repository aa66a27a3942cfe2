import { alphabet, DIGITS, UPPER, type CredentialFormat } from '../shared/credentialFormat';

/**
 * The shape of OUTSCALE access keys, for finding where a key is used. The OSC API spec types
 * `AccessKeyId` and `SecretKey` as plain strings; the lengths and alphabets below are those of the
 * examples in the OSC API spec (github.com/outscale/osc-api outscale.yaml, as the emulator notes in
 * test/emulators/outscale/state.ts): a 20-character id of capitals and digits, a 40-character
 * secret of letters and digits. That every key has this shape is UNCONFIRMED.
 */
export const OUTSCALE_CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  {
    cloud: 'outscale',
    kind: 'access-key',
    part: 'key-id',
    length: 20,
    alphabet: UPPER + DIGITS,
    source: 'UNCONFIRMED: the OSC API spec examples (the spec types it as a string)',
  },
  {
    cloud: 'outscale',
    kind: 'access-key',
    part: 'secret',
    length: 40,
    alphabet: alphabet('A-Z', 'a-z', '0-9'),
    source: 'UNCONFIRMED: the OSC API spec examples (the spec types it as a string)',
  },
];
