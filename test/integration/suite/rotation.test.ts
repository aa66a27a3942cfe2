import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators, readProfile } from './helpers';

interface Outcome {
  readonly items?: readonly { status: string; newKeyId?: string; oldKeyId: string; rotationId: string; step?: string }[];
  readonly status?: string;
  readonly newKeyId?: string;
}

async function callerOf(t: TestApi, cloud: string): Promise<UserNode> {
  const roots = await t.tree.getChildren();
  const account = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(account, `no ${cloud} account`);
  const users = await t.tree.getChildren(account);
  assert.ok(users[0]?.kind === 'user');
  return users[0];
}

async function keysOf(t: TestApi, user: UserNode): Promise<KeyNode[]> {
  t.tree.refresh(user);
  return (await t.tree.getChildren(user)).filter((n: TreeNode): n is KeyNode => n.kind === 'key');
}

async function fault(cloud: string, body: object | undefined, method: 'POST' | 'DELETE'): Promise<void> {
  await fetch(`${emulators[cloud]}/__emulator/faults`, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
}

suite('Rotation, exports and the key-age status bar in VS Code', () => {
  suiteSetup(function () {
    if (Object.keys(emulators).length === 0) this.skip();
  });

  for (const cloud of ['outscale', 'ionos']) {
    test(`${cloud}: a key exported to an AWS profile is rotated: new secret stored, profile updated, old key gone`, async function () {
      if (!emulators[cloud]) this.skip();
      const t = await api();
      const caller = await callerOf(t, cloud);
      const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
        kind: 'access-key',
        options: {},
      })) as KeyNode['key'];
      assert.ok(created?.id);
      const node = (await keysOf(t, caller)).find((k) => k.key.id === created.id);
      assert.ok(node);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-it-aws-'));
      const credentialsFile = path.join(dir, 'credentials');
      const configFile = path.join(dir, 'config');
      fs.writeFileSync(credentialsFile, '# kept\n[other]\naws_access_key_id = KEEP\n');
      const exported = await (
        await api()
      ).run(
        'cloudKeys.exportKey',
        [
          node,
          {
            format: 'aws-profile',
            profile: 'rotating',
            credentialsFile,
            configFile,
            region: 'eu-test-1',
            endpointUrl: 'https://s3.example.test',
          },
        ],
        { confirmed: true },
      );
      assert.ok(exported, 'the export returned no record');
      assert.equal(readProfile(credentialsFile, 'rotating').aws_access_key_id, created.id);
      assert.equal(fs.statSync(credentialsFile).mode & 0o777, 0o600);

      const outcome = (await (await api()).run('cloudKeys.rotateKey', [node, { grace: { kind: 'now' } }], { confirmed: true })) as Outcome;
      const item = outcome.items?.[0];
      assert.equal(item?.status, 'done', `rotation ended ${item?.status} at ${item?.step}`);
      const keys = await keysOf(t, caller);
      assert.ok(!keys.some((k) => k.key.id === created.id), 'the old key is still listed');
      const fresh = keys.find((k) => k.key.id === item.newKeyId);
      assert.ok(fresh, 'the new key is not in the tree');
      assert.equal(fresh.secretStored, true, 'the new secret is not in SecretStorage');
      assert.equal(await t.secrets.hasKeySecret(created), false, "the old key's secret was kept");
      const profile = readProfile(credentialsFile, 'rotating');
      assert.equal(profile.aws_access_key_id, item.newKeyId, 'the AWS profile was not switched to the new key');
      assert.equal(profile.aws_secret_access_key, (await t.secrets.getKeySecret(fresh.key))?.reveal());
      assert.equal(readProfile(credentialsFile, 'other').aws_access_key_id, 'KEEP');
      assert.match(fs.readFileSync(credentialsFile, 'utf8'), /^# kept/);
      await (await api()).run('cloudKeys.deleteKey', [fresh], { confirmed: true });
    });
  }

  test('a rotation that fails at key creation stays in the journal and Resume Rotations finishes it', async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const caller = await callerOf(t, 'outscale');
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
      kind: 'access-key',
      options: {},
    })) as KeyNode['key'];
    const node = (await keysOf(t, caller)).find((k) => k.key.id === created.id)!;
    await fault('outscale', { route: 'CreateAccessKey', kind: 'status', status: 503, times: 30 }, 'POST');
    let failed: Outcome;
    try {
      failed = (await (await api()).run('cloudKeys.rotateKey', [node, { grace: { kind: 'now' } }], { confirmed: true })) as Outcome;
    } finally {
      await fault('outscale', undefined, 'DELETE');
    }
    const stopped = failed.items?.[0];
    assert.equal(stopped?.status, 'failed');
    assert.equal(stopped?.step, 'create');
    assert.ok(
      (await keysOf(t, caller)).some((k) => k.key.id === created.id),
      'the old key must survive a failed rotation',
    );

    const resumed = (await vscode.commands.executeCommand('cloudKeys.resumeRotations', {
      rotationId: stopped.rotationId,
      action: 'resume',
    })) as Outcome;
    assert.equal(resumed.status, 'done');
    const keys = await keysOf(t, caller);
    assert.ok(!keys.some((k) => k.key.id === created.id));
    const fresh = keys.find((k) => k.key.id === resumed.newKeyId)!;
    assert.equal(fresh.secretStored, true);
    await (await api()).run('cloudKeys.deleteKey', [fresh], { confirmed: true });
  });

  test('the status bar counts overdue keys among the loaded ones, with per-cloud overrides', async () => {
    const t = await api();
    const config = vscode.workspace.getConfiguration('cloudKeys');
    for (const cloud of Object.keys(emulators)) await keysOf(t, await callerOf(t, cloud));
    try {
      await config.update('keys.maxAgeDays', 1, vscode.ConfigurationTarget.Global);
      const strict = (await (await api()).run('cloudKeys.showKeyAlerts', [], { listOnly: true })) as {
        text: string;
        overdue: number;
        keys: { keyId: string }[];
      };
      assert.ok(strict.overdue > 0, 'with a 1-day maximum some demo key is overdue');
      assert.match(strict.text, /overdue/);
      await config.update(
        'keys.perCloud',
        { oci: { maxAgeDays: 3650 }, outscale: { maxAgeDays: 3650 }, ionos: { maxAgeDays: 3650 } },
        vscode.ConfigurationTarget.Global,
      );
      const lenient = (await (await api()).run('cloudKeys.showKeyAlerts', [], { listOnly: true })) as { overdue: number };
      assert.ok(lenient.overdue < strict.overdue, 'the per-cloud maximum age overrides the general one');
    } finally {
      await config.update('keys.maxAgeDays', undefined, vscode.ConfigurationTarget.Global);
      await config.update('keys.perCloud', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a terminal export can be removed in one command', async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const caller = await callerOf(t, 'outscale');
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
      kind: 'access-key',
      options: {},
    })) as KeyNode['key'];
    const node = (await keysOf(t, caller)).find((k) => k.key.id === created.id)!;
    const record = (await vscode.commands.executeCommand('cloudKeys.exportKey', node, {
      format: 'terminal',
      region: 'eu-west-2',
      endpointUrl: 'https://oos.eu-west-2.outscale.com',
    })) as { kind: string; keyId: string };
    assert.equal(record.kind, 'terminal');
    assert.ok(!JSON.stringify(record).includes((await t.secrets.getKeySecret(created))!.reveal()), 'the export record holds no secret');
    assert.equal(await vscode.commands.executeCommand('cloudKeys.removeTerminalExport'), created.id);
    // Through the test API: undefined is also what a failed command returns.
    assert.equal(await t.run('cloudKeys.removeTerminalExport'), undefined, 'nothing is left to remove');
    await (await api()).run('cloudKeys.deleteKey', [node], { confirmed: true });
  });
});
