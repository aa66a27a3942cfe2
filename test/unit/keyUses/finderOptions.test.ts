import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KeyIndex } from '../../../src/keyMatching';
import { findKeyUses, type KeyUse } from '../../../src/keyUses/finder';
import { tempDir } from '../rotation/support';

const ID = 'AKIAFINDER0123456789';

function tree(): string {
  const root = tempDir();
  for (const dir of ['src', 'dist', 'skip/deep']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'app.ts'), `const id = "${ID}";\n`);
  fs.writeFileSync(path.join(root, 'dist', 'app.js'), `var id="${ID}";\n`);
  fs.writeFileSync(path.join(root, 'skip', 'deep', '.env'), `ID=${ID}\n`);
  return root;
}

function index(): KeyIndex<string> {
  const i = new KeyIndex<string>();
  i.addLiteral(ID, 'key-id', 'k');
  return i;
}

describe('findKeyUses: what the user leaves out, and cancelling', () => {
  it('leaves out what `files.exclude`-style patterns name, credential files included', async () => {
    const root = tree();
    const uses: KeyUse<string>[] = [];
    await findKeyUses(index(), [{ kind: 'folder', path: root, exclude: ['dist/', '**/skip'] }], {
      maxFileBytes: 1 << 20,
      onUses: (u) => uses.push(...u),
    });
    assert.deepEqual(
      uses.map((u) => path.relative(root, u.file)),
      [path.join('src', 'app.ts')],
    );
  });

  it('searches only key files when asked', async () => {
    const root = tree();
    const uses: KeyUse<string>[] = [];
    await findKeyUses(index(), [{ kind: 'folder', path: root, onlyCredentialFiles: true }], {
      maxFileBytes: 1 << 20,
      onUses: (u) => uses.push(...u),
    });
    assert.deepEqual(
      uses.map((u) => path.relative(root, u.file)),
      [path.join('skip', 'deep', '.env')],
    );
  });

  it('stops when cancelled and says so', async () => {
    const abort = new AbortController();
    abort.abort();
    const summary = await findKeyUses(index(), [{ kind: 'folder', path: tree() }], { maxFileBytes: 1 << 20, signal: abort.signal });
    assert.equal(summary.cancelled, true);
    assert.equal(summary.filesSearched, 0);
  });
});
