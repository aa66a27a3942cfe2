import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { fingerprintOf } from '../../../src/clouds/oci/publicKey';
import type { AccessKey } from '../../../src/model/types';
import { describeLiveKey, keyLookups, matchKey, publicKeyFingerprint } from '../../../src/terraform/keyLookup';
import { scanTerraform } from '../../../src/terraform/scanner';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);

function key(fields: Partial<AccessKey> & Pick<AccessKey, 'id'>): AccessKey {
  return { accountId: 'a', userId: 'u', kind: 'access-key', state: 'active', ...fields };
}

function lookups(text: string) {
  return keyLookups(scanTerraform(text));
}

describe('what a key resource says about its key', () => {
  it('reads the user and the name that picks the key from literal values', () => {
    const [oci, osc, eim, ionos] = lookups(`
resource "oci_identity_customer_secret_key" "a" {
  display_name = "ci"
  user_id      = "ocid1.user.oc1..u"
}
resource "outscale_access_key" "b" {
  tag = "runner"
}
resource "outscale_access_key" "c" {
  user_name = "ci-pipeline"
}
resource "ionoscloud_s3_key" "d" {
  user_id = "u-1"
}
`);
    assert.deepEqual(
      [oci.cloud, oci.address, oci.userId, oci.match],
      ['oci', 'oci_identity_customer_secret_key.a', 'ocid1.user.oc1..u', { by: 'displayName', value: 'ci' }],
    );
    assert.deepEqual([osc.userId, osc.match], ['#account', { by: 'displayName', value: 'runner' }]);
    assert.deepEqual([eim.userId, eim.match], ['ci-pipeline', undefined]);
    assert.deepEqual([ionos.cloud, ionos.userId, ionos.match], ['ionos', 'u-1', undefined]);
  });

  it('takes the key (and the user, where the format has it) from the import block', () => {
    const [lookup] = lookups(`
resource "ionoscloud_s3_key" "d" {
  user_id = var.user
}
import {
  to = ionoscloud_s3_key.d
  id = "u-9/KEY9"
}
`);
    assert.equal(lookup.userId, 'u-9');
    assert.equal(lookup.importedKeyId, 'KEY9');
    assert.equal(lookup.importBlock?.kind, 'import', 'the import block the key came from');
    assert.equal(lookup.unresolved, undefined);
  });

  it('puts a contract Object Storage access key under the contract entry, picked by its import UUID or its description', () => {
    const [imported, described] = lookups(`
resource "ionoscloud_object_storage_accesskey" "a" {
  description = "sync"
}
import {
  to = ionoscloud_object_storage_accesskey.a
  id = "fb68d39a-5706-51b4-b2b2-7b4bf9cbf0af"
}
resource "ionoscloud_object_storage_accesskey" "b" {
  description = "backups"
}
`);
    assert.deepEqual(
      [imported.cloud, imported.userId, imported.importedKeyId, imported.unresolved],
      ['ionos', '#object-storage', 'fb68d39a-5706-51b4-b2b2-7b4bf9cbf0af', undefined],
    );
    assert.deepEqual([described.userId, described.match], ['#object-storage', { by: 'displayName', value: 'backups' }]);
    const contractKeys = [
      key({
        id: `AK${'x'.repeat(90)}`,
        resourceId: 'fb68d39a-5706-51b4-b2b2-7b4bf9cbf0af',
        userId: '#object-storage',
        kind: 'object-storage-access-key',
        displayName: 'sync',
      }),
      key({
        id: `AK${'y'.repeat(90)}`,
        resourceId: '0c1e7f3a-2b4d-4e6f-8a9b-0c1d2e3f4a5b',
        userId: '#object-storage',
        kind: 'object-storage-access-key',
        displayName: 'backups',
      }),
    ];
    assert.deepEqual(matchKey(imported, contractKeys), { kind: 'found', key: contractKeys[0] });
    assert.deepEqual(matchKey(described, contractKeys), { kind: 'found', key: contractKeys[1] });
  });

  it('says why it cannot tell the user', () => {
    const [a, b] = lookups('resource "oci_identity_api_key" "a" {\n  user_id = var.u\n}\nresource "ionoscloud_s3_key" "b" {\n}\n');
    assert.equal(a.unresolved, 'user_id is not a literal value');
    assert.equal(b.unresolved, 'user_id is missing');
  });

  it('recognises an API signing key by the fingerprint of its literal public key', () => {
    const publicKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const indented = pem
      .trim()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    const [lookup] = lookups(`resource "oci_identity_api_key" "k" {\n  key_value = <<-EOT\n${indented}\n  EOT\n  user_id = "u"\n}\n`);
    assert.deepEqual(lookup.match, { by: 'fingerprint', value: fingerprintOf(publicKey) });
    assert.equal(publicKeyFingerprint('not a key'), undefined);
  });
});

