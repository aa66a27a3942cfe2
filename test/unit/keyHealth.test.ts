import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey } from '../../src/model/types';
import { DEFAULT_KEY_HEALTH_POLICY, describeAge, describeExpiry, keyHealth } from '../../src/operations/keyHealth';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 86_400_000;

function key(overrides: Partial<AccessKey>): AccessKey {
  return { id: 'AK1', accountId: 'a', userId: 'u', kind: 'access-key', state: 'active', ...overrides };
}

describe('key health', () => {
  it('flags an active key older than the age threshold and says how old', () => {
    const health = keyHealth(key({ createdAt: new Date(NOW - 94 * DAY) }), DEFAULT_KEY_HEALTH_POLICY, NOW);
    assert.equal(health.ageDays, 94);
    assert.deepEqual(health.warnings, [{ kind: 'old', ageDays: 94, maxAgeDays: 90 }]);
  });

  it('does not flag a key at exactly the threshold, nor an old inactive one', () => {
    assert.deepEqual(keyHealth(key({ createdAt: new Date(NOW - 90 * DAY) }), DEFAULT_KEY_HEALTH_POLICY, NOW).warnings, []);
    assert.deepEqual(
      keyHealth(key({ state: 'inactive', createdAt: new Date(NOW - 400 * DAY) }), DEFAULT_KEY_HEALTH_POLICY, NOW).warnings,
      [],
    );
  });

  it('flags keys expiring within the warning window, and expired ones', () => {
    assert.deepEqual(keyHealth(key({ expiresAt: new Date(NOW + 3 * DAY + 1000) }), DEFAULT_KEY_HEALTH_POLICY, NOW).warnings, [
      { kind: 'expiring', daysLeft: 3 },
    ]);
    assert.deepEqual(keyHealth(key({ expiresAt: new Date(NOW + 30 * DAY) }), DEFAULT_KEY_HEALTH_POLICY, NOW).warnings, []);
    assert.deepEqual(keyHealth(key({ expiresAt: new Date(NOW - 2 * DAY) }), DEFAULT_KEY_HEALTH_POLICY, NOW).warnings, [
      { kind: 'expired', daysAgo: 2 },
    ]);
  });

  it('follows a custom policy', () => {
    const policy = { maxAgeDays: 30, expiryWarningDays: 60 };
    const health = keyHealth(key({ createdAt: new Date(NOW - 31 * DAY), expiresAt: new Date(NOW + 45 * DAY) }), policy, NOW);
    assert.deepEqual(
      health.warnings.map((w) => w.kind),
      ['old', 'expiring'],
    );
  });

  it('describes ages and expiries in words', () => {
    assert.equal(describeAge(0), 'today');
    assert.equal(describeAge(1), '1 day ago');
    assert.equal(describeAge(94), '94 days ago');
    assert.equal(describeExpiry(key({}), NOW), undefined);
    assert.equal(describeExpiry(key({ expiresAt: new Date(NOW + 10 * DAY + 5) }), NOW), 'expires in 10 days');
    assert.equal(describeExpiry(key({ expiresAt: new Date(NOW + DAY + 5) }), NOW), 'expires in 1 day');
    assert.equal(describeExpiry(key({ expiresAt: new Date(NOW - 3 * DAY) }), NOW), 'expired 3 days ago');
  });
});
