// The secret-leak canary run, VS Code side: in every cloud, create a key, export
// it (AWS profile in the temporary home, terminal, .env), generate its Terraform, rotate it and
// delete the result. The emulators start every secret with a canary; after code-server stops, the
// integration driver searches everything VS Code and the extension wrote for it (scripts/lib/canarySearch.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { EXTENSION_ID, waitFor } from './helpers';

const emulators: Record<string, string> = JSON.parse(process.env.CLOUD_KEYS_EMULATORS ?? '{}');

/** S3 settings per cloud, so Export Key asks nothing. */
const S3: Record<string, { region: string; endpointUrl: string }> = {
  oci: { region: 'eu-frankfurt-1', endpointUrl: 'https://demo.compat.objectstorage.eu-frankfurt-1.oraclecloud.com' },
  outscale: { region: 'eu-west-2', endpointUrl: 'https://oos.eu-west-2.outscale.com' },
  ionos: { region: 'de', endpointUrl: 'https://s3.eu-central-1.ionoscloud.com' },
};

async function api(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID)!;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  assert.ok(exports, 'the extension exposes its test API (CLOUD_KEYS_TEST_API=1)');
  return exports;
}

/** The caller, except in OCI, whose demo caller has one of its two customer secret keys already (a rotation needs room for two). */
async function userFor(t: TestApi, cloud: string): Promise<UserNode> {
  const account = (await t.tree.getChildren()).find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(account, `no ${cloud} account`);
  const users = (await t.tree.getChildren(account)).filter((n): n is UserNode => n.kind === 'user');
  const user = cloud === 'oci' ? users.find((u) => u.user.name === 'frank.ops') : users[0];
  assert.ok(user, `no user to work with in ${cloud}`);
  return user;
}

async function keyNode(t: TestApi, user: UserNode, keyId: string): Promise<KeyNode> {
  t.tree.refresh(user);
  const node = (await t.tree.getChildren(user)).find((n: TreeNode): n is KeyNode => n.kind === 'key' && n.key.id === keyId);
  assert.ok(node, `key ${keyId} is not in the tree`);
  return node;
}

/** Runs `env` in a new integrated terminal (which gets the extension's variables) and returns its output. */
async function terminalEnvironment(file: string): Promise<string> {
  fs.rmSync(file, { force: true });
  const terminal = vscode.window.createTerminal({
    name: 'canary env',
    shellPath: '/bin/sh',
    shellArgs: ['-c', `env > '${file}.part' && mv '${file}.part' '${file}'`],
  });
  try {
    await waitFor(() => fs.existsSync(file), 'the terminal did not write its environment', 20_000);
    return fs.readFileSync(file, 'utf8');
  } finally {
    terminal.dispose();
  }
}

suite('Secret-leak canary: every operation that touches a secret, in every cloud', () => {
  const home = os.homedir();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;

  suiteSetup(function () {
    if (Object.keys(emulators).length === 0 || !folder) this.skip();
  });

  for (const cloud of ['oci', 'outscale', 'ionos']) {
    test(`${cloud}: create, export three ways, Terraform, rotate, delete`, async function () {
      if (!emulators[cloud]) this.skip();
      this.timeout(60_000);
      const t = await api();
      const caller = await userFor(t, cloud);
      // IONOS keys have no name; the other two clouds get one.
      const options = cloud === 'ionos' ? {} : { displayName: 'canary' };
      const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
        kind: 'access-key',
        options,
      })) as KeyNode['key'];
      assert.ok(created?.id, 'Create Key returned no key');
      let node = await keyNode(t, caller, created.id);
      const secret = (await t.secrets.getKeySecret(created))?.reveal();
      assert.ok(secret, 'the new secret is not in secret storage');

      // Exports the user asks for: the AWS profile in ~/.aws (the temporary home) and a .env file.
      await (
        await api()
      ).run('cloudKeys.exportKey', [node, { format: 'aws-profile', profile: `canary-${cloud}`, ...S3[cloud] }], { confirmed: true });
      assert.match(fs.readFileSync(path.join(home, '.aws', 'credentials'), 'utf8'), new RegExp(`aws_access_key_id\\s*=\\s*${created.id}`));
      const envFile = path.join(folder!, `.env.canary-${cloud}`);
      await (await api()).run('cloudKeys.exportKey', [node, { format: 'dotenv', file: envFile, ...S3[cloud] }], { confirmed: true });
      assert.ok(fs.readFileSync(envFile, 'utf8').includes(secret), 'the .env export does not hold the secret');

      // Find Uses of Key hashes the stored secret to find it; the driver's search then covers what it wrote.
      const found = (await vscode.commands.executeCommand('cloudKeys.findKeyUses', node)) as {
        uses: { file: string; kind: string; managed: boolean }[];
      };
      assert.ok(
        found.uses.some((u) => u.file === envFile && u.kind === 'secret' && u.managed),
        'Find Uses did not find the secret in the .env export',
      );
      assert.ok(!JSON.stringify(found).includes(secret), 'Find Uses returned the secret');

      // The terminal export reaches new terminals, and is gone from them once removed.
      await vscode.commands.executeCommand('cloudKeys.exportKey', node, { format: 'terminal', ...S3[cloud] });
      const during = path.join(home, `terminal-env-during-${cloud}.txt`);
      assert.ok(
        (await terminalEnvironment(during)).includes(`AWS_SECRET_ACCESS_KEY=${secret}`),
        'the terminal did not get the exported secret',
      );
      fs.rmSync(during);
      assert.equal(await vscode.commands.executeCommand('cloudKeys.removeTerminalExport'), created.id);
      // Left in place for the driver's search: the environment of a terminal opened after removal.
      const after = await terminalEnvironment(path.join(home, `terminal-env-after-${cloud}.txt`));
      assert.ok(!after.includes(created.id), 'a terminal opened after removal still gets the key');

      // Terraform for the key, saved in the workspace as a user would.
      const hcl = await vscode.commands.executeCommand<string>('cloudKeys.generateTerraform', node, { target: 'new' });
      assert.ok(hcl?.includes(created.id), 'the Terraform does not name the key');
      fs.writeFileSync(path.join(folder!, `canary-${cloud}.tf`), hcl);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

      // The key's details page (a webview with persisted state).
      await t.run('cloudKeys.showKeyDetails', [node]);

      // Rotation: a new key, the AWS profile and the .env follow it, the old key goes.
      const outcome = (await (await api()).run('cloudKeys.rotateKey', [node, { grace: { kind: 'now' } }], { confirmed: true })) as {
        items?: { status: string; newKeyId?: string; step?: string }[];
      };
      const item = outcome.items?.[0];
      assert.equal(item?.status, 'done', `rotation ended ${item?.status} at ${item?.step}`);
      node = await keyNode(t, caller, item.newKeyId!);
      assert.equal(node.secretStored, true, 'the rotated secret is not in secret storage');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await (await api()).run('cloudKeys.deleteKey', [node], { confirmed: true });
      assert.equal(await t.secrets.hasKeySecret(node.key), false, 'the deleted key’s secret was kept');
    });
  }
});