describe('matching a resource to one of the user keys', () => {
  const keys = [
    key({ id: 'K1', displayName: 'ci', createdAt: new Date(NOW - 10 * DAY) }),
    key({ id: 'K2', displayName: 'ci', createdAt: new Date(NOW - 2 * DAY) }),
    key({ id: 'K3', displayName: 'backup' }),
    key({ id: 'aa:bb', fingerprint: 'aa:bb', kind: 'api-signing-key' }),
  ];
  const [byName, unknownName, imported, importedMissing, noHint, api] = lookups(`
resource "oci_identity_customer_secret_key" "a" {
  display_name = "ci"
  user_id      = "u"
}
resource "oci_identity_customer_secret_key" "b" {
  display_name = "new"
  user_id      = "u"
}
resource "ionoscloud_s3_key" "c" {
  user_id = "u"
}
resource "ionoscloud_s3_key" "d" {
  user_id = "u"
}
resource "ionoscloud_s3_key" "e" {
  user_id = "u"
}
resource "oci_identity_api_key" "f" {
  key_value = file("x")
  user_id   = "u"
}
import {
  to = ionoscloud_s3_key.c
  id = "u/K3"
}
import {
  to = ionoscloud_s3_key.d
  id = "u/GONE"
}
import {
  to = oci_identity_api_key.f
  id = "users/u/apiKeys/aa:bb"
}
`);

  it('by name, the newest key of that name', () => assert.deepEqual(matchKey(byName, keys), { kind: 'found', key: keys[1] }));
  it('a name no key has is a key not yet created', () => assert.deepEqual(matchKey(unknownName, keys), { kind: 'not-created' }));
  it('by import id', () => assert.deepEqual(matchKey(imported, keys), { kind: 'found', key: keys[2] }));
  it('an import id naming no key is a missing key', () =>
    assert.deepEqual(matchKey(importedMissing, keys), { kind: 'missing', keyId: 'GONE' }));
  it('nothing to tell the keys apart lists the candidates of the right kind', () => {
    const match = matchKey(noHint, keys);
    assert.equal(match.kind, 'ambiguous');
    assert.deepEqual(match.kind === 'ambiguous' && match.candidates.map((k) => k.id), ['K1', 'K2', 'K3']);
    assert.deepEqual(matchKey(noHint, []), { kind: 'not-created' });
  });
  it('an API signing key by its fingerprint', () => assert.deepEqual(matchKey(api, keys), { kind: 'found', key: keys[3] }));
});

describe('the live state line of a lens', () => {
  const policy = { maxAgeDays: 90, expiryWarningDays: 14 };
  const line = (fields: Partial<AccessKey>, p = policy) => describeLiveKey(key({ id: 'k', ...fields }), p, NOW);
  it('reads "STATE · age · expiry" for a key the policy does not flag', () => {
    assert.deepEqual(line({ createdAt: new Date(NOW - 30 * DAY), expiresAt: new Date(NOW + 60 * DAY + 1000) }), {
      text: 'ACTIVE · 30 days · expires in 60 days',
      flagged: false,
    });
    assert.deepEqual(line({ state: 'inactive', createdAt: new Date(NOW - DAY) }), { text: 'INACTIVE · 1 day', flagged: false });
  });
  it('says what the policy says: overdue, expiring, expired', () => {
    assert.deepEqual(line({ createdAt: new Date(NOW - 412 * DAY) }), {
      text: 'ACTIVE · 412 days · overdue: older than 90 days',
      flagged: true,
    });
    assert.deepEqual(line({ createdAt: new Date(NOW - 30 * DAY), expiresAt: new Date(NOW + 12 * DAY + 1000) }), {
      text: 'ACTIVE · 30 days · expiring in 12 days',
      flagged: true,
    });
    assert.deepEqual(line({ expiresAt: new Date(NOW - 3 * DAY) }), { text: 'ACTIVE · expired 3 days ago', flagged: true });
    assert.deepEqual(line({ createdAt: new Date(NOW - 94 * DAY), expiresAt: new Date(NOW + 1000) }), {
      text: 'ACTIVE · 94 days · overdue: older than 90 days · expiring today',
      flagged: true,
    });
  });
  it("follows the policy it is given (a cloud's own values), and leaves an old inactive key alone as the tree does", () => {
    assert.deepEqual(line({ createdAt: new Date(NOW - 94 * DAY) }, { maxAgeDays: 365, expiryWarningDays: 0 }), {
      text: 'ACTIVE · 94 days',
      flagged: false,
    });
    assert.deepEqual(
      line({ createdAt: new Date(NOW - 31 * DAY) }, { maxAgeDays: 30, expiryWarningDays: 0 }).text,
      'ACTIVE · 31 days · overdue: older than 30 days',
    );
    assert.equal(line({ state: 'inactive', createdAt: new Date(NOW - 400 * DAY) }).flagged, false);
  });
});
