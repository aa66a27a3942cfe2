// "Truth" and "Polish": what the tree and the key-age status bar say, checked in a real
// extension host against the emulators' demo seed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccessKey, Account } from '../../../src/model/types';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators, waitFor } from './helpers';

interface AlertList {
  overdue: number;
  expiring: number;
  keys: { keyId: string; level: string; reason: string; cloud: string; account: string; user?: string }[];
}

const DAY = 86_400_000;

async function accounts(t: TestApi): Promise<AccountNode[]> {
  return (await t.tree.getChildren()).filter((n): n is AccountNode => n.kind === 'account');
}

async function accountOf(t: TestApi, cloud: string): Promise<AccountNode> {
  const node = (await accounts(t)).find((n) => n.account.cloud === cloud);
  assert.ok(node, `no ${cloud} account in the tree`);
  return node;
}

async function userOf(t: TestApi, cloud: string, name: string): Promise<UserNode> {
  const users = await t.tree.getChildren(await accountOf(t, cloud));
  const user = users.find((n): n is UserNode => n.kind === 'user' && n.user.name === name);
  assert.ok(user, `no user ${name} under the ${cloud} account: ${users.map((n) => (n.kind === 'user' ? n.user.name : n.kind)).join(', ')}`);
  return user;
}

/** Every key of an account, read straight from its cloud (every page of users), not through the tree. */
async function everyKey(t: TestApi, account: Account): Promise<{ user: string; key: AccessKey }[]> {
  const provider = t.registry.provider(account);
  const users = [await provider.whoAmI()];
  let cursor: string | undefined;
  do {
    const page = await provider.listUsers(cursor);
    users.push(...page.items);
    cursor = page.next;
  } while (cursor !== undefined);
  const seen = new Set<string>();
  const out: { user: string; key: AccessKey }[] = [];
  for (const user of users) {
    if (user.placeholder || seen.has(user.id)) continue;
    seen.add(user.id);
    for (const key of await provider.listKeys(user.id)) out.push({ user: user.name, key });
  }
  return out;
}

async function alertList(): Promise<AlertList> {
  return (await (await api()).run('cloudKeys.showKeyAlerts', [], { listOnly: true, complete: true })) as AlertList;
}

