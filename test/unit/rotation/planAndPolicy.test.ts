import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey, KeyCapabilities } from '../../../src/model/types';
import { defaultExpiry, forCloud, summarizeAlerts } from '../../../src/operations/keyAlerts';
import { describePlan, MemoryJournalStorage, planRotation, RotationJournal } from '../../../src/operations/rotation';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const caps = (max: number, canDeactivate: boolean): KeyCapabilities => ({
  maxKeysPerUser: max,
  canDeactivate,
  canExpire: true,
  canRename: true,
  secretReadableLater: false,
  mustDeactivateBeforeDelete: false,
});

function key(id: string, ageDays: number, state: AccessKey['state'] = 'active', extra: Partial<AccessKey> = {}): AccessKey {
  return { id, accountId: 'a', userId: 'u', kind: 'access-key', state, createdAt: new Date(NOW - ageDays * DAY), ...extra };
}

describe('the rotation plan', () => {
  const base = { account: { id: 'a', label: 'prod', cloud: 'oci' as const }, user: { id: 'u', name: 'ci-bot' }, now: NOW };

  it('at the per-user limit plans nothing until the user chooses: inactive keys first, then the rotated key, then other active keys with age and known uses', () => {
    const keys = [
      key('ROT', 200),
      key('SPARE-ACTIVE', 100, 'active', { displayName: 'backup' }),
      key('SPARE-INACTIVE', 50, 'inactive'),
      key('OLDER-ACTIVE', 300),
    ];
    const usesOf = (id: string) => (id === 'SPARE-ACTIVE' ? ['AWS profile "backup" in /home/me/.aws/credentials'] : []);
    const plan = planRotation({
      ...base,
      keys: [keys[0]],
      keysOfUser: keys,
      capabilities: () => caps(4, false),
      grace: { kind: 'now' },
      usesOf,
    });
    assert.equal(plan.items.length, 0, 'no key is deleted without a choice');
    assert.equal(plan.needsRoom.length, 1);
    const { candidates } = plan.needsRoom[0];
    assert.deepEqual(
      candidates.map((c) => `${c.key.id}:${c.choice}`),
      ['SPARE-INACTIVE:inactive', 'ROT:rotated-key', 'OLDER-ACTIVE:other-active', 'SPARE-ACTIVE:other-active'],
    );
    assert.match(candidates[1].stops, /deleted before the new one exists: everything using it stops until you switch/);
    assert.equal(candidates[3].age, '100 days old');
    assert.match(candidates[3].summary, /active, 100 days old, used by AWS profile "backup"/);
    assert.match(candidates[2].stops, /stops working now/);
    assert.match(describePlan(plan).join('\n'), /Waiting for your choice: ROT: 4 of 4 keys allowed/);
  });

  it('deletes only the key the user chose, and says what stops working', () => {
    const keys = [key('ROT', 200), key('SPARE-ACTIVE', 100), key('SPARE-INACTIVE', 50, 'inactive')];
    const plan = planRotation({
      ...base,
      keys: [keys[0]],
      keysOfUser: keys,
      capabilities: () => caps(3, false),
      grace: { kind: 'now' },
      makeRoom: { ROT: 'SPARE-ACTIVE' },
    });
    assert.equal(plan.items[0].makeRoom?.id, 'SPARE-ACTIVE');
    const text = describePlan(plan).join('\n');
    assert.match(
      text,
      /you chose to delete key SPARE-ACTIVE first to make room\. Key SPARE-ACTIVE of ci-bot is active and is deleted for good: everything using it stops working now/,
    );
    assert.match(text, /cannot deactivate this kind of key: the old key stays active until it is deleted/);
    assert.equal(plan.items[0].deactivateOld, false);
    const wrong = planRotation({
      ...base,
      keys: [keys[0]],
      keysOfUser: keys,
      capabilities: () => caps(3, false),
      grace: { kind: 'now' },
      makeRoom: { ROT: 'NOT-A-KEY' },
    });
    assert.equal(wrong.items.length, 0);
    assert.match(wrong.blocked[0].reason, /NOT-A-KEY cannot be deleted to make room\. Choose one of: SPARE-INACTIVE, ROT, SPARE-ACTIVE/);
  });

  it('with the rotated key chosen, deletes it first, with no grace period and no deactivation, and says everything using it stops', () => {
    const keys = [key('ROT', 200), key('OTHER', 100)];
    const plan = planRotation({
      ...base,
      keys: [keys[0]],
      keysOfUser: keys,
      capabilities: () => caps(2, true),
      grace: { kind: 'later', days: 7 },
      makeRoom: { ROT: 'ROT' },
    });
    const item = plan.items[0];
    assert.equal(item.makeRoom?.id, 'ROT');
    assert.deepEqual(item.grace, { kind: 'now' });
    assert.equal(item.deactivateOld, false);
    assert.match(
      item.notes.join('\n'),
      /you chose to delete the old key first to make room\. The old key ROT is deleted before the new one exists: everything using it stops until you switch it/,
    );
    assert.doesNotMatch(item.notes.join('\n'), /deleted after 7 days|then deactivated/);
  });

  it('never offers the key the account signs with', () => {
    const keys = [key('ROT', 200), key('SIGNER', 100)];
    const signsWith = (k: AccessKey) => k.id === 'SIGNER';
    const plan = planRotation({
      ...base,
      keys: [keys[0]],
      keysOfUser: keys,
      capabilities: () => caps(2, true),
      grace: { kind: 'now' },
      signsWith,
    });
    assert.deepEqual(
      plan.needsRoom[0].candidates.map((c) => c.key.id),
      ['ROT'],
    );
    const signer = planRotation({
      ...base,
      keys: [keys[1]],
      keysOfUser: keys,
      capabilities: () => caps(2, true),
      grace: { kind: 'now' },
      signsWith,
    });
    assert.deepEqual(
      signer.needsRoom[0].candidates.map((c) => `${c.key.id}:${c.choice}`),
      ['ROT:other-active'],
      'the signing key itself cannot be deleted first',
    );
  });

  it('counts the keys a grace period keeps alive', () => {
    const keys = [key('A', 200), key('B', 100)];
    const plan = planRotation({
      ...base,
      account: { ...base.account, cloud: 'outscale' },
      keys,
      keysOfUser: keys,
      capabilities: () => caps(3, true),
      grace: { kind: 'later', days: 7 },
    });
    assert.deepEqual(
      plan.items.map((i) => i.oldKey.id),
      ['A'],
      'A, the oldest, fits: 3 of 3 while A waits out its grace period',
    );
    assert.deepEqual(
      plan.needsRoom.map((b) => b.key.id),
      ['B'],
      'no slot is left for B without a choice',
    );
    const roomy = planRotation({ ...base, keys, keysOfUser: keys, capabilities: () => caps(4, true), grace: { kind: 'later', days: 7 } });
    assert.deepEqual(
      roomy.items.map((i) => i.oldKey.id),
      ['A', 'B'],
    );
    assert.match(describePlan(plan).join('\n'), /deleted after 7 days/);
  });

  it("carries an OUTSCALE key's lifetime over to the new key, else the default expiry setting, and says so", () => {
    const outscale = {
      ...base,
      account: { ...base.account, cloud: 'outscale' as const },
      capabilities: () => caps(4, true),
      grace: { kind: 'now' as const },
      outscaleExpiryDays: 30,
    };
    // Created 200 days ago with a 365-day life: the new key gets 365 days from now.
    const policed = key('P', 200, 'active', { expiresAt: new Date(NOW + 165 * DAY) });
    const carried = planRotation({ ...outscale, keys: [policed], keysOfUser: [policed] }).items[0];
    assert.equal(carried.newKey.expiresAt, new Date(NOW + 365 * DAY).toISOString());
    assert.match(carried.notes.join('\n'), /expires on 2027-06-01: the old key's lifetime of 365 days is carried over/);
    const open = key('O', 200);
    const fallback = planRotation({ ...outscale, keys: [open], keysOfUser: [open] }).items[0];
    assert.equal(fallback.newKey.expiresAt, new Date(NOW + 30 * DAY).toISOString());
    assert.match(fallback.notes.join('\n'), /the old key has no expiry, so the default expiry setting \(30 days\) applies/);
    const none = planRotation({ ...outscale, outscaleExpiryDays: 0, keys: [open], keysOfUser: [open] }).items[0];
    assert.equal(none.newKey.expiresAt, undefined);
  });
});

describe('the rotation journal', () => {
  it('drops entries that are not in the expected format, including any with extra fields', async () => {
    const storage = new MemoryJournalStorage();
    const journal = new RotationJournal(storage);
    const entry = {
      version: 1 as const,
      id: 'r1',
      accountId: 'a',
      accountLabel: 'l',
      cloud: 'oci' as const,
      userId: 'u',
      userName: 'n',
      oldKey: { id: 'k', kind: 'access-key' as const },
      deactivateOld: false,
      grace: { kind: 'now' as const },
      newKeySpec: {},
      notes: [],
      status: 'planned' as const,
      completed: [],
      startedAt: 'x',
      updatedAt: 'x',
    };
    await journal.put(entry);
    await storage.write([...(storage.read() as never[]), { ...entry, id: 'r2', secret: 'leak' } as never, { nonsense: true } as never]);
    assert.deepEqual(
      journal.entries().map((e) => e.id),
      ['r1'],
    );
    await assert.rejects(journal.put({ ...entry, id: 'r3', secret: 'x' } as never));
  });
});

describe('the key-age policy', () => {
  it('applies per-cloud overrides and counts overdue and expiring keys', () => {
    const policy = (cloud: 'oci' | 'outscale' | 'ionos') =>
      forCloud({ maxAgeDays: 90, expiryWarningDays: 14, perCloud: { oci: { maxAgeDays: 30 } } }, cloud);
    const summary = summarizeAlerts(
      [
        { cloud: 'oci', accountLabel: 'o', keys: [key('O-40', 40), key('O-10', 10)] },
        {
          cloud: 'outscale',
          accountLabel: 's',
          keys: [
            key('S-40', 40),
            key('S-EXP', 5, 'active', { expiresAt: new Date(NOW + 3 * DAY) }),
            key('S-GONE', 5, 'active', { expiresAt: new Date(NOW - DAY) }),
          ],
        },
      ],
      policy,
      NOW,
    );
    assert.deepEqual(
      summary.alerts.map((a) => `${a.key.id}:${a.level}`),
      ['O-40:overdue', 'S-GONE:overdue', 'S-EXP:expiring'],
    );
    assert.equal(summary.overdue, 2);
    assert.equal(summary.expiring, 1);
    assert.equal(defaultExpiry(0, NOW), undefined);
    assert.equal(defaultExpiry(90, NOW)?.toISOString(), new Date(NOW + 90 * DAY).toISOString());
  });
});
