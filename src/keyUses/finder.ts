import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyIndex, MatchKind } from '../keyMatching/keyIndex';
import { asTextBytes, PositionFinder } from '../keyMatching/textBytes';
import { fileKindOf, type FileKind } from './fileKinds';
import type { SearchPlace } from './places';
import { walkFiles } from './walker';

/** One place a key is used: never the value found, only where and what it was. */
export interface KeyUse<R> {
  readonly file: string;
  /** 1-based line and 0-based column (UTF-16 units), as an editor counts them. */
  readonly line: number;
  readonly column: number;
  /** Length of what matched, in characters (ASCII), for a selection. */
  readonly length: number;
  readonly kind: MatchKind;
  readonly fileKind: FileKind;
  readonly ref: R;
}

export interface FindOptions<R> {
  readonly signal?: AbortSignal;
  /** Files larger than this are skipped (counted in `skippedLarge`). */
  readonly maxFileBytes: number;
  /** Called as soon as a file's uses are found, file by file. */
  readonly onUses?: (uses: readonly KeyUse<R>[]) => void;
}

export interface FindSummary {
  readonly filesSearched: number;
  readonly skippedLarge: number;
  readonly skippedBinary: number;
  readonly unreadable: number;
  readonly cancelled: boolean;
}

/** The uses of the index's keys in one file's bytes. */
export function usesInBytes<R>(index: KeyIndex<R>, file: string, raw: Buffer): KeyUse<R>[] | 'binary' {
  const text = asTextBytes(raw);
  if (text.kind === 'binary') return 'binary';
  const matches = index.findIn(text.bytes);
  if (matches.length === 0) return [];
  const positions = new PositionFinder(text.bytes);
  const fileKind = fileKindOf(file);
  return matches.map((m) => ({ file, ...positions.at(m.offset), length: m.length, kind: m.kind, fileKind, ref: m.ref }));
}

function* filesOf(places: readonly SearchPlace[], signal: AbortSignal | undefined): Generator<string> {
  const seen = new Set<string>();
  for (const place of places) {
    const files =
      place.kind === 'file'
        ? [place.path]
        : walkFiles(place.path, { exclude: place.exclude, onlyCredentialFiles: place.onlyCredentialFiles, signal });
    for (const file of files) {
      const key = path.resolve(file);
      if (!seen.has(key)) {
        seen.add(key);
        yield key;
      }
    }
  }
}

/** How long the finder works before it lets the event loop run (progress, cancel, other work). */
const SLICE_MS = 8;

type FileOutcome = 'searched' | 'large' | 'binary' | 'unreadable';

/** One buffer reused for every file read (a file's bytes are scanned and dropped before the next read). */
let shared = Buffer.alloc(1 << 16);

function readAndSearch<R>(
  index: KeyIndex<R>,
  file: string,
  maxFileBytes: number,
  onUses: ((uses: readonly KeyUse<R>[]) => void) | undefined,
): FileOutcome {
  let raw: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const { size } = fs.fstatSync(fd);
    if (size > maxFileBytes) return 'large';
    if (shared.length < size + 1) shared = Buffer.alloc(Math.max(size + 1, shared.length * 2));
    let length = 0;
    for (let n = -1; n !== 0 && length < shared.length; length += n) n = fs.readSync(fd, shared, length, shared.length - length, null);
    if (length > maxFileBytes) return 'large';
    raw = shared.subarray(0, length);
  } catch {
    return 'unreadable';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const uses = usesInBytes(index, file, raw);
  if (uses === 'binary') return 'binary';
  if (uses.length > 0) onUses?.(uses);
  return 'searched';
}

/**
 * Searches every place for the index's keys, reporting each file's uses as it goes. Reads files
 * synchronously in slices of a few milliseconds (much faster than one promise per file) and yields
 * to the event loop between slices; stops early, with `cancelled`, when the signal aborts. A file
 * it cannot read is counted, not thrown.
 */
export async function findKeyUses<R>(index: KeyIndex<R>, places: readonly SearchPlace[], options: FindOptions<R>): Promise<FindSummary> {
  const counts = { filesSearched: 0, skippedLarge: 0, skippedBinary: 0, unreadable: 0 };
  const key = { searched: 'filesSearched', large: 'skippedLarge', binary: 'skippedBinary', unreadable: 'unreadable' } as const;
  const files = filesOf(places, options.signal);
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const sliceEnd = performance.now() + SLICE_MS;
      let next = files.next();
      for (; !next.done; next = files.next()) {
        counts[key[readAndSearch(index, next.value, options.maxFileBytes, options.onUses)]]++;
        if (performance.now() > sliceEnd) break;
      }
      if (next.done) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  }
  return { ...counts, cancelled: options.signal?.aborted ?? false };
}
