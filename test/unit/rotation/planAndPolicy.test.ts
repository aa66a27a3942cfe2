import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey, KeyCapabilities } from '../../../src/model/types';
import { defaultExpiry, forCloud, summarizeAlerts } from '../../../src/operations/keyAlerts';
import { describePlan, MemoryJournalStorage, planRotation, RotationJournal } from '../../../src/operations/rotation';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const caps = (max: number, canDeactivate: boolean): KeyCapabilities => ({ maxKeysPerUser: max, canDeactivate, canExpire: true, canRename: true, secretReadableLater: false, mustDeactivateBeforeDelete: false });

function key(id: string, ageDays: number, state: AccessKey['state'] = 'active', extra: Partial<AccessKey> = {}): AccessKey {
  return { id, accountId: 'a', userId: 'u', kind: 'access-key', state, createdAt: new Date(NOW - ageDays * DAY), ...extra };
}

describe('the rotation plan', () => {
  const base = { account: { id: 'a', label: 'prod', cloud: 'oci' as const }, user: { id: 'u', name: 'ci-bot' }, now: NOW };

  it('names the key to delete first when the user is at the limit, preferring an inactive one, and says OCI keys stay active', () => {
    const keys = [key('ROT', 200), key('SPARE-ACTIVE', 100), key('SPARE-INACTIVE', 50, 'inactive')];
    const plan = planRotation({ ...base, keys: [keys[0]], keysOfUser: keys, capabilities: () => caps(3, false), grace: { kind: 'now' } });
    assert.equal(plan.items[0].makeRoom?.id, 'SPARE-INACTIVE');
    const text = describePlan(plan).join('\n');
    assert.match(text, /SPARE-INACTIVE .*deleted first to make room/);
    assert.match(text, /cannot deactivate this kind of key: the old key stays active until it is deleted/);
    assert.equal(plan.items[0].deactivateOld, false);
  });

  it('refuses, with the reason, to rotate every key of a full user at once', () => {
    const keys = [key('A', 200), key('B', 100)];
    const plan = planRotation({ ...base, keys, keysOfUser: keys, capabilities: () => caps(2, false), grace: { kind: 'now' } });
    assert.equal(plan.items.length, 0);
    assert.equal(plan.blocked.length, 2);
    assert.match(plan.blocked[0].reason, /rotate them one at a time/);
  });

  it('counts the keys a grace period keeps alive, and gives OUTSCALE keys the default expiry', () => {
    const keys = [key('A', 200), key('B', 100)];
    const plan = planRotation({ ...base, account: { ...base.account, cloud: 'outscale' }, keys, keysOfUser: keys, capabilities: () => caps(3, true), grace: { kind: 'later', days: 7 }, outscaleExpiryDays: 30 });
    assert.deepEqual(plan.items.map((i) => i.oldKey.id), ['A'], 'A, the oldest, fits: 3 of 3 while A waits out its grace period');
    assert.deepEqual(plan.blocked.map((b) => b.key.id), ['B'], 'no slot is left for B');
    const roomy = planRotation({ ...base, keys, keysOfUser: keys, capabilities: () => caps(4, true), grace: { kind: 'later', days: 7 } });
    assert.deepEqual(roomy.items.map((i) => i.oldKey.id), ['A', 'B']);
    assert.equal(plan.items[0].newKey.expiresAt, new Date(NOW + 30 * DAY).toISOString());
    assert.match(describePlan(plan).join('\n'), /deleted after 7 days/);
  });
});

describe('the rotation journal', () => {
  it('drops entries that are not in the expected format, including any with extra fields', async () => {
    const storage = new MemoryJournalStorage();
    const journal = new RotationJournal(storage);
    const entry = {
      version: 1 as const, id: 'r1', accountId: 'a', accountLabel: 'l', cloud: 'oci' as const, userId: 'u', userName: 'n', oldKey: { id: 'k', kind: 'access-key' as const },
      deactivateOld: false, grace: { kind: 'now' as const }, newKeySpec: {}, notes: [], status: 'planned' as const, completed: [], startedAt: 'x', updatedAt: 'x',
    };
    await journal.put(entry);
    await storage.write([...(storage.read() as never[]), { ...entry, id: 'r2', secret: 'leak' } as never, { nonsense: true } as never]);
    assert.deepEqual(journal.entries().map((e) => e.id), ['r1']);
    await assert.rejects(journal.put({ ...entry, id: 'r3', secret: 'x' } as never));
  });
});

describe('the key-age policy', () => {
  it('applies per-cloud overrides and counts overdue and expiring keys', () => {
    const policy = (cloud: 'oci' | 'outscale' | 'ionos') => forCloud({ maxAgeDays: 90, expiryWarningDays: 14, perCloud: { oci: { maxAgeDays: 30 } } }, cloud);
    const summary = summarizeAlerts(
      [
        { cloud: 'oci', accountLabel: 'o', keys: [key('O-40', 40), key('O-10', 10)] },
        { cloud: 'outscale', accountLabel: 's', keys: [key('S-40', 40), key('S-EXP', 5, 'active', { expiresAt: new Date(NOW + 3 * DAY) }), key('S-GONE', 5, 'active', { expiresAt: new Date(NOW - DAY) })] },
      ],
      policy,
      NOW,
    );
    assert.deepEqual(summary.alerts.map((a) => `${a.key.id}:${a.level}`), ['O-40:overdue', 'S-GONE:overdue', 'S-EXP:expiring']);
    assert.equal(summary.overdue, 2);
    assert.equal(summary.expiring, 1);
    assert.equal(defaultExpiry(0, NOW), undefined);
    assert.equal(defaultExpiry(90, NOW)?.toISOString(), new Date(NOW + 90 * DAY).toISOString());
  });
});
