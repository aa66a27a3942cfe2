import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MessageNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators } from './helpers';

/**
 * `cloudKeys.http.timeoutSeconds` reaches the cloud calls: an answer whose body trickles in after its
 * headers is stopped at that deadline, and the tree's error names the call and the deadline.
 */
suite('The request deadline setting', () => {
  suiteSetup(function () {
    if (!emulators.outscale) this.skip();
  });

  test('stops a trickled answer at cloudKeys.http.timeoutSeconds and names the call', async function () {
    // Listing keys is retried (4 attempts of 5 s at most, with backoff), so this test may take ~25 s.
    this.timeout(90_000);
    const t = await api();
    const config = vscode.workspace.getConfiguration('cloudKeys');
    await config.update('http.timeoutSeconds', 5, vscode.ConfigurationTarget.Global);
    const faults = `${emulators.outscale}/__emulator/faults`;
    try {
      t.tree.refresh();
      const roots = await t.tree.getChildren();
      const account = roots.find((n) => n.kind === 'account' && n.account.cloud === 'outscale');
      assert.ok(account, 'no OUTSCALE account in the tree');
      const caller = (await t.tree.getChildren(account)).find((n): n is UserNode => n.kind === 'user' && n.user.isCaller);
      assert.ok(caller, 'no caller under the OUTSCALE account');
      const injected = await fetch(faults, { method: 'POST', body: JSON.stringify({ route: 'ReadAccessKeys', kind: 'trickle', ms: 500 }) });
      assert.ok(injected.ok, 'could not inject the fault');
      t.tree.refresh(caller);
      const nodes: TreeNode[] = await t.tree.getChildren(caller);
      const message = nodes[0] as MessageNode;
      assert.equal(message.kind, 'message', `expected an error node, got ${message.kind}`);
      assert.match(
        `${message.text} ${message.detail ?? ''} ${message.error?.message ?? ''}`,
        /did not finish answering ReadAccessKeys within 5 s/,
      );
    } finally {
      await fetch(faults, { method: 'DELETE' });
      await config.update('http.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
