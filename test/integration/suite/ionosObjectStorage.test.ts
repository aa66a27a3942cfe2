import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators } from './helpers';

/** The entry of the contract's Object Storage access keys (src/clouds/ionos/constants.ts). */
const CONTRACT_KEYS_ENTRY_ID = '#object-storage';

interface Outcome {
  readonly items?: readonly { status: string; newKeyId?: string; oldKeyId: string; step?: string }[];
}

async function contractEntry(t: TestApi): Promise<UserNode> {
  const roots = await t.tree.getChildren();
  const account = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === 'ionos');
  assert.ok(account, 'no IONOS account');
  const users = (await t.tree.getChildren(account)).filter((n): n is UserNode => n.kind === 'user');
  assert.ok(users[0]?.user.isCaller, 'the caller comes first');
  const entry = users.find((u) => u.user.id === CONTRACT_KEYS_ENTRY_ID);
  assert.ok(entry, 'the contract access keys are not beside the users');
  assert.equal(users[1], entry, 'the contract access keys come right after the caller');
  return entry;
}

async function keysOf(t: TestApi, entry: UserNode): Promise<KeyNode[]> {
  t.tree.refresh(entry);
  return (await t.tree.getChildren(entry)).filter((n: TreeNode): n is KeyNode => n.kind === 'key');
}

suite('IONOS Object Storage access keys (contract) in VS Code', () => {
  suiteSetup(function () {
    if (!emulators.ionos) this.skip();
  });

  test("are listed beside the users with description, state, administrative, regions and a failed key's reason", async () => {
    const t = await api();
    const entry = await contractEntry(t);
    assert.equal(t.tree.getTreeItem(entry).label, 'Object Storage access keys (contract)');
    const keys = await keysOf(t, entry);
    const admin = keys.find((k) => k.key.displayName === 'Contract administration');
    assert.ok(admin, 'the administrative demo key is missing');
    const adminRow = String(t.tree.getTreeItem(admin).description);
    assert.match(adminRow, /active · administrative · created (today|\d+d ago) · \S{12}… · eu-central-3, eu-central-4, us-central-1$/);
    const failed = keys.find((k) => k.key.state === 'failed');
    assert.ok(failed, 'the FAILED demo key is missing');
    const failedItem = t.tree.getTreeItem(failed);
    assert.match(String(failedItem.description), /failed: The key could not be provisioned in eu-central-3/);
    assert.equal((failedItem.iconPath as vscode.ThemeIcon).id, 'error');
  });

  test('create stores the secret; renew keeps the key and replaces the secret; replace makes a new key and deletes the old one', async () => {
    const t = await api();
    const entry = await contractEntry(t);
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', entry, {
      kind: 'object-storage-access-key',
      options: { displayName: 'integration' },
    })) as KeyNode['key'];
    assert.equal(created?.state, 'active', 'the key is returned once IONOS has provisioned it');
    assert.equal(created.id.length, 92, 'the id is the access key itself');
    const stored = await t.secrets.getKeySecret(created);
    assert.ok(stored, 'the new secret is not in SecretStorage');
    let node = (await keysOf(t, entry)).find((k) => k.key.id === created.id);
    assert.equal(node?.secretStored, true);

    const renewed = (await (await api()).run('cloudKeys.rotateKey', [node, { mode: 'renew' }], { confirmed: true })) as Outcome;
    assert.equal(renewed.items?.[0]?.status, 'done', `renewal ended ${renewed.items?.[0]?.status} at ${renewed.items?.[0]?.step}`);
    assert.equal(renewed.items[0].newKeyId, created.id, 'renewal keeps the key');
    const afterRenew = await t.secrets.getKeySecret(created);
    assert.ok(afterRenew && afterRenew.reveal() !== stored.reveal(), 'the stored secret is the new one');
    node = (await keysOf(t, entry)).find((k) => k.key.id === created.id);
    assert.ok(node, 'the renewed key is still listed');

    const replaced = (await (
      await api()
    ).run('cloudKeys.rotateKey', [node, { mode: 'replace', grace: { kind: 'now' } }], { confirmed: true })) as Outcome;
    const item = replaced.items?.[0];
    assert.equal(item?.status, 'done', `replacement ended ${item?.status} at ${item?.step}`);
    const keys = await keysOf(t, entry);
    assert.ok(!keys.some((k) => k.key.id === created.id), 'the old key is still listed');
    const fresh = keys.find((k) => k.key.id === item.newKeyId);
    assert.equal(fresh?.secretStored, true, 'the replacement secret is not in SecretStorage');
    assert.match(fresh.key.displayName ?? '', /^integration \(rotated \d{4}-\d{2}-\d{2}\)$/);
    await (await api()).run('cloudKeys.deleteKey', [fresh], { confirmed: true });
    assert.ok(!(await keysOf(t, entry)).some((k) => k.key.id === fresh.key.id), 'the deleted key is still listed');
    assert.equal(await t.secrets.hasKeySecret(fresh.key), false);
  });
});
