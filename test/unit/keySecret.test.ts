/** One reader of a key's secret (commands, forms, rotation): the vault first, then the cloud only where it shows a secret again. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CloudProvider } from '../../src/clouds/provider';
import { Secret } from '../../src/model/secret';
import type { AccessKey, KeyCapabilities } from '../../src/model/types';
import { readKeySecret } from '../../src/operations/keySecret';

const key = { id: 'k1', accountId: 'ionos:contract', kind: 'object-storage-access-key', state: 'active', userId: '#contract' } as AccessKey;

function cloud(readableLater: boolean, calls: string[]): CloudProvider {
  return {
    capabilities: () => ({ secretReadableLater: readableLater }) as KeyCapabilities,
    revealSecret: async (k: AccessKey) => (calls.push(`reveal ${k.id}`), new Secret('from-cloud')),
  } as unknown as CloudProvider;
}

describe('readKeySecret', () => {
  it('takes the stored secret and never asks the cloud', async () => {
    const calls: string[] = [];
    const secret = await readKeySecret({ getKeySecret: async () => new Secret('stored') }, key, {
      provider: () => cloud(true, calls),
      fullKey: () => key,
    });
    assert.equal(secret?.reveal(), 'stored');
    assert.deepEqual(calls, []);
  });

  it('reads it from a cloud that shows secrets again, through the wrapper given', async () => {
    const calls: string[] = [];
    const secret = await readKeySecret({ getKeySecret: async () => undefined }, key, {
      provider: async () => cloud(true, calls),
      fullKey: async () => (calls.push('list'), key),
      run: async (read) => (calls.push('progress'), read()),
    });
    assert.equal(secret?.reveal(), 'from-cloud');
    assert.deepEqual(calls, ['progress', 'list', 'reveal k1']);
  });

  it('has none when the cloud shows a secret only once, or the account is gone, without listing keys', async () => {
    const calls: string[] = [];
    const vault = { getKeySecret: async () => undefined };
    const fullKey = () => (calls.push('list'), key);
    assert.equal(await readKeySecret(vault, key, { provider: () => cloud(false, calls), fullKey }), undefined);
    assert.equal(await readKeySecret(vault, key, { provider: () => undefined, fullKey }), undefined);
    assert.deepEqual(calls, []);
  });
});
