// Installs a folder whole or not at all: into a temporary sibling, renamed to its name once the
// install has finished. Call it holding the lock of the folder's parent (see file-lock.mjs).
import fs from 'node:fs';
import path from 'node:path';

const PARTIAL = '.partial-';

/**
 * @param {string} dir  the folder to create; replaced when it exists (an incomplete earlier install)
 * @param {(tempDir: string) => void | Promise<void>} install  fills the empty folder it is given
 * @param {{ log?: (message: string) => void }} [options]
 */
export async function installInPlace(dir, install, { log = () => {} } = {}) {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  // Left by runs that died while installing; under the lock no other run is filling one.
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(`${base}${PARTIAL}`)) {
      log(`removing ${path.join(parent, name)}, left by an interrupted install`);
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
  const temp = path.join(parent, `${base}${PARTIAL}${process.pid}`);
  fs.mkdirSync(temp);
  try {
    await install(temp);
    if (fs.existsSync(dir)) {
      // An incomplete install by an earlier version of the set-up, which installed in place.
      const old = `${temp}-old`;
      fs.renameSync(dir, old);
      fs.rmSync(old, { recursive: true, force: true });
    }
    fs.renameSync(temp, dir);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
