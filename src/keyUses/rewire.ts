import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyIndex } from '../keyMatching/keyIndex';
import { fileKindOf, isRewritableKind, type FileKind } from './fileKinds';
import { nodeCrypto } from '../util/nodeCrypto';

/** A value to rewrite in a file: its byte span and what it is. */
export interface RewireSpan {
  readonly offset: number;
  readonly length: number;
  readonly kind: 'key-id' | 'secret';
}

/** One file whose uses a rotation rewrites, as planned when the user saw the diff. */
export interface RewireTarget {
  readonly file: string;
  readonly fileKind: FileKind;
  /** SHA-256 of the bytes the plan was made from: a file changed since is refused. */
  readonly sha256: string;
  readonly spans: readonly RewireSpan[];
}

/** Why a file with uses cannot be rewritten safely, for the plan's "update by hand" list. */
export type NotRewritable = { readonly file: string; readonly why: string };

/** The values written at the spans: the new key's id and secret (or the old ones, to roll back). */
export interface RewireValues {
  readonly keyId: string;
  readonly secret?: string;
}

export class FileChangedError extends Error {
  constructor(readonly file: string) {
    super(
      `${file} changed after its diff was shown, so Cloud Keys did not write to it. Find the key's uses again and update it by hand or in a new rotation.`,
    );
  }
}

function sha256(bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

/**
 * Plans the rewrite of one file: the spans of the old key's id and secret in it, found with the
 * index (which knows them), or why the file is left to the user (Terraform state, CI files,
 * UTF-16 text, a file with no id or secret to replace).
 */
export function planRewire<R>(index: KeyIndex<R>, file: string, bytes: Buffer): RewireTarget | NotRewritable {
  const fileKind = fileKindOf(file);
  if (!isRewritableKind(fileKind)) {
    return {
      file,
      why:
        fileKind === 'terraform-state'
          ? 'Terraform state: change the variable or resource and apply'
          : 'not a file Cloud Keys edits (update by hand)',
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { file, why: 'UTF-16 text (update by hand)' };
  const spans = index
    .findIn(bytes)
    .filter((m): m is typeof m & { kind: RewireSpan['kind'] } => m.kind === 'key-id' || m.kind === 'secret')
    .map(({ offset, length, kind }) => ({ offset, length, kind }));
  if (spans.length === 0) return { file, why: 'no key id or secret to replace' };
  return { file, fileKind, sha256: sha256(bytes), spans };
}

/** `bytes` with each span replaced by its new value; the new spans, for a later rollback. */
export function rewriteSpans(bytes: Buffer, spans: readonly RewireSpan[], values: RewireValues): { bytes: Buffer; spans: RewireSpan[] } {
  const parts: Buffer[] = [];
  const moved: RewireSpan[] = [];
  let at = 0;
  let written = 0;
  for (const span of [...spans].sort((a, b) => a.offset - b.offset)) {
    const value = span.kind === 'key-id' ? values.keyId : values.secret;
    if (value === undefined) continue;
    const head = bytes.subarray(at, span.offset);
    parts.push(head);
    written += head.length;
    const replacement = Buffer.from(value, 'utf8');
    parts.push(replacement);
    moved.push({ offset: written, length: replacement.length, kind: span.kind });
    written += replacement.length;
    at = span.offset + span.length;
  }
  parts.push(bytes.subarray(at));
  return { bytes: Buffer.concat(parts), spans: moved };
}

/** Writes `bytes` over `file` atomically (a temporary file beside it, renamed), keeping its mode. */
function writeAtomically(file: string, bytes: Buffer): void {
  const { mode } = fs.statSync(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.ck-tmp`);
  fs.writeFileSync(temp, bytes, { mode: mode & 0o7777 });
  fs.chmodSync(temp, mode & 0o7777);
  fs.renameSync(temp, file);
}

/**
 * Rewrites one planned file, refusing (FileChangedError) if its bytes are not those the plan was
 * made from. Returns the target as it now is, so the same call with the old values rolls it back.
 */
export function applyRewire(target: RewireTarget, values: RewireValues): RewireTarget {
  const bytes = fs.readFileSync(target.file);
  if (sha256(bytes) !== target.sha256) throw new FileChangedError(target.file);
  const rewritten = rewriteSpans(bytes, target.spans, values);
  writeAtomically(target.file, rewritten.bytes);
  return { ...target, sha256: sha256(rewritten.bytes), spans: rewritten.spans };
}
