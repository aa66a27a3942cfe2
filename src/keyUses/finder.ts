import * as fs from 'node:fs/promises';
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
  /** Files read at once. */
  readonly concurrency?: number;
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

async function* filesOf(places: readonly SearchPlace[], signal: AbortSignal | undefined): AsyncGenerator<string> {
  const seen = new Set<string>();
  for (const place of places) {
    const files = place.kind === 'file' ? [place.path] : walkFiles(place.path, { exclude: place.exclude, onlyCredentialFiles: place.onlyCredentialFiles, signal });
    for await (const file of files) {
      const key = path.resolve(file);
      if (!seen.has(key)) {
        seen.add(key);
        yield key;
      }
    }
  }
}

/**
 * Searches every place for the index's keys, reporting each file's uses as it goes. Stops early,
 * with `cancelled`, when the signal aborts; a file it cannot read is counted, not thrown.
 */
export async function findKeyUses<R>(index: KeyIndex<R>, places: readonly SearchPlace[], options: FindOptions<R>): Promise<FindSummary> {
  const counts = { filesSearched: 0, skippedLarge: 0, skippedBinary: 0, unreadable: 0 };
  const files = filesOf(places, options.signal);
  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted) return;
      const next = await files.next();
      if (next.done) return;
      await searchFile(next.value);
    }
  };
  const searchFile = async (file: string) => {
    let raw: Buffer;
    try {
      const handle = await fs.open(file, 'r');
      try {
        const { size } = await handle.stat();
        if (size > options.maxFileBytes) return void counts.skippedLarge++;
        raw = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch {
      return void counts.unreadable++;
    }
    const uses = usesInBytes(index, file, raw);
    if (uses === 'binary') return void counts.skippedBinary++;
    counts.filesSearched++;
    if (uses.length > 0) options.onUses?.(uses);
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  }
  return { ...counts, cancelled: options.signal?.aborted ?? false };
}
