import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { CloudProvider, CreateKeyOptions } from '../../../src/clouds/provider';
import type { AccessKey } from '../../../src/model/types';
import type { CreateIntent } from '../../../src/operations/createJournal';
import type { RecoveryReport } from '../../../src/operations/createRecovery';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators } from './helpers';

/** What a create the extension host did not live to finish leaves behind. */
interface Interrupted {
  readonly intent: CreateIntent;
  readonly key: AccessKey;
  readonly user: UserNode;
  readonly provider: CloudProvider;
  /** Whether the secret the cloud returned equals `value`, without the secret leaving this closure. */
  readonly secretIs: (value: string | undefined) => boolean;
}

async function callerOf(t: TestApi, cloud: string): Promise<UserNode> {
  const roots = await t.tree.getChildren();
  const account = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(account, `no ${cloud} account in the tree`);
  const users = await t.tree.getChildren(account);
  assert.ok(users[0]?.kind === 'user', `the first child of the ${cloud} account is not a user`);
  return users[0];
}

async function treeKeys(t: TestApi, user: UserNode): Promise<KeyNode[]> {
  return (await t.tree.getChildren(user)).filter((n: TreeNode): n is KeyNode => n.kind === 'key');
}

/**
 * The state a crash between "create at the cloud" and "store the secret" leaves: the journal record
 * written before the call, the key at the cloud, its secret stored nowhere. Built from the extension's
 * own journal and provider (real signed HTTP to the emulator), in the order `createKeyStoringSecret` uses.
 */
async function interruptedCreate(t: TestApi, cloud: string, options: CreateKeyOptions = {}): Promise<Interrupted> {
  const user = await callerOf(t, cloud);
  const provider = t.registry.provider(user.account);
  const before = (await provider.listKeys(user.user.id)).filter((k) => k.kind === 'access-key');
  const intent = await t.createJournal.begin({
    accountId: user.account.id,
    cloud: provider.cloud,
    userId: user.user.id,
    kind: 'access-key',
    keysBefore: before.map((k) => k.id),
  });
  const created = await provider.createKey(user.user.id, 'access-key', options);
  // The call is over and nothing stored the secret: from here the record is an interrupted create
  // (while a call is in flight, the recovery command leaves its record alone).
  t.createJournal.settled(intent.id);
  assert.ok(created.secret, `${cloud}: the create returned no secret`);
  const secret = created.secret;
  return { intent, key: created.key, user, provider, secretIs: (value) => value === secret.reveal() };
}

function journalHas(t: TestApi, intent: CreateIntent): boolean {
  return t.createJournal.records().some((r) => r.id === intent.id);
}

async function recover(answer?: 'delete' | 'keep'): Promise<RecoveryReport> {
  const report = (await vscode.commands.executeCommand('cloudKeys.recoverInterruptedCreates', ...(answer ? [{ answer }] : []))) as
    RecoveryReport | undefined;
  assert.ok(report, 'the recovery command returned no report (it failed; see the Cloud Keys log)');
  return report;
}

/** Counts the tree's change events while `work` runs; `undefined` (the whole tree) is what a full refresh fires. */
async function treeChangesDuring<T>(t: TestApi, work: () => Promise<T>): Promise<{ result: T; whole: number }> {
  let whole = 0;
  const subscription = t.tree.onDidChangeTreeData((node) => {
    if (node === undefined) whole += 1;
  });
  try {
    return { result: await work(), whole };
  } finally {
    subscription.dispose();
  }
}

async function fault(cloud: string, body?: object): Promise<void> {
  const response = await fetch(
    `${emulators[cloud]}/__emulator/faults`,
    body ? { method: 'POST', body: JSON.stringify(body) } : { method: 'DELETE' },
  );
  assert.ok(response.ok, `could not ${body ? 'inject' : 'clear'} a fault in the ${cloud} emulator`);
}

async function stillAtCloud(i: Interrupted): Promise<boolean> {
  return (await i.provider.listKeys(i.user.user.id)).some((k) => k.id === i.key.id);
}

