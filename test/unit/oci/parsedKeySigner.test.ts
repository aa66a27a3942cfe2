import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import * as common from 'oci-common';
import { createParsedKeySigner } from '../../../src/clouds/oci/parsedKeySigner';
import { Secret } from '../../../src/model/secret';

async function authorization(signer: common.RequestSigner, method: common.Method, body?: string): Promise<string> {
  const headers = new Headers({ 'x-date': 'Tue, 24 Nov 2026 10:00:00 GMT' });
  await signer.signHttpRequest({
    method,
    headers,
    uri: 'https://identity.example/20160918/users?compartmentId=ocid1.tenancy.oc1..t',
    body,
  });
  return headers.get('authorization') ?? '';
}

describe('OCI request signing with a key parsed once', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const auth = new common.SimpleAuthenticationDetailsProvider('ocid1.tenancy.oc1..t', 'ocid1.user.oc1..u', 'aa:bb', pem, null);

  it('signs every request exactly as the SDK does, again and again', async () => {
    const sdk = new common.DefaultRequestSigner(auth);
    const parsed = createParsedKeySigner(auth, new Secret(pem));
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', '{"description":"ci"}'],
      ['GET', undefined],
    ] as const) {
      const expected = await authorization(sdk, method, body);
      assert.match(expected, /algorithm="rsa-sha256"/);
      assert.equal(await authorization(parsed, method, body), expected);
    }
  });
});
