import fs from 'node:fs';
import path from 'node:path';

/** Where a list was kept before it moved to a file (extension state); read once, cleared on the first write. */
export interface LegacyListStore {
  read(): unknown;
  clear(): PromiseLike<void>;
}

/** The storage interface the journals take: a synchronous read, a write that resolves once the value is kept. */
export interface ListStorage<T> {
  read(): unknown;
  write(value: readonly T[]): Promise<void>;
}

/**
 * A list (a journal) kept as JSON in a file on the extension host's disk, written before `write`
 * resolves: to a temporary file, then renamed over the old one, so a killed process leaves the old
 * list or the new one, never half of one.
 *
 * Journals need this. In VS Code for the Web (code-server and the like) `globalState` lives in the
 * browser, which writes it to IndexedDB only after 100 ms without further changes: a window
 * reloaded right after a journal write lost the write, and with it the record of a key being created.
 *
 * The value is never a secret: the journals hold ids, names and times only.
 */
export function jsonListFile<T>(file: string, legacy?: LegacyListStore): ListStorage<T> {
  return {
    read(): unknown {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return legacy?.read();
        throw new Error(
          `Cloud Keys cannot read ${file} (${code ?? 'unknown error'}). Fix its permissions or move it away, then reload the window.`,
          { cause: error },
        );
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Not JSON: kept aside for a person to look at (the next write would replace it), and read
        // as it is, which the reader ignores with a warning.
        try {
          fs.renameSync(file, `${file}.corrupt-${Date.now()}`);
        } catch {
          // Left in place: the next write replaces it.
        }
        return text;
      }
    },
    async write(value: readonly T[]): Promise<void> {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, `${JSON.stringify(value)}\n`, { mode: 0o600 });
      fs.renameSync(temporary, file);
      if (legacy && legacy.read() !== undefined) await legacy.clear();
    },
  };
}