suite('Recovering key creations that were interrupted, in VS Code', () => {
  suiteSetup(async function () {
    if (Object.keys(emulators).length === 0) this.skip();
    // Nothing left over from an earlier test may answer for these.
    assert.deepEqual((await api()).createJournal.records(), [], 'the create journal is empty at the start');
  });

  for (const [cloud, options] of [
    ['outscale', {}],
    ['oci', { displayName: 'interrupted-create' }],
  ] as const) {
    test(`${cloud}: answering "delete" removes the key whose secret was lost, empties the journal and refreshes the tree`, async function () {
      if (!emulators[cloud]) this.skip();
      const t = await api();
      const lost = await interruptedCreate(t, cloud, options);
      t.tree.refresh(lost.user);
      const listed = (await treeKeys(t, lost.user)).find((k) => k.key.id === lost.key.id);
      assert.ok(listed, 'the orphan key is in the tree before recovery');
      assert.equal(listed.secretStored, false);

      const { result: report, whole } = await treeChangesDuring(t, () => recover('delete'));
      assert.deepEqual(report.deleted, [lost.key.id]);
      assert.deepEqual(report.failures, []);
      assert.equal(journalHas(t, lost.intent), false, 'the record is still in the journal');
      assert.deepEqual(t.createJournal.records(), []);
      assert.equal(await stillAtCloud(lost), false, 'the key is still at the cloud');
      assert.ok(whole > 0, 'the tree was not refreshed');
      // No refresh of ours: what the tree lists now is what recovery's refresh loaded.
      const user = await callerOf(t, cloud);
      assert.equal(
        (await treeKeys(t, user)).some((k) => k.key.id === lost.key.id),
        false,
        'the tree still lists the deleted key',
      );
      assert.equal(await t.secrets.hasKeySecret(lost.key), false);
    });
  }

  test('outscale: answering "keep" leaves the key at the cloud and empties the journal; keys from before are never touched', async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const lost = await interruptedCreate(t, 'outscale');
    const report = await recover('keep');
    assert.deepEqual(report.kept, [lost.key.id], 'only the key the interrupted call created is a candidate');
    assert.deepEqual(report.deleted, []);
    assert.equal(journalHas(t, lost.intent), false, 'the record is still in the journal');
    assert.equal(await stillAtCloud(lost), true, 'a kept key was deleted');
    assert.equal(await t.secrets.hasKeySecret(lost.key), false, 'a secret appeared for a key whose secret was lost');

    t.tree.refresh(lost.user);
    const node = (await treeKeys(t, lost.user)).find((k) => k.key.id === lost.key.id);
    assert.ok(node);
    await (await api()).run('cloudKeys.deleteKey', [node], { confirmed: true });
  });

  test('ionos: the secret the cloud can read back is stored in SecretStorage without asking', async function () {
    if (!emulators.ionos) this.skip();
    const t = await api();
    const lost = await interruptedCreate(t, 'ionos');
    assert.equal(await t.secrets.hasKeySecret(lost.key), false);
    // No answer given: were the user asked, the command would wait on the question and time out here.
    const report = await recover();
    assert.deepEqual(report.secretsStored, [lost.key.id]);
    assert.deepEqual(report.deleted, []);
    assert.deepEqual(report.kept, []);
    assert.deepEqual(report.unanswered, []);
    assert.ok(
      lost.secretIs((await t.secrets.getKeySecret(lost.key))?.reveal()),
      'SecretStorage does not hold the secret the cloud returned',
    );
    assert.equal(journalHas(t, lost.intent), false);
    assert.equal(await stillAtCloud(lost), true, 'a key whose secret could be saved was deleted');

    t.tree.refresh(lost.user);
    const node = (await treeKeys(t, lost.user)).find((k) => k.key.id === lost.key.id);
    assert.equal(node?.secretStored, true, 'the tree does not show the recovered secret as stored');
    await (await api()).run('cloudKeys.deleteKey', [node], { confirmed: true });
  });

  test('outscale: a cloud error during recovery keeps the record for the next start, and the next run finishes', async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const lost = await interruptedCreate(t, 'outscale');
    await fault('outscale', { route: 'DeleteAccessKey', kind: 'status', status: 500, times: 20 });
    let failed: RecoveryReport;
    try {
      failed = await recover('delete');
    } finally {
      await fault('outscale');
    }
    assert.deepEqual(failed.deleted, []);
    assert.equal(failed.failures.length, 1, `expected one failure, got ${JSON.stringify(failed.failures)}`);
    assert.equal(failed.failures[0].keyId, lost.key.id);
    assert.equal(failed.cleared, 0);
    assert.ok(journalHas(t, lost.intent), 'the record was dropped although its key could not be deleted');
    assert.equal(await stillAtCloud(lost), true);

    const retried = await recover('delete');
    assert.deepEqual(retried.deleted, [lost.key.id]);
    assert.deepEqual(retried.failures, []);
    assert.equal(journalHas(t, lost.intent), false);
    assert.equal(await stillAtCloud(lost), false);
  });
});
