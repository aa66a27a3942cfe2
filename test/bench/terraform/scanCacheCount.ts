/**
 * How often the code-lens provider's cache (`ScanCache`) scans a document: it is asked for the blocks
 * as VS Code asks for lenses (several times per edit: provide, resolve, refresh), through a document
 * double that counts `getText()`, which each scan calls once.
 */
import type * as vscode from 'vscode';
import { ScanCache } from '../../../src/features/terraform/scanCache';

export interface ScanCount {
  readonly versions: number;
  readonly requests: number;
  readonly scans: number;
  /** Median time of a request answered from the cache, in ms. */
  readonly cachedRequestMs: number;
}

export function countScans(text: string, versions: number, requestsPerVersion: number): ScanCount {
  let scans = 0;
  let version = 1;
  const document = {
    uri: { toString: () => 'file:///bench/large.tf' },
    get version() {
      return version;
    },
    getText: () => {
      scans += 1;
      return text;
    },
  } as unknown as vscode.TextDocument;
  const cache = new ScanCache();
  const cached: number[] = [];
  for (; version <= versions; version += 1) {
    cache.blocks(document);
    for (let i = 1; i < requestsPerVersion; i += 1) {
      const start = performance.now();
      cache.blocks(document);
      cached.push(performance.now() - start);
    }
  }
  cached.sort((a, b) => a - b);
  return { versions, requests: versions * requestsPerVersion, scans, cachedRequestMs: cached[Math.floor(cached.length / 2)] ?? 0 };
}
