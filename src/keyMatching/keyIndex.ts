import { createHmac, randomBytes } from 'node:crypto';
import type { Secret } from '../model/secret';
import { privateKeyFingerprints } from './privateKeys';
import { classKeyOf, isScannable, tokenHash, TokenScanner } from './tokenClasses';

/** What was found at a place: the key's id, its secret, its OCI fingerprint, or a private key whose public half is the key. */
export type MatchKind = 'key-id' | 'secret' | 'fingerprint' | 'private-key';

/** One place in a text where one of the indexed values appears; `ref` says whose value it is. */
export interface RawMatch<R> {
  /** Byte offset of the match in the scanned bytes. */
  readonly offset: number;
  /** Its length in bytes (for `private-key`, the whole PEM block). */
  readonly length: number;
  readonly kind: MatchKind;
  readonly ref: R;
}

interface ClassEntry {
  readonly classKey: string;
  /** Seeded 32-bit hashes (`tokenHash`) of the literals and secrets of this class: a cheap first test. */
  readonly literalHashes: Set<number>;
  readonly secretHashes: Set<number>;
  readonly lengths: Set<number>;
}

/**
 * The values to look for, and whose each one is. Key ids and fingerprints are kept as literals. A
 * secret is kept only as an HMAC-SHA-256 under a key made at random for this index: `addSecret`
 * hashes it and keeps nothing else, and a scan hashes each candidate token of a secret's length and
 * alphabet and compares the digests, so neither the index nor a scan holds a secret.
 *
 * `R` is what a match points back to (e.g. account, user and key); the index never looks inside it.
 */
export class KeyIndex<R> {
  readonly #hmacKey = randomBytes(32);
  readonly #seed = randomBytes(4).readUInt32LE();
  readonly #literals = new Map<string, { kind: MatchKind; ref: R }[]>();
  readonly #secrets = new Map<string, R[]>();
  readonly #classes = new Map<string, ClassEntry>();
  #scanner: { scanner: TokenScanner; classes: ClassEntry[] } | undefined;

  /** A key id or fingerprint to find as it is written. Values with spaces or non-ASCII characters are ignored. */
  addLiteral(value: string, kind: Exclude<MatchKind, 'secret' | 'private-key'>, ref: R): void {
    if (!isScannable(value)) return;
    const list = this.#literals.get(value) ?? [];
    list.push({ kind, ref });
    this.#literals.set(value, list);
    const entry = this.#classOf(value);
    entry.literalHashes.add(this.#quickHash(value));
    entry.lengths.add(value.length);
  }

  /** A secret to find; only its keyed hash is kept. */
  addSecret(secret: Secret, ref: R): void {
    const value = secret.reveal();
    if (!isScannable(value)) return;
    const digest = this.#digest(value);
    this.#secrets.set(digest, [...(this.#secrets.get(digest) ?? []), ref]);
    const entry = this.#classOf(value);
    entry.secretHashes.add(this.#quickHash(value));
    entry.lengths.add(value.length);
  }

  /** How many values are indexed. */
  get size(): number {
    return this.#literals.size + this.#secrets.size;
  }

  get fingerprintCount(): number {
    let count = 0;
    for (const list of this.#literals.values()) count += list.filter((e) => e.kind === 'fingerprint').length;
    return count;
  }

  /** Every indexed value in `bytes` (ASCII-compatible text: UTF-8 or Latin-1), in order. */
  findIn(bytes: Uint8Array): RawMatch<R>[] {
    const { scanner, classes } = this.#ensureScanner();
    const matches: RawMatch<R>[] = [];
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    scanner.scan(bytes, (classIndex, start, end, hash) => {
      const entry = classes[classIndex];
      const length = end - start;
      if (entry.literalHashes.has(hash)) {
        for (const { kind, ref } of this.#literals.get(buffer.toString('latin1', start, end)) ?? [])
          matches.push({ offset: start, length, kind, ref });
      }
      if (entry.secretHashes.has(hash)) {
        for (const ref of this.#secrets.get(this.#digest(buffer.toString('latin1', start, end))) ?? [])
          matches.push({ offset: start, length, kind: 'secret', ref });
      }
    });
    if (this.fingerprintCount > 0) {
      for (const block of privateKeyFingerprints(buffer)) {
        for (const { kind, ref } of this.#literals.get(block.fingerprint) ?? []) {
          if (kind === 'fingerprint') matches.push({ offset: block.offset, length: block.length, kind: 'private-key', ref });
        }
      }
    }
    return matches.sort((a, b) => a.offset - b.offset);
  }

  #quickHash(value: string): number {
    return tokenHash(Buffer.from(value, 'latin1'), 0, value.length, this.#seed);
  }

  #digest(value: string): string {
    return createHmac('sha256', this.#hmacKey).update(value, 'latin1').digest('base64');
  }

  #classOf(value: string): ClassEntry {
    const classKey = classKeyOf(value);
    let entry = this.#classes.get(classKey);
    if (!entry) {
      entry = { classKey, literalHashes: new Set(), secretHashes: new Set(), lengths: new Set() };
      this.#classes.set(classKey, entry);
    }
    this.#scanner = undefined;
    return entry;
  }

  #ensureScanner(): { scanner: TokenScanner; classes: ClassEntry[] } {
    if (!this.#scanner) {
      const classes = [...this.#classes.values()];
      const scanner = new TokenScanner(
        classes.map((c) => ({ classKey: c.classKey, lengths: c.lengths })),
        this.#seed,
      );
      this.#scanner = { scanner, classes };
    }
    return this.#scanner;
  }
}
