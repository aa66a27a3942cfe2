// The secret-leak canary search: after a run whose emulators marked every secret with a canary,
// look for it in every file under the given places (raw bytes, so sqlite state databases count)
// and in texts captured from the browser. A hit is allowed only in the files the user asked for
// (exports, the accounts' own config) and in the secret store.
import fs from 'node:fs';
import path from 'node:path';

function* filesUnder(target) {
  let stat;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) return;
  if (stat.isFile()) {
    yield target;
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of fs.readdirSync(target)) yield* filesUnder(path.join(target, entry));
}

/**
 * @param {object} options
 * @param {string} options.canary
 * @param {{ name: string, paths?: string[], texts?: Record<string, string> }[]} options.places
 *   each place is files (searched recursively) and/or captured texts, keyed by a label
 * @param {(file: string) => string | undefined} options.allowed  why a hit in this file (or text label) is expected, if it is
 * @returns {{ places: number, files: number, bytes: number, hits: { place: string, file: string, count: number, allowed?: string }[] }}
 */
export function searchForCanary({ canary, places, allowed }) {
  const needle = Buffer.from(canary, 'utf8');
  const result = { places: places.length, files: 0, bytes: 0, hits: [] };
  const count = (buffer) => {
    let n = 0;
    for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + needle.length)) n += 1;
    return n;
  };
  const seen = new Set();
  for (const place of places) {
    for (const root of place.paths ?? []) {
      for (const file of filesUnder(root)) {
        if (seen.has(file)) continue;
        seen.add(file);
        const bytes = fs.readFileSync(file);
        result.files += 1;
        result.bytes += bytes.length;
        const n = count(bytes);
        if (n > 0) result.hits.push({ place: place.name, file, count: n, allowed: allowed(file) });
      }
    }
    for (const [label, text] of Object.entries(place.texts ?? {})) {
      const bytes = Buffer.from(text, 'utf8');
      result.files += 1;
      result.bytes += bytes.length;
      const n = count(bytes);
      if (n > 0) result.hits.push({ place: place.name, file: label, count: n, allowed: allowed(label) });
    }
  }
  return result;
}

/**
 * What a page of the workbench keeps in the browser: localStorage (where code-server keeps
 * SecretStorage, under `secrets.provider`) and every IndexedDB database (workbench and extension
 * state, webview state). Runs inside the page.
 */
export async function dumpBrowserStorage(page) {
  return page.evaluate(async () => {
    const out = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const name = localStorage.key(i);
      out[`localStorage:${name}`] = localStorage.getItem(name) ?? '';
    }
    const text = (value) => {
      if (typeof value === 'string') return value;
      if (value instanceof Uint8Array || value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      try {
        return JSON.stringify(value);
      } catch {
        return String(value);
      }
    };
    for (const { name } of await globalThis.indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise((resolve, reject) => {
        const request = globalThis.indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const entries = await new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readonly');
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve(keys.result.map((k, i) => `${text(k)}=${text(values.result[i])}`));
          tx.onerror = () => reject(tx.error);
        });
        out[`indexedDB:${name}/${store}`] = entries.join('\n');
      }
      db.close();
    }
    return out;
  });
}
