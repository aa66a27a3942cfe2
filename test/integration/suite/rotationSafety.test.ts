import assert from 'node:assert/strict';
import type { TestApi } from '../../../src/extension';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators } from './helpers';

const DAY = 86_400_000;

interface RotateResult {
  readonly items: readonly { status: string; newKeyId?: string; oldKeyId: string; step?: string }[];
  readonly needsRoom?: readonly {
    keyId: string;
    used: number;
    limit: number;
    candidates: readonly { keyId: string; choice: string; stops: string }[];
  }[];
}

async function userOf(t: TestApi, cloud: string, name: string): Promise<UserNode> {
  const roots = await t.tree.getChildren();
  const account = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(account, `no ${cloud} account`);
  const user = (await t.tree.getChildren(account)).find((n): n is UserNode => n.kind === 'user' && n.user.name === name);
  assert.ok(user, `no user ${name} in the ${cloud} demo seed`);
  return user;
}

async function keysOf(t: TestApi, user: UserNode): Promise<KeyNode[]> {
  t.tree.refresh(user);
  return (await t.tree.getChildren(user)).filter((n: TreeNode): n is KeyNode => n.kind === 'key');
}

suite('Rotation safety in VS Code: the per-user limit and the carried expiry', () => {
  suiteSetup(function () {
    if (Object.keys(emulators).length === 0) this.skip();
  });

  test('OCI at 2 of 2 customer secret keys: no key is deleted without a choice; the rotated key chosen goes first and the other active key survives', async function () {
    if (!emulators.oci) this.skip();
    const t = await api();
    const bob = await userOf(t, 'oci', 'bob.builder');
    const before = (await keysOf(t, bob)).filter((k) => k.key.kind === 'access-key');
    const rotated = before.find((k) => k.key.displayName === 'ci-artifacts');
    const other = before.find((k) => k.key.displayName === 'backup-sync');
    assert.ok(rotated && other, 'the demo seed gives bob.builder ci-artifacts and backup-sync');

    const asked = (await (
      await api()
    ).run('cloudKeys.rotateKey', [rotated, { grace: { kind: 'now' } }], { confirmed: true })) as RotateResult;
    assert.deepEqual(asked.items, [], 'nothing was rotated without a choice');
    assert.deepEqual(
      asked.needsRoom?.[0]?.candidates.map((c) => `${c.keyId}:${c.choice}`),
      [`${rotated.key.id}:rotated-key`, `${other.key.id}:other-active`],
      'the rotated key is offered before the other active key',
    );
    const still = (await keysOf(t, bob)).map((k) => k.key.id);
    assert.ok(still.includes(other.key.id) && still.includes(rotated.key.id), 'both keys are still there');

    const done = (await (
      await api()
    ).run('cloudKeys.rotateKey', [rotated, { grace: { kind: 'now' }, makeRoom: { [rotated.key.id]: rotated.key.id } }], {
      confirmed: true,
    })) as RotateResult;
    assert.equal(done.items[0]?.status, 'done', `rotation ended ${done.items[0]?.status} at ${done.items[0]?.step}`);
    const after = (await keysOf(t, bob)).filter((k) => k.key.kind === 'access-key');
    assert.ok(
      after.some((k) => k.key.id === other.key.id),
      'backup-sync, the other active key, survives',
    );
    assert.ok(!after.some((k) => k.key.id === rotated.key.id), 'the rotated key is gone');
    const fresh = after.find((k) => k.key.id === done.items[0].newKeyId);
    assert.ok(fresh?.secretStored, 'the new key is listed with its secret stored');
  });

  test("OUTSCALE: the new key keeps the old key's lifetime", async function () {
    if (!emulators.outscale) this.skip();
    const t = await api();
    const agent = await userOf(t, 'outscale', 'backup-agent');
    // The demo seed: created 45 days ago, expiring in 320 days, a 365-day lifetime.
    const old = (await keysOf(t, agent)).find((k) => k.key.state === 'active' && k.key.expiresAt);
    assert.ok(old?.key.createdAt && old.key.expiresAt);
    const lifetime = old.key.expiresAt.getTime() - old.key.createdAt.getTime();
    const started = Date.now();
    const done = (await (await api()).run('cloudKeys.rotateKey', [old, { grace: { kind: 'now' } }], { confirmed: true })) as RotateResult;
    assert.equal(done.items[0]?.status, 'done', `rotation ended ${done.items[0]?.status} at ${done.items[0]?.step}`);
    const fresh = (await keysOf(t, agent)).find((k) => k.key.id === done.items[0].newKeyId);
    assert.ok(fresh?.key.expiresAt, 'the new key has an expiry');
    // OUTSCALE keeps expiry dates to the second; the rotation took less than a minute.
    const expected = started + lifetime;
    assert.ok(
      Math.abs(fresh.key.expiresAt.getTime() - expected) < 60_000 + 1_000,
      `expires ${fresh.key.expiresAt.toISOString()}, expected about ${new Date(expected).toISOString()} (${Math.round(lifetime / DAY)} days)`,
    );
  });
});
