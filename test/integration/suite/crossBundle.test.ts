/**
 * Each cloud adapter is its own bundle (dist/clouds/<cloud>.js) with its own copy of CloudError; the
 * tree, the rotation engine, the lenses and the forms live in dist/extension.js. These tests run the
 * packaged extension against the emulators and check that what a cloud's error means (throttled,
 * cancelled, not found, quota) still decides what the user sees once it crosses into the extension.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { HostToWebview } from '../../../src/webview/protocol';
import type { AccountNode, KeyNode, MessageNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators, waitFor } from './helpers';

interface RotationOutcome {
  readonly items?: readonly { status: string; newKeyId?: string; step?: string }[];
}

async function accountOf(t: TestApi, cloud: string): Promise<AccountNode> {
  const account = (await t.tree.getChildren()).find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(account, `no ${cloud} account in the tree`);
  return account;
}

async function usersOf(t: TestApi, cloud: string): Promise<UserNode[]> {
  return (await t.tree.getChildren(await accountOf(t, cloud))).filter((n): n is UserNode => n.kind === 'user');
}

async function callerOf(t: TestApi, cloud: string): Promise<UserNode> {
  const caller = (await usersOf(t, cloud)).find((u) => u.user.isCaller);
  assert.ok(caller, `the ${cloud} account shows no caller`);
  return caller;
}

async function keysOf(t: TestApi, user: UserNode): Promise<KeyNode[]> {
  t.tree.refresh(user);
  return (await t.tree.getChildren(user)).filter((n: TreeNode): n is KeyNode => n.kind === 'key');
}

/** Adds a fault to a cloud's emulator for the time `work` runs, then clears every fault. */
async function withFault<T>(cloud: string, fault: object, work: () => Promise<T>): Promise<T> {
  const response = await fetch(`${emulators[cloud]}/__emulator/faults`, { method: 'POST', body: JSON.stringify(fault) });
  assert.ok(response.ok, `the ${cloud} emulator refused the fault: ${await response.text()}`);
  try {
    return await work();
  } finally {
    await fetch(`${emulators[cloud]}/__emulator/faults`, { method: 'DELETE' });
  }
}

