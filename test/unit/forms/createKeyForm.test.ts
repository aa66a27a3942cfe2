import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import type { CloudUser } from '../../../src/model/types';
import { checkCreateForm, checkPublicKey } from '../../../src/features/forms/createKey/createKeyForm';
import type { AccountChoice } from '../../../src/webview/protocol';

const now = Date.parse('2026-06-01T12:00:00Z');
const accounts: AccountChoice[] = [
  {
    id: 'oci:demo',
    label: 'demo',
    cloud: 'oci',
    cloudName: 'OCI',
    kinds: [
      {
        kind: 'access-key',
        name: 'Customer secret key',
        maxKeysPerUser: 2,
        nameLabel: 'Display name',
        canExpire: false,
        takesPublicKey: false,
      },
      { kind: 'api-signing-key', name: 'API signing key', maxKeysPerUser: 3, canExpire: false, takesPublicKey: true },
    ],
  },
  {
    id: 'osc:demo',
    label: 'osc',
    cloud: 'outscale',
    cloudName: 'OUTSCALE',
    kinds: [{ kind: 'access-key', name: 'Access key', maxKeysPerUser: 10, nameLabel: 'Tag', canExpire: true, takesPublicKey: false }],
  },
];
const users: Record<string, CloudUser[]> = {
  'oci:demo': [{ id: 'u1', accountId: 'oci:demo', name: 'me', isCaller: true }],
  'osc:demo': [{ id: 'u2', accountId: 'osc:demo', name: 'you', isCaller: true }],
};
const check = (form: Parameters<typeof checkCreateForm>[0]) => checkCreateForm(form, accounts, (id) => users[id], now);
const pem = (type: 'rsa' | 'ec', bits = 2048) =>
  (type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: bits }) : generateKeyPairSync('ec', { namedCurve: 'P-256' })).publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString();

describe('checking the Create Key form on the host', () => {
  it('turns a good OUTSCALE form into options: tag, and an expiry at the end of the chosen day', () => {
    const result = check({ accountId: 'osc:demo', userId: 'u2', kind: 'access-key', displayName: ' ci ', expiresOn: '2026-12-31' });
    assert.ok(result.ok);
    assert.deepEqual(result.options, { displayName: 'ci', expiresAt: new Date('2026-12-31T23:59:59Z') });
    assert.equal(result.user.name, 'you');
  });

  it('refuses a past expiry date, naming it and saying what to choose', () => {
    const result = check({ accountId: 'osc:demo', userId: 'u2', kind: 'access-key', expiresOn: '2026-05-31' });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.field),
      ['expiresOn'],
    );
    assert.match(result.errors[0].message, /2026-05-31 is in the past\. Choose a date in the future/);
  });

  it('refuses empty required fields and kinds the cloud does not offer', () => {
    const noUser = check({ accountId: 'osc:demo', userId: '', kind: 'access-key' });
    assert.ok(!noUser.ok);
    assert.deepEqual(noUser.errors, [{ field: 'userId', message: 'Choose the user the key is for.' }]);
    const noAccount = check({ accountId: '', userId: 'u2', kind: 'access-key' });
    assert.ok(!noAccount.ok && noAccount.errors[0].field === 'accountId');
    const wrongKind = check({ accountId: 'osc:demo', userId: 'u2', kind: 'api-signing-key' });
    assert.ok(!wrongKind.ok);
    assert.match(wrongKind.errors[0].message, /OUTSCALE does not offer this kind of key/);
  });

  it('refuses an expiry for a cloud whose keys cannot expire', () => {
    const result = check({ accountId: 'oci:demo', userId: 'u1', kind: 'access-key', expiresOn: '2027-01-01' });
    assert.ok(!result.ok);
    assert.match(result.errors[0].message, /cannot expire/);
  });

  it('takes a generated pair size or a pasted RSA public key for OCI API signing keys', () => {
    const generated = check({
      accountId: 'oci:demo',
      userId: 'u1',
      kind: 'api-signing-key',
      keySource: { source: 'generate', bits: 4096 },
    });
    assert.ok(generated.ok);
    assert.deepEqual(generated.options, { keyBits: 4096 });
    const key = pem('rsa');
    const pasted = check({
      accountId: 'oci:demo',
      userId: 'u1',
      kind: 'api-signing-key',
      keySource: { source: 'paste', pem: `\n${key}\n` },
    });
    assert.ok(pasted.ok);
    assert.equal(pasted.options.publicKeyPem, key.trim());
  });

  it('refuses a non-RSA, short, private or garbled key with the reason', () => {
    const ec = check({ accountId: 'oci:demo', userId: 'u1', kind: 'api-signing-key', keySource: { source: 'paste', pem: pem('ec') } });
    assert.ok(!ec.ok);
    assert.equal(ec.errors[0].field, 'pem');
    assert.match(ec.errors[0].message, /EC key\. OCI API signing keys must be RSA/);
    assert.match(checkPublicKey(pem('rsa', 1024)).message, /1024 bits\. OCI needs at least 2048/);
    assert.match(checkPublicKey('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----').message, /private key/);
    assert.match(checkPublicKey('hello').message, /not a PEM public key/);
    const good = checkPublicKey(pem('rsa'));
    assert.ok(good.ok);
    assert.match(good.message, /^RSA public key, 2048 bits, fingerprint ([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
  });
});
