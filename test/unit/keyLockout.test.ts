import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey } from '../../src/model/types';
import { lockoutRisk, typedConfirmation } from '../../src/operations/keyLockout';

const FINGERPRINT = '8c:1f:00:aa:bb:cc:dd:ee:ff:00:11:22:33:44:5e:7a';
function key(id: string, kind: AccessKey['kind'], state: AccessKey['state'] = 'active', extra: Partial<AccessKey> = {}): AccessKey {
  return { id, accountId: 'a', userId: 'u', kind, state, ...extra };
}

describe('what deleting or deactivating a key can lock out', () => {
  const apiKey = key('ocid1.tenancy.oc1..aaaa/ocid1.user.oc1..bbbb/' + FINGERPRINT, 'api-signing-key', 'active', { fingerprint: FINGERPRINT });
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

  it('asks for the name, or the last 6 characters of what the tree shows, never the whole fingerprint', () => {
    assert.deepEqual(typedConfirmation(secretKey, [secretKey]), { expected: 'terraform-state', what: 'name' });
    assert.deepEqual(typedConfirmation(apiKey, [apiKey]), { expected: ':44:5e:7a'.slice(-6), what: 'tail' });
    const twin = { ...secretKey, id: 'other' };
    assert.deepEqual(typedConfirmation(secretKey, [secretKey, twin]), { expected: 'ocid1.credential.oc1..cccc'.slice(-6), what: 'tail' }, 'a name two keys share does not tell them apart');
  });
});