suite("A cloud's errors keep their meaning in the extension (through the built bundles)", () => {
  suiteSetup(function () {
    if (!emulators.outscale || !emulators.ionos) this.skip();
  });

  test('a throttled verify during a rotation is tried again and the rotation finishes', async function () {
    this.timeout(120_000);
    const t = await api();
    const caller = await callerOf(t, 'ionos');
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
      kind: 'access-key',
      options: {},
    })) as KeyNode['key'];
    const node = (await keysOf(t, caller)).find((k) => k.key.id === created.id);
    assert.ok(node, 'the key to rotate is not in the tree');
    // Reads of one key (GET …/s3keys/{id}) are made twice in a rotation: by the create step, once
    // IONOS accepted the write (202 + Location), and by verify. With this ratio the first read passes
    // and the next five are refused with 429: all of verify's first try, the adapter's own retries
    // included (it tries a call 4 times, DEFAULT_RETRY_POLICY), so a throttled error leaves
    // dist/clouds/ionos.js, and the engine must know it for what it is to try verify again (its
    // second try reads once more refused, then the key). Any adapter retry count from 2 to 5 works.
    const refusals = 5;
    const fault = { route: 'GET /um/users/*/s3keys/*', kind: 'status', status: 429, ratio: refusals / (refusals + 1), times: refusals };
    const outcome = await withFault(
      'ionos',
      fault,
      async () =>
        (await (await api()).run('cloudKeys.rotateKey', [node, { grace: { kind: 'now' } }], { confirmed: true })) as RotationOutcome,
    );
    const item = outcome.items?.[0];
    assert.equal(item?.status, 'done', `the rotation ended ${item?.status} at ${item?.step}`);
    const fresh = (await keysOf(t, caller)).find((k) => k.key.id === item.newKeyId);
    assert.ok(fresh, 'the new key is not in the tree');
    await (await api()).run('cloudKeys.deleteKey', [fresh], { confirmed: true });
  });

  test('a cancelled load shows as cancelled in the tree, not as an error', async function () {
    this.timeout(60_000);
    const t = await api();
    const caller = await callerOf(t, 'outscale');
    const latencyMs = 20_000;
    const started = Date.now();
    const nodes = await withFault('outscale', { route: 'ReadAccessKeys', kind: 'latency', ms: latencyMs }, async () => {
      t.tree.refresh(caller);
      const loading = t.tree.getChildren(caller);
      let settled = false;
      void loading.finally(() => (settled = true));
      // Cancels (as the view's Cancel button does) until the slow load gives up.
      await waitFor(() => {
        t.tree.cancelLoads();
        return settled;
      }, 'the load did not end when cancelled');
      return loading;
    });
    assert.ok(Date.now() - started < latencyMs, 'the load waited for the slow answer instead of being cancelled');
    const message = nodes[0] as MessageNode;
    assert.equal(message.kind, 'message');
    assert.equal(message.severity, 'info', `the cancelled load shows "${message.text}" as an ${message.severity}`);
    assert.match(message.text, /Loading cancelled/);
    assert.ok((await keysOf(t, caller)).length > 0, 'the keys did not come back after the cancelled load');
  });

  test('a Terraform lens skips a user the cloud answers 404 for, instead of showing an error', async function () {
    this.timeout(60_000);
    const t = await api();
    // A user other than the caller: not the entry of the contract's Object Storage access keys.
    const other = (await usersOf(t, 'ionos')).find((u) => !u.user.isCaller && !u.user.keyKinds);
    assert.ok(other, 'the IONOS demo account has no user besides the caller');
    const userId = other.user.id;
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'removed-user.tf');
    const text = ['resource "ionoscloud_s3_key" "removed_user" {', `  user_id = "${userId}"`, '}', ''].join('\n');
    const title = await withFault('ionos', { route: `GET /um/users/${userId}/s3keys`, kind: 'status', status: 404 }, async () => {
      t.tree.refresh(other);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      let status = '';
      await waitFor(
        async () => {
          const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1)) ?? [];
          status = lenses.map((l) => l.command?.title ?? '').find((s) => /^\$\((key|question|warning|circle-outline)\)/.test(s)) ?? '';
          return status !== '';
        },
        'the lens did not get its live state',
        20_000,
      );
      return status;
    });
    try {
      assert.doesNotMatch(title, /could not read the keys/, 'the 404 became an error on the lens');
      assert.match(title, new RegExp(`not found in .+: no user ${userId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('a quota refusal on the Create Key form marks the user field and leaves no create record', async function () {
    this.timeout(60_000);
    const t = await api();
    const caller = await callerOf(t, 'outscale');
    await vscode.commands.executeCommand('cloudKeys.openCreateKeyForm', caller);
    const host = t.panels().find((p) => p.kind === 'create-key');
    assert.ok(host, 'the Create Key panel did not open');
    const posted: HostToWebview[] = [];
    const listening = host.onDidPost((message) => posted.push(message));
    const recordsBefore = t.createJournal.records().length;
    try {
      // The suite speaks for the page: it is ready, the account is chosen, then the form is sent.
      await host.receive({ type: 'ready' });
      assert.ok(
        posted.some((m) => m.type === 'create/accounts' && m.accounts.some((a) => a.id === caller.account.id)),
        'the form did not list the account',
      );
      await host.receive({ type: 'create/account', accountId: caller.account.id });
      assert.ok(
        posted.some((m) => m.type === 'create/users' && m.users.some((u) => u.id === caller.user.id)),
        'the form did not list the caller',
      );
      // OUTSCALE refuses the create itself (another tool took the last slot since the form counted them).
      const quota = {
        route: 'CreateAccessKey',
        kind: 'status',
        status: 400,
        body: {
          Errors: [{ Code: '10022', Type: 'TooManyResources', Details: 'The limit of 10 access keys for this user has been reached.' }],
          ResponseContext: { RequestId: 'REQ-QUOTA-FORM' },
        },
        times: 1,
      };
      await withFault('outscale', quota, () =>
        host.receive({ type: 'create/submit', form: { accountId: caller.account.id, userId: caller.user.id, kind: 'access-key' } }),
      );
      const error = posted.find((m): m is Extract<HostToWebview, { type: 'error' }> => m.type === 'error');
      assert.ok(error, `the form showed no error; it was sent: ${posted.map((m) => m.type).join(', ')}`);
      assert.match(error.message, /limit/);
      assert.equal(error.field, 'userId', 'the quota refusal does not point at the user field');
      assert.equal(t.createJournal.records().length, recordsBefore, 'a refused create left a record of a key that cannot exist');
    } finally {
      listening.dispose();
      host.dispose();
    }
  });
});
