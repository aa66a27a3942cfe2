import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey } from '../../src/model/types';
import { lockoutRisk, typedConfirmation } from '../../src/operations/keyLockout';

const FINGERPRINT = '8c:1f:00:aa:bb:cc:dd:ee:ff:00:11:22:33:44:5e:7a';
function key(id: string, kind: AccessKey['kind'], state: AccessKey['state'] = 'active', extra: Partial<AccessKey> = {}): AccessKey {
  return { id, accountId: 'a', userId: 'u', kind, state, ...extra };
}

describe('what deleting or deactivating a key can lock out', () => {
  const apiKey = key('ocid1.tenancy.oc1..aaaa/ocid1.user.oc1..bbbb/' + FINGERPRINT, 'api-signing-key', 'active', {
    fingerprint: FINGERPRINT,
  });
  const secretKey = key('ocid1.credential.oc1..cccc', 'access-key', 'active', { displayName: 'terraform-state' });

  it('does not call a key the last active one while the user has an active key of the other kind', () => {
    assert.deepEqual(lockoutRisk(secretKey, [apiKey, secretKey]), { signsWith: false, lastActive: false });
    assert.deepEqual(lockoutRisk(secretKey, [{ ...apiKey, state: 'inactive' }, secretKey]), { signsWith: false, lastActive: true });
    assert.equal(lockoutRisk({ ...secretKey, state: 'inactive' }, [secretKey]).lastActive, false, 'an inactive key locks nothing out');
  });

  it('names the key the account signs with', () => {
    const risk = lockoutRisk(apiKey, [apiKey, secretKey], (k) => k.fingerprint === FINGERPRINT);
    assert.deepEqual(risk, { signsWith: true, lastActive: false });
  });

  it('asks for the name, the end of the fingerprint, or the last 6 characters of the id, never the whole fingerprint', () => {
    const byName = typedConfirmation(secretKey, [secretKey]);
    assert.deepEqual(
      [byName.expected, byName.what, byName.matches(' terraform-state '), byName.matches('terraform')],
      ['terraform-state', 'name', true, false],
    );
    const byFingerprint = typedConfirmation(apiKey, [apiKey]);
    assert.deepEqual([byFingerprint.expected, byFingerprint.what], ['44:5e:7a', 'fingerprint-tail']);
    assert.ok(byFingerprint.matches('445E7A') && byFingerprint.matches('44:5e:7a'), 'colons and case do not matter');
    assert.ok(!byFingerprint.matches('5e:7a'));
    const twin = { ...secretKey, id: 'other' };
    const byId = typedConfirmation(secretKey, [secretKey, twin]);
    assert.deepEqual([byId.expected, byId.what], ['..cccc', 'id-tail'], 'a name two keys share does not tell them apart');
  });
});
