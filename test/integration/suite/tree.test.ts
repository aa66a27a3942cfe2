import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccountNode, KeyNode, MessageNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators, waitFor } from './helpers';

async function children(t: TestApi, node?: TreeNode): Promise<TreeNode[]> {
  return t.tree.getChildren(node);
}

async function accountOf(t: TestApi, cloud: string): Promise<AccountNode> {
  const roots = await children(t);
  const node = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(node, `no ${cloud} account in the tree: ${roots.map((n) => (n.kind === 'account' ? n.account.label : n.kind)).join(', ')}`);
  return node;
}

async function callerOf(t: TestApi, cloud: string): Promise<UserNode> {
  const users = await children(t, await accountOf(t, cloud));
  const first = users[0];
  const shown = first?.kind === 'message' ? `${first.text} ${first.detail ?? ''}` : first?.kind;
  assert.ok(first?.kind === 'user', `the first child of the ${cloud} account is not a user but: ${shown}`);
  return first;
}

async function keysOf(t: TestApi, user: UserNode): Promise<KeyNode[]> {
  return (await children(t, user)).filter((n): n is KeyNode => n.kind === 'key');
}

async function inject(cloud: string, fault: object): Promise<void> {
  const response = await fetch(`${emulators[cloud]}/__emulator/faults`, { method: 'POST', body: JSON.stringify(fault) });
  assert.ok(response.ok, `could not inject a fault into the ${cloud} emulator`);
}

async function clearFaults(cloud: string): Promise<void> {
  await fetch(`${emulators[cloud]}/__emulator/faults`, { method: 'DELETE' });
}

