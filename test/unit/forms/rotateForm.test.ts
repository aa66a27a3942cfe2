import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey, KeyCapabilities } from '../../../src/model/types';
import type { ExportRecord } from '../../../src/operations/exports/records';
import { planRotation, type KeyRotationOutcome } from '../../../src/operations/rotation';
import { HostToWebviewSchema, WebviewToHostSchema } from '../../../src/webview/protocol';
import { outcomeItemView, outcomeSummary, planView } from '../../../src/features/forms/rotate/rotatePlanView';

const DAY = 86_400_000;
const now = Date.parse('2026-06-01T12:00:00Z');
const account = { id: 'osc:demo', label: 'demo', cloud: 'outscale' as const };
const user = { id: 'eim-ci', name: 'ci-bot' };
const caps: KeyCapabilities = {
  maxKeysPerUser: 2,
  canDeactivate: true,
  canExpire: true,
  canRename: false,
  secretReadableLater: false,
  mustDeactivateBeforeDelete: true,
};
const key = (id: string, ageDays: number, state: AccessKey['state'] = 'active'): AccessKey => ({
  id,
  accountId: account.id,
  userId: user.id,
  kind: 'access-key',
  state,
  createdAt: new Date(now - ageDays * DAY),
});
const profile: ExportRecord = {
  version: 1,
  id: 'r1',
  kind: 'aws-profile',
  accountId: account.id,
  cloud: 'outscale',
  userId: user.id,
  keyKind: 'access-key',
  keyId: 'AK_OLD',
  credentialsFile: '/home/me/.aws/credentials',
  configFile: '/home/me/.aws/config',
  profile: 'ci',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('the Rotate form', () => {
  it('shows the plan as the steps the engine runs, in order, with what each does and the exports it rewrites', () => {
    const old = key('AK_OLD', 200);
    const plan = planRotation({
      account,
      user,
      keys: [old],
      keysOfUser: [old],
      capabilities: () => caps,
      grace: { kind: 'later', days: 7 },
      outscaleExpiryDays: 90,
      now,
    });
    const view = planView(plan, (accountId, keyId) => (accountId === account.id && keyId === 'AK_OLD' ? [profile] : []));
    assert.equal(view.items.length, 1);
    const [item] = view.items;
    assert.deepEqual(
      item.steps.map((s) => s.step),
      ['preflight', 'create', 'verify', 'update-exports', 'deactivate-old', 'delete-old'],
    );
    assert.match(item.creates, /expiring on 2026-08-30/);
    assert.match(item.deletes, /after 7 days/);
    assert.match(item.deactivates ?? '', /AK_OLD/);
    assert.deepEqual(item.exports, ['AWS profile "ci" in /home/me/.aws/credentials']);
    assert.match(item.steps.find((s) => s.step === 'update-exports')!.detail, /Switch 1 export to the new key/);
    assert.equal(HostToWebviewSchema.safeParse({ type: 'rotate/plan', planId: 'p1', ...view }).success, true);
  });

  it('at the limit shows a required choice and no plan until the user picks; then names the key deleted first and what stops working', () => {
    const old = key('AK_OLD', 200);
    const spare = key('AK_SPARE', 300, 'inactive');
    const input = {
      account,
      user,
      keys: [old],
      keysOfUser: [old, spare],
      capabilities: () => ({ ...caps, canDeactivate: false }),
      grace: { kind: 'now' as const },
      now,
    };
    const open = planView(planRotation(input), () => []);
    assert.deepEqual(open.items, []);
    assert.deepEqual(
      open.room.map((r) => [r.keyId, r.chosen, r.candidates.map((c) => c.choice)]),
      [['AK_OLD', undefined, ['inactive', 'rotated-key']]],
    );
    assert.equal(HostToWebviewSchema.safeParse({ type: 'rotate/plan', planId: 'p1', ...open }).success, true);

    const chosen = planView(planRotation({ ...input, makeRoom: { AK_OLD: 'AK_SPARE' } }), () => []);
    const [item] = chosen.items;
    assert.deepEqual(
      item.steps.map((s) => s.step),
      ['preflight', 'make-room', 'create', 'verify', 'update-exports', 'delete-old'],
    );
    assert.match(item.makeRoom ?? '', /Key AK_SPARE is inactive, so nothing that works now stops working/);
    assert.equal(chosen.room[0].chosen, 'AK_SPARE', 'the choice is shown again with the answer');
    assert.equal(item.deactivates, undefined);
    assert.match(item.deletes, /as soon as the new one works/);

    const self = planView(planRotation({ ...input, makeRoom: { AK_OLD: 'AK_OLD' } }), () => []).items[0];
    assert.deepEqual(
      self.steps.map((s) => s.step),
      ['preflight', 'make-room', 'create', 'verify', 'update-exports'],
      'nothing is left to delete afterwards',
    );
    assert.match(self.makeRoom ?? '', /deleted before the new one exists: everything using it stops until you switch/);
    assert.equal(self.deactivates, 'Nothing: the old key is deleted first.');
  });

  it("says in the plan that a rotated OUTSCALE key keeps the old key's lifetime", () => {
    const old: AccessKey = { ...key('AK_OLD', 200), expiresAt: new Date(now + 165 * DAY) };
    const [item] = planView(
      planRotation({
        account,
        user,
        keys: [old],
        keysOfUser: [old],
        capabilities: () => caps,
        grace: { kind: 'now' },
        outscaleExpiryDays: 90,
        now,
      }),
      () => [],
    ).items;
    assert.match(item.creates, /expiring on 2027-06-01.*the old key's lifetime of 365 days is carried over/);
  });

  it('says what changed, or where it stopped, without the error object and with a link to the new key', () => {
    const plan = planRotation({
      account,
      user,
      keys: [key('AK_OLD', 200)],
      keysOfUser: [key('AK_OLD', 200)],
      capabilities: () => caps,
      grace: { kind: 'now' },
      now,
    });
    const planned = plan.items[0];
    const done: KeyRotationOutcome = { rotationId: planned.id, oldKeyId: 'AK_OLD', newKeyId: 'AK_NEW', status: 'done', exportsUpdated: 2 };
    const item = outcomeItemView(done, planned);
    assert.match(item.summary, /Rotated AK_OLD: the new key AK_NEW works.*2 exports updated; the old key is deleted/);
    assert.deepEqual(item.newKey, { accountId: account.id, userId: user.id, kind: 'access-key', keyId: 'AK_NEW' });
    const failed = outcomeItemView(
      { rotationId: planned.id, oldKeyId: 'AK_OLD', status: 'failed', step: 'verify', error: new Error('The new key was refused.') },
      planned,
    );
    assert.match(failed.summary, /stopped at "verify": The new key was refused\. Nothing was lost/);
    assert.equal('error' in failed, false);
    assert.equal(outcomeSummary([item, failed]), '1 of 2 keys rotated; 1 stopped.');
    assert.equal(outcomeSummary([item]), 'The key was rotated.');
    assert.equal(HostToWebviewSchema.safeParse({ type: 'rotate/outcome', items: [item, failed], summary: 'x' }).success, true);
  });

  it('accepts the messages the Rotate page and the Create Key result send, and refuses bad ones', () => {
    for (const message of [
      { type: 'rotate/choose', keyIds: ['AK1'], grace: { kind: 'later', days: 7 } },
      { type: 'rotate/choose', keyIds: [], grace: { kind: 'now' } },
      { type: 'rotate/start', planId: 'p1' },
      { type: 'rotate/resume' },
      { type: 'create/export' },
      { type: 'create/terraform' },
      { type: 'details/action', action: 'rotate' },
    ]) {
      assert.equal(WebviewToHostSchema.safeParse(message).success, true, JSON.stringify(message));
    }
    for (const message of [
      { type: 'rotate/choose', keyIds: ['AK1'], grace: { kind: 'later', days: 0 } },
      { type: 'rotate/choose', keyIds: ['AK1'], grace: { kind: 'never' } },
      { type: 'rotate/choose', keyIds: [''], grace: { kind: 'now' } },
      { type: 'rotate/start' },
      { type: 'rotate/start', planId: '' },
    ]) {
      assert.equal(WebviewToHostSchema.safeParse(message).success, false, JSON.stringify(message));
    }
    assert.equal(HostToWebviewSchema.safeParse({ type: 'rotate/step', rotationId: 'r', step: 'verify', phase: 'started' }).success, true);
    assert.equal(
      HostToWebviewSchema.safeParse({ type: 'rotate/step', rotationId: 'r', step: 'format-disk', phase: 'started' }).success,
      false,
    );
    assert.equal(
      HostToWebviewSchema.safeParse({ type: 'rotate/step', rotationId: 'r', step: 'verify', phase: 'half-done' }).success,
      false,
    );
  });
});