suite('a tree and a status bar that tell the truth', () => {
  suiteSetup(function () {
    if (Object.keys(emulators).length === 0) this.skip();
  });

  test('the status bar counts every key of every account, expanded or not, and still does after a Refresh', async () => {
    const t = await api();
    // A full Refresh drops everything the tree loaded: nothing is expanded any more.
    await (await api()).run('cloudKeys.refresh');
    const listed = await alertList();

    // The overdue keys, found independently: every active key older than the 90-day default, or expired.
    const now = Date.now();
    const expected = new Set<string>();
    for (const node of await accounts(t)) {
      for (const { key } of await everyKey(t, node.account)) {
        const old = key.state !== 'inactive' && key.createdAt !== undefined && now - key.createdAt.getTime() > 91 * DAY;
        const expired = key.expiresAt !== undefined && key.expiresAt.getTime() <= now;
        if (old || expired) expected.add(key.id);
      }
    }
    assert.ok(expected.size >= 3, `the demo seed should hold several overdue keys, found ${expected.size}`);
    const overdue = new Set(listed.keys.filter((k) => k.level === 'overdue').map((k) => k.keyId));
    assert.deepEqual([...overdue].sort(), [...expected].sort(), 'the status bar does not count every overdue key');
    assert.equal(listed.overdue, expected.size);

    // The list names the cloud, the account, the user and the key: OCI's erin.readonly was never
    // expanded (and no other suite touches her key, unlike bob.builder's, which a rotation test rotates).
    const legacy = listed.keys.find((k) => k.user === 'erin.readonly' && /800 days old/.test(k.reason));
    assert.ok(legacy, `the 800-day-old key of erin.readonly is not listed: ${JSON.stringify(listed.keys)}`);
    assert.equal(legacy.cloud, 'OCI');
    assert.equal(legacy.account, (await accountOf(t, 'oci')).account.label);

    // Refresh again: the count is the same (it was 12, then 3, in the report).
    await (await api()).run('cloudKeys.refresh');
    const again = await alertList();
    assert.equal(again.overdue, listed.overdue, 'a Refresh changed the count though nothing was rotated');
    assert.equal(again.expiring, listed.expiring);
  });

  test('an inactive user is shown as inactive', async function () {
    if (!emulators.oci) this.skip();
    const t = await api();
    const inactive = await userOf(t, 'oci', 'erin.readonly');
    const item = t.tree.getTreeItem(inactive);
    assert.match(String(item.description), /\binactive\b/, `description: ${String(item.description)}`);
    assert.match((item.tooltip as vscode.MarkdownString).value, /Inactive user/);
    assert.match(String(item.contextValue), /\binactive\b/);
    const active = t.tree.getTreeItem(await userOf(t, 'oci', 'frank.ops'));
    assert.doesNotMatch(String(active.description), /inactive/);
  });

  test('rows and tooltips: each cloud its own icon, API signing keys theirs, local dates, whole sentences', async () => {
    const t = await api();
    const icons = new Set<string>();
    for (const node of await accounts(t)) {
      const icon = t.tree.getTreeItem(node).iconPath as { light: vscode.Uri; dark: vscode.Uri };
      assert.ok(icon.light && icon.dark, `${node.account.cloud}: no light and dark icon`);
      for (const uri of [icon.light, icon.dark]) assert.ok(fs.existsSync(uri.fsPath), `${uri.fsPath} is not in the installed extension`);
      icons.add(icon.light.fsPath);
    }
    assert.equal(icons.size, (await accounts(t)).length, 'two clouds share an icon');

    if (!emulators.oci) return;
    const keysOf = async (name: string) =>
      (await t.tree.getChildren(await userOf(t, 'oci', name))).filter((n): n is KeyNode => n.kind === 'key');
    const secretKey = (await keysOf('erin.readonly')).find((k) => k.key.displayName === 'old-reporting');
    const apiKey = (await keysOf('carol.ci-deployer')).find((k) => k.key.kind === 'api-signing-key');
    assert.ok(apiKey && secretKey, "erin.readonly's old-reporting or an API signing key of carol.ci-deployer is missing");
    // A fresh key shows its kind (an overdue one a warning): each kind its own icon.
    const fresh = (node: KeyNode) =>
      (t.tree.getTreeItem({ ...node, key: { ...node.key, createdAt: new Date() } }).iconPath as vscode.ThemeIcon).id;
    assert.notEqual(fresh(apiKey), fresh(secretKey), 'API signing keys and customer secret keys share an icon');

    const item = t.tree.getTreeItem(secretKey);
    // Name, state and age lead; the long OCI id comes last, shortened in the label when there is no name.
    assert.match(String(item.description), /^active · created 800d ago/);
    const unnamed = t.tree.getTreeItem(apiKey);
    assert.ok(String(unnamed.label).length <= 16, `the fingerprint is not shortened: ${String(unnamed.label)}`);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /This key is 800 days old, past the 90-day maximum: rotate it\./);
    assert.doesNotMatch(tooltip, /\d{4}-\d{2}-\d{2}T\d{2}/, 'the tooltip shows an ISO date');
    const created = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(secretKey.key.createdAt);
    assert.ok(tooltip.replace(/\\/g, '').includes(created), `the tooltip does not show the local date ${created}: ${tooltip}`);
  });

  test("the quick create flow ends on the new key's details", async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const caller = (await t.tree.getChildren(await accountOf(t, 'outscale'))).find(
      (n): n is UserNode => n.kind === 'user' && n.user.isCaller,
    );
    assert.ok(caller);
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
      kind: 'access-key',
      options: {},
      showDetails: true,
    })) as AccessKey;
    try {
      const panel = () => t.panels().find((p) => p.kind === 'details' && p.webviewPanel.title.includes(created.id));
      await waitFor(
        () => panel() !== undefined,
        `no Key Details panel for ${created.id}: ${t
          .panels()
          .map((p) => p.webviewPanel.title)
          .join(', ')}`,
      );
      panel()!.dispose();
    } finally {
      const node: TreeNode = { kind: 'key', account: caller.account, user: caller.user, key: created, secretStored: true };
      await (await api()).run('cloudKeys.deactivateKey', [node], { confirmed: true });
      await (await api()).run('cloudKeys.deleteKey', [{ ...node, key: { ...created, state: 'inactive' } }], { confirmed: true });
    }
  });
});
