// A lock file between processes on one machine: it holds its owner's pid, host, start time and a
// random token. Another process waits for it (bounded, with a message naming the owner), and takes
// it over when it is stale: its owner is no longer running, or it is older than any run can last.
// No npm package for this is among the project's dependencies, hence this small one.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

const MINUTE = 60_000;

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return error.code === 'EPERM';
  }
}

/** The owner recorded in a lock file, or undefined when there is none (or it cannot be read). */
function readOwner(file) {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(owner?.pid) && typeof owner.token === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function staleReason(owner, staleAfterMs) {
  if (owner.host === os.hostname() && !isRunning(owner.pid)) return `its owner (pid ${owner.pid}) is no longer running`;
  const age = Date.now() - Date.parse(owner.since);
  if (age > staleAfterMs) return `it is ${Math.round(age / MINUTE)} minutes old, longer than any run takes`;
  return undefined;
}

/** How long an existing lock file without a readable owner has been there (0 when it is gone). */
function unreadableFor(file) {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Creates the lock file with its whole content in one step: written beside it, then hard-linked to
 * its name, which fails when the name exists. A reader never sees a half-written lock.
 */
function tryCreate(file, owner) {
  const draft = `${file}.${owner.token}`;
  fs.writeFileSync(draft, `${JSON.stringify(owner)}\n`);
  try {
    fs.linkSync(draft, file);
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/**
 * Removes a stale lock, but only the one that was judged stale: the file is first moved aside under
 * a name of our own, so another process's fresh lock created meanwhile is never deleted by mistake
 * (if the moved file turns out to be that fresh lock, it is put back).
 */
function removeStale(file, stale, token) {
  const aside = `${file}.stale-${token}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  if (readOwner(aside)?.token !== stale.token) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone else holds the name by now; the moved owner finds its lock gone when it releases.
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Takes the lock `file`, waiting at most `waitMs` for its owner to release it.
 * @param {string} file
 * @param {{ waitMs?: number, staleAfterMs?: number, pollMs?: number, log?: (message: string) => void }} [options]
 * @returns {Promise<{ release(): void }>}
 */
export async function acquireLock(file, { waitMs = 15 * MINUTE, staleAfterMs = 2 * 60 * MINUTE, pollMs = 250, log = () => {} } = {}) {
  const me = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), token: randomUUID() };
  const deadline = Date.now() + waitMs;
  let waitingFor;
  for (;;) {
    if (tryCreate(file, me)) {
      return {
        release() {
          if (readOwner(file)?.token === me.token) fs.rmSync(file, { force: true });
        },
      };
    }
    const owner = readOwner(file);
    if (owner) {
      const reason = staleReason(owner, staleAfterMs);
      if (reason) {
        log(`taking over the lock ${file}: ${reason}`);
        removeStale(file, owner, me.token);
        continue;
      }
      if (waitingFor !== owner.token) {
        waitingFor = owner.token;
        log(`waiting for another run (pid ${owner.pid} on ${owner.host}, since ${owner.since}) to finish; it holds ${file}`);
      }
    } else if (unreadableFor(file) > MINUTE) {
      // Not written by this module (which never leaves a half-written lock): someone's stray file.
      log(`taking over the lock ${file}: it names no owner`);
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      const holder = owner ? `pid ${owner.pid} on ${owner.host}, since ${owner.since}` : 'an unreadable owner';
      throw new Error(
        `gave up after ${Math.round(waitMs / 1000)} s waiting for the lock ${file} (held by ${holder}). If no other run is going on, delete that file and try again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
