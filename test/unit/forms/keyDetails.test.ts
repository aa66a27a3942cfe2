import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey, Account, CloudUser, KeyCapabilities } from '../../../src/model/types';
import { keyDetails } from '../../../src/features/forms/details/keyDetails';

const DAY = 86_400_000;
const now = Date.parse('2026-06-01T12:00:00Z');
const account: Account = {
  id: 'osc:demo',
  cloud: 'outscale',
  label: 'demo',
  source: '~/.osc/config.json',
  origin: { kind: 'manual' },
  region: 'eu-west-2',
};
const user: CloudUser = { id: 'u1', accountId: account.id, name: 'alice', isCaller: true };
const caps: KeyCapabilities = {
  maxKeysPerUser: 10,
  canDeactivate: true,
  canExpire: true,
  canRename: true,
  secretReadableLater: false,
  mustDeactivateBeforeDelete: true,
};
const key: AccessKey = {
  id: 'AK1',
  accountId: account.id,
  userId: 'u1',
  kind: 'access-key',
  state: 'active',
  displayName: 'ci',
  createdAt: new Date(now - 120 * DAY),
};
const policy = { maxAgeDays: 90, expiryWarningDays: 14 };

describe('Key Details', () => {
  it('shows every attribute the cloud gave, and flags a key older than the policy', () => {
    const details = keyDetails({ account, user, key, capabilities: caps, secretStored: true, policy, now });
    const attributes = new Map(details.attributes);
    assert.equal(attributes.get('Access key ID'), 'AK1');
    assert.equal(attributes.get('User'), 'alice (you)');
    assert.equal(attributes.get('Age'), '120 days ago');
    assert.equal(attributes.get('Expires'), 'never');
    assert.equal(attributes.get('Region'), 'eu-west-2');
    assert.equal(attributes.has('Fingerprint'), false, 'empty attributes are left out');
    assert.equal(details.secret, 'stored');
    assert.equal(details.health.status, 'old');
    assert.match(details.health.summary, /^This key is 120 days old, past the 90-day maximum: rotate it\.$/);
  });

  it('offers only the actions the cloud allows for the key', () => {
    const outscale = keyDetails({ account, user, key, capabilities: caps, secretStored: false, policy, now });
    assert.deepEqual(outscale.actions, ['copyId', 'deactivate', 'rename', 'setExpiry', 'rotate', 'delete', 'refresh']);
    const inactive = keyDetails({
      account,
      user,
      key: { ...key, state: 'inactive' },
      capabilities: caps,
      secretStored: false,
      policy,
      now,
    });
    assert.ok(inactive.actions.includes('activate'));
    assert.equal(inactive.health.status, 'inactive');
    const oci = keyDetails({
      account: { ...account, cloud: 'oci' },
      user,
      key,
      capabilities: { ...caps, canDeactivate: false, canExpire: false, canRename: false },
      secretStored: false,
      policy,
      now,
    });
    assert.deepEqual(oci.actions, ['copyId', 'rotate', 'delete', 'refresh']);
    assert.equal(oci.secret, 'not-available');
  });

  it('says when a secret can be read again from the cloud', () => {
    const ionos = keyDetails({
      account: { ...account, cloud: 'ionos' },
      user,
      key,
      capabilities: { ...caps, secretReadableLater: true },
      secretStored: false,
      policy,
      now,
    });
    assert.equal(ionos.secret, 'readable-from-cloud');
  });
});