suite('The Accounts tree against the cloud emulators', () => {
  suiteSetup(function () {
    if (Object.keys(emulators).length === 0) this.skip();
  });

  test('lists one demo account per cloud, each with the caller first, marked "you"', async () => {
    const t = await api();
    for (const cloud of Object.keys(emulators)) {
      const caller = await callerOf(t, cloud);
      assert.equal(caller.user.isCaller, true, `${cloud}: the first user is not the caller`);
      const item = t.tree.getTreeItem(caller);
      assert.match(String(item.description), /you/, `${cloud}: the caller is not marked "you"`);
    }
  });

  test('shows keys with their state and age, and a tooltip with every detail', async () => {
    const t = await api();
    for (const cloud of Object.keys(emulators)) {
      const keys = await keysOf(t, await callerOf(t, cloud));
      assert.ok(keys.length > 0, `${cloud}: the caller has no keys in the demo seed`);
      const item = t.tree.getTreeItem(keys[0]);
      assert.match(String(item.description), /(active|inactive)/, `${cloud}: no state in "${String(item.description)}"`);
      assert.match(String(item.description), /created/, `${cloud}: no age in "${String(item.description)}"`);
      const tooltip = (item.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, new RegExp(keys[0].key.id));
    }
  });

  test('creates a key from a command: the secret is in SecretStorage before the tree shows the key', async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const caller = await callerOf(t, 'outscale');
    const before = await keysOf(t, caller);
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
      kind: 'access-key',
      options: {},
    })) as KeyNode['key'];
    assert.ok(created?.id, 'the command returned no key');
    assert.equal(await t.secrets.hasKeySecret(created), true, 'the new secret is not in SecretStorage');
    const after = await keysOf(t, caller);
    assert.equal(after.length, before.length + 1);
    const node = after.find((k) => k.key.id === created.id);
    assert.ok(node, 'the new key is not in the tree');
    assert.equal(node.secretStored, true);
    assert.match(String(t.tree.getTreeItem(node).contextValue), /\bsecretAvailable\b/);

    await (await api()).run('cloudKeys.deactivateKey', [node], { confirmed: true });
    const deactivated = (await keysOf(t, caller)).find((k) => k.key.id === created.id);
    assert.equal(deactivated?.key.state, 'inactive');

    await (await api()).run('cloudKeys.deleteKey', [deactivated], { confirmed: true });
    assert.equal(
      (await keysOf(t, caller)).some((k) => k.key.id === created.id),
      false,
      'the deleted key is still listed',
    );
    assert.equal(await t.secrets.hasKeySecret(created), false, 'the deleted key left its secret in SecretStorage');
  });

  test('an API failure becomes an error node naming the request id, and Retry recovers', async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const caller = await callerOf(t, 'outscale');
    await inject('outscale', { route: 'ReadAccessKeys', kind: 'status', status: 400, times: 1 });
    let message: MessageNode;
    try {
      t.tree.refresh(caller);
      const nodes = await children(t, caller);
      message = nodes[0] as MessageNode;
      assert.equal(message.kind, 'message');
      assert.equal(message.severity, 'error');
      assert.match(message.text, /Could not list the keys/);
      assert.ok(message.retry, 'the error node offers no retry');
    } finally {
      await clearFaults('outscale');
    }
    // Retry as the error node's click runs it, through the test API (which rejects if it failed).
    // Reading the tree reloads a failed node by itself, so what only Retry does is asked too: that
    // VS Code show the user's keys again.
    const changed: (TreeNode | undefined)[] = [];
    const listening = t.tree.onDidChangeTreeData((node) => changed.push(node ?? undefined));
    try {
      await t.run('cloudKeys.retry', [message]);
    } finally {
      listening.dispose();
    }
    assert.ok(
      changed.some((node) => node === undefined || (node.kind === 'user' && node.user.id === caller.user.id)),
      'Retry did not ask VS Code to show the user again',
    );
    const after = await t.tree.getChildren(caller);
    assert.ok(
      after.some((n) => n.kind === 'key'),
      `Retry did not bring the keys back: ${after.map((n) => n.kind).join(', ')}`,
    );
  });

  test('follows an edit of a config file without a reload', async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const account = (await accountOf(t, 'outscale')).account;
    assert.equal(account.origin.kind, 'config-file');
    const file = (account.origin as { path: string }).path;
    const original = fs.readFileSync(file, 'utf8');
    const config = JSON.parse(original) as Record<string, unknown>;
    const profile = (account.origin as { profile: string }).profile;
    fs.writeFileSync(file, JSON.stringify({ ...config, 'added-by-test': config[profile] }, null, 2));
    try {
      await waitFor(
        async () => (await children(t)).some((n) => n.kind === 'account' && n.account.label.includes('added-by-test')),
        'the tree did not show the profile added to the config file',
        15_000,
      );
    } finally {
      fs.writeFileSync(file, original);
    }
    await waitFor(
      async () => !(await children(t)).some((n) => n.kind === 'account' && n.account.label.includes('added-by-test')),
      'the tree still shows the profile removed from the config file',
      15_000,
    );
  });

  test('ignores workspace settings that try to redirect endpoints or config files', async function () {
    if (!emulators.oci || !emulators.ionos) this.skip();
    const t = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const settingsFile = `${folder}/.vscode/settings.json`;
    fs.mkdirSync(`${folder}/.vscode`, { recursive: true });
    fs.writeFileSync(
      settingsFile,
      JSON.stringify({
        'cloudKeys.oci.endpoint': 'http://127.0.0.9:9',
        'cloudKeys.oci.configFile': '/nonexistent/oci-config',
        'cloudKeys.ionos.apiUrl': 'http://127.0.0.9:9',
        'cloudKeys.outscale.configFile': '/nonexistent/osc.json',
      }),
    );
    try {
      await waitFor(
        () =>
          vscode.workspace.getConfiguration('cloudKeys').inspect('oci.endpoint')?.workspaceValue !== undefined ||
          fs.existsSync(settingsFile),
        'the workspace settings file was not written',
      );
      t.tree.refresh();
      for (const cloud of ['oci', 'ionos']) {
        const caller = await callerOf(t, cloud);
        assert.equal(caller.user.isCaller, true, `${cloud} followed a workspace setting`);
      }
    } finally {
      fs.rmSync(`${folder}/.vscode`, { recursive: true, force: true });
    }
  });
});
