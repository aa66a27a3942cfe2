import fs from 'node:fs';

/** Larger than any config or key file; a bigger file is read without blocking. */
const SMALL_FILE_BYTES = 1024 * 1024;

/**
 * Reads a config or key file. A small regular file is read at once, without yielding: as a window
 * opens, each asynchronous read waits behind the workbench's start-up work in the extension host.
 * Anything else (a FIFO, a device, a large file) is read asynchronously, so it cannot hold the
 * extension host. Errors are Node's, with their `code`, as from `fs.promises.readFile`.
 */
export async function readLocalTextFile(file: string): Promise<string> {
  const stat = fs.statSync(file);
  if (stat.isFile() && stat.size <= SMALL_FILE_BYTES) return fs.readFileSync(file, 'utf8');
  return fs.promises.readFile(file, 'utf8');
}
