/**
 * Finding a user's keys in text, without holding their secrets: the shared engine of "Find Uses of
 * Key" and leak detection. Pure Node; never imports `vscode`.
 *
 * - `credentialFormats`: each cloud's key id, secret and fingerprint shapes, with sources.
 * - `KeyIndex`: literal ids and fingerprints, and secrets as HMAC digests under a per-index key;
 *   `findIn(bytes)` gives every match with its byte offset, kind and owner.
 * - `TokenScanner`, `classKeyOf`: the candidate-token scanner `KeyIndex` is built on.
 * - `privateKeyFingerprints`: PEM key blocks in a text and the OCI fingerprint of each public half.
 * - `asTextBytes`, `PositionFinder`: decoding (BOM, UTF-16, binary) and offsets to line/column.
 */
export { CREDENTIAL_FORMATS, formatsFor } from './credentialFormats';
export { KeyIndex, type MatchKind, type RawMatch } from './keyIndex';
export { indexKey, indexOfKeys, labelledKeyAddressOf, type LabelledKeyAddress } from './indexKeys';
export { privateKeyFingerprints, type PemKeyBlock } from './privateKeys';
export { asTextBytes, PositionFinder, type TextBytes, type TextPosition } from './textBytes';
export { classKeyOf, TokenScanner, type TokenSink } from './tokenClasses';
