/** Config and key files: read at once when small and regular, else without holding the extension host. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readLocalTextFile } from '../../src/util/localTextFile';
import { tempDir } from './rotation/support';

describe('readLocalTextFile', () => {
  it('reads a small file, and fails with Node’s error code for a missing one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, '[DEFAULT]\nregion=eu-frankfurt-1\n');
    assert.equal(await readLocalTextFile(file), '[DEFAULT]\nregion=eu-frankfurt-1\n');
    await assert.rejects(readLocalTextFile(path.join(dir, 'absent')), { code: 'ENOENT' });
  });

  it('reads a FIFO without blocking the thread: a timer still runs while it waits for a writer', () => {
    const fifo = path.join(tempDir(), 'key.pem');
    execFileSync('mkfifo', [fifo]);
    // In a child, so a read that blocked the thread fails on the child's timeout instead of hanging the suite.
    const script = `
      const fs = require('node:fs');
      const { readLocalTextFile } = require(${JSON.stringify(path.resolve(__dirname, '../../src/util/localTextFile.ts'))});
      let ticked = false;
      setTimeout(() => { ticked = true; fs.writeFileSync(${JSON.stringify(fifo)}, 'late'); }, 10);
      readLocalTextFile(${JSON.stringify(fifo)}).then((text) => process.stdout.write(JSON.stringify({ text, ticked })));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.deepEqual(JSON.parse(out), { text: 'late', ticked: true });
  });
});
