// Find Uses of Key in real VS Code: a key made in the emulator, planted in workspace files and an
// export; the command finds each use (the secret through SecretStorage), says which one Cloud Keys
// made, opens a use at its line, and returns nothing secret.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators } from './helpers';

interface FoundUses {
  keyId: string;
  secretKnown: boolean;
  uses: { file: string; line: number; column: number; kind: string; fileKind: string; managed: boolean }[];
}

suite('Find Uses of Key', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;

  suiteSetup(function () {
    if (!emulators.outscale || !folder) this.skip();
  });

  test('finds the id and the secret in workspace files, marks the export, and opens a use at its line', async function () {
    this.timeout(60_000);
    const t = await api();
    const account = (await t.tree.getChildren()).find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === 'outscale');
    assert.ok(account, 'no OUTSCALE account');
    const user = (await t.tree.getChildren(account)).find((n): n is UserNode => n.kind === 'user');
    assert.ok(user);
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', user, {
      kind: 'access-key',
      options: { displayName: 'uses' },
      showDetails: false,
    })) as KeyNode['key'];
    t.tree.refresh(user);
    const node = (await t.tree.getChildren(user)).find((n: TreeNode): n is KeyNode => n.kind === 'key' && n.key.id === created.id);
    assert.ok(node, 'the new key is not in the tree');
    const secret = (await t.secrets.getKeySecret(created))!.reveal();

    const dir = path.join(folder!, 'uses-test');
    fs.mkdirSync(dir, { recursive: true });
    const exported = path.join(dir, '.env.exported');
    await (
      await api()
    ).run(
      'cloudKeys.exportKey',
      [node, { format: 'dotenv', file: exported, region: 'eu-west-2', endpointUrl: 'https://oos.eu-west-2.outscale.com' }],
      { confirmed: true },
    );
    fs.writeFileSync(
      path.join(dir, 'deploy.sh'),
      `#!/bin/sh\r\n# deploy\r\nexport OSC_ACCESS_KEY=${created.id}\r\nexport OSC_SECRET_KEY='${secret}'\r\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'terraform.tfstate'),
      JSON.stringify({ resources: [{ attributes: { access_key_id: created.id, secret_key: secret } }] }, null, 2),
    );
    fs.writeFileSync(
      path.join(dir, 'decoy.txt'),
      `${created.id.slice(0, -1)}${created.id.endsWith('X') ? 'Y' : 'X'} ${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}\n`,
    );

    const found = (await vscode.commands.executeCommand('cloudKeys.findKeyUses', node)) as FoundUses;
    assert.equal(found.keyId, created.id);
    assert.equal(found.secretKnown, true);
    const mine = found.uses.filter((u) => u.file.startsWith(dir));
    const at = (name: string) =>
      mine
        .filter((u) => path.basename(u.file) === name)
        .map((u) => `${u.line}:${u.kind}`)
        .sort();
    assert.deepEqual(at('deploy.sh'), ['3:key-id', '4:secret']);
    assert.deepEqual(at('terraform.tfstate').length, 2);
    assert.ok(mine.some((u) => u.fileKind === 'terraform-state'));
    assert.deepEqual(at('decoy.txt'), [], 'a decoy was reported');
    const exportUses = mine.filter((u) => u.file === exported);
    assert.ok(exportUses.length >= 2 && exportUses.every((u) => u.managed), 'the .env export is not marked as managed by Cloud Keys');
    assert.ok(mine.filter((u) => u.file !== exported).every((u) => !u.managed));
    assert.ok(!JSON.stringify(found).includes(secret), 'the result holds the secret');

    // The results view is shown.
    await vscode.commands.executeCommand('cloudKeys.keyUses.focus');

    // Opening a use as the view does puts the cursor on its line.
    const use = mine.find((u) => path.basename(u.file) === 'deploy.sh' && u.kind === 'secret')!;
    const start = new vscode.Position(use.line - 1, use.column);
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(use.file), { selection: new vscode.Range(start, start) });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, use.file);
    assert.equal(editor?.selection.active.line, 3);
    assert.equal(editor?.document.lineAt(3).text.slice(use.column, use.column + 5), secret.slice(0, 5));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
    await (await api()).run('cloudKeys.deleteKey', [node], { confirmed: true });
  });
});
