import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Account } from '../../../src/model/types';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators } from './helpers';

/**
 * The demo account's login and password (`DEMO_LOGIN` in test/emulators/outscale/seeds.ts), written
 * out here because this suite runs inside VS Code, apart from the emulator's code.
 */
const DEMO_LOGIN = { email: 'demo@example.com', password: 'cloud-keys-demo' };

/** Where a hand-entered account's secret fields are kept (`manualCredentialName` in src/model/types.ts). */
const credentialName = (accountId: string) => `account/${accountId}`;

suite('OUTSCALE: an account added with its login and password', () => {
  let account: Account | undefined;
  let created: KeyNode['key'] | undefined;

  suiteSetup(function () {
    if (!emulators.outscale) this.skip();
  });

  suiteTeardown(async () => {
    if (!account) return;
    const t = await api();
    if (created) {
      await t.registry
        .provider(account)
        .deleteKey(created)
        .catch(() => undefined);
      await t.secrets.deleteKeySecret(created);
    }
    // Hidden (no modal) and its credentials forgotten, so the suites after this one see the demo accounts only.
    await vscode.commands.executeCommand('cloudKeys.hideAccount', t.tree.accountNode(account));
    await t.secrets.credentials.delete(credentialName(account.id));
  });

  test('Add Account with a login: the login and password go to secret storage, the tree shows the account alone with a note, and a key it creates verifies with SigV4', async () => {
    const t = await api();
    account = (await vscode.commands.executeCommand('cloudKeys.addAccount', {
      cloud: 'outscale',
      label: 'OUTSCALE with a login',
      fields: { login: DEMO_LOGIN.email, password: DEMO_LOGIN.password, region: 'eu-west-2', endpoint: emulators.outscale },
    })) as Account | undefined;
    assert.ok(account, 'Add Account returned no account');

    const stored = await t.secrets.credentials.get(credentialName(account.id));
    assert.deepEqual(JSON.parse(stored?.reveal() ?? '{}'), { login: DEMO_LOGIN.email, password: DEMO_LOGIN.password });
    assert.ok(
      !JSON.stringify(account).includes(DEMO_LOGIN.password) && !JSON.stringify(account).includes(DEMO_LOGIN.email),
      'the account record kept in global state holds neither the login nor the password',
    );

    const roots: TreeNode[] = await t.tree.getChildren();
    const node = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.id === account!.id);
    assert.ok(node, 'the account is in the tree');
    const users = await t.tree.getChildren(node);
    assert.equal(users.length, 1, `only the account is listed, got: ${users.map((u) => u.kind).join(', ')}`);
    const me = users[0] as UserNode;
    assert.equal(me.kind, 'user');
    assert.equal(me.user.isCaller, true);
    const item = t.tree.getTreeItem(me);
    assert.match(String(item.description), new RegExp(DEMO_LOGIN.email.replace('.', '\\.')));
    assert.match((item.tooltip as vscode.MarkdownString).value, /EIM users are not listed/);

    const before = (await t.tree.getChildren(me)).filter((n): n is KeyNode => n.kind === 'key');
    assert.ok(before.length > 0, "the account's own keys are listed");
    created = (await vscode.commands.executeCommand('cloudKeys.createKey', me, { kind: 'access-key', options: {} })) as
      KeyNode['key'] | undefined;
    assert.ok(created?.id, 'the command returned no key');
    const secret = await t.secrets.getKeySecret(created);
    assert.ok(secret, 'the new secret is in secret storage');
    assert.equal(await t.registry.provider(account).verifyKey(created, secret), true, 'the new key signs a SigV4 request');
  });
});
