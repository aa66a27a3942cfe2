import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CredentialStore } from '../../../src/clouds/cloudModule';
import { accountToken } from '../../../src/features/leaks/accountTokens';
import { Secret } from '../../../src/model/secret';
import { manualCredentialName, type Account, type CloudId } from '../../../src/model/types';

function account(cloud: CloudId, origin: Account['origin']): Account {
  return { id: `${cloud}:test`, cloud, label: 'test', source: 'test', origin };
}

function store(values: Record<string, string>): { credentials: CredentialStore } {
  const credentials: CredentialStore = {
    get: async (name) => (name in values ? new Secret(values[name]) : undefined),
    store: async () => undefined,
    delete: async () => undefined,
  };
  return { credentials };
}

describe('the API token an account signs in with (leak detection finds it written in files)', () => {
  const environment = { kind: 'environment', variables: ['IONOS_TOKEN'] } as const;

  it("is an IONOS environment account's IONOS_TOKEN", async () => {
    const token = await accountToken(account('ionos', environment), store({}), { IONOS_TOKEN: ' tok.en.value ' });
    assert.equal(token?.reveal(), 'tok.en.value');
  });

  it('is the token typed in for a hand-entered IONOS account, and none when only a password was', async () => {
    const manual = account('ionos', { kind: 'manual' });
    const withToken = store({ [manualCredentialName(manual.id)]: JSON.stringify({ token: 'typed.token' }) });
    assert.equal((await accountToken(manual, withToken, {}))?.reveal(), 'typed.token');
    const withPassword = store({ [manualCredentialName(manual.id)]: JSON.stringify({ username: 'u', password: 'p' }) });
    assert.equal(await accountToken(manual, withPassword, {}), undefined);
    const malformed = store({ [manualCredentialName(manual.id)]: JSON.stringify({ token: 42 }) });
    assert.equal(await accountToken(manual, malformed, {}), undefined);
  });

  it('is none for a cloud that signs in without an API token', async () => {
    for (const cloud of ['oci', 'outscale'] as const) {
      assert.equal(await accountToken(account(cloud, environment), store({}), { IONOS_TOKEN: 'tok.en.value' }), undefined, cloud);
    }
  });
});
