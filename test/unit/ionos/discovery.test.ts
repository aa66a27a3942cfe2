import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cloudModule } from '../../../src/clouds/ionos';
import { normaliseApiUrl } from '../../../src/clouds/ionos/endpoint';
import { CloudError } from '../../../src/model/cloudError';
import { makeContext } from './support';

const discover = (env: Record<string, string>, settings: Record<string, string> = {}) =>
  cloudModule.discoverAccounts(makeContext({ env, settings }));

describe('IONOS API URL', () => {
  it('accepts the host alone and the /cloudapi/v6 form, giving the same base', () => {
    assert.equal(normaliseApiUrl('https://api.ionos.com', 'X'), 'https://api.ionos.com/cloudapi/v6');
    assert.equal(normaliseApiUrl('https://api.ionos.com/', 'X'), 'https://api.ionos.com/cloudapi/v6');
    assert.equal(normaliseApiUrl(' https://api.ionos.com/cloudapi/v6/ ', 'X'), 'https://api.ionos.com/cloudapi/v6');
    assert.equal(normaliseApiUrl('http://127.0.0.1:8443', 'X'), 'http://127.0.0.1:8443/cloudapi/v6');
    assert.equal(normaliseApiUrl('https://proxy.example.com/ionos/cloudapi/v6', 'X'), 'https://proxy.example.com/ionos/cloudapi/v6');
  });

  it('refuses what would misroute calls or expose credentials, naming the source', () => {
    const refuse = (url: string, pattern: RegExp) =>
      assert.throws(
        () => normaliseApiUrl(url, 'IONOS_API_URL'),
        (e: unknown) => e instanceof CloudError && e.code === 'config' && /^IONOS_API_URL/.test(e.message) && pattern.test(e.message),
      );
    refuse('api.ionos.com', /not a URL/);
    refuse('http://api.ionos.com', /unencrypted/);
    refuse('https://api.ionos.com/cloudapi/v5', /\/cloudapi\/v6/);
    refuse('ftp://api.ionos.com', /https/);
    refuse('https://api.ionos.com/cloudapi/v6?x=1', /query/);
    refuse('https://me:hunter2@api.ionos.com', /user name or password/);
  });

  it('never repeats a password embedded in the URL', () => {
    try {
      normaliseApiUrl('https://me:hunter2@api.ionos.com', 'IONOS_API_URL');
      assert.fail('should refuse');
    } catch (error) {
      assert.ok(error instanceof CloudError);
      assert.ok(!error.message.includes('hunter2'));
    }
  });
});

describe('IONOS account discovery', () => {
  it('finds nothing, and complains about nothing, without IONOS variables', async () => {
    assert.deepEqual(await discover({ PATH: '/usr/bin' }), { accounts: [], problems: [] });
    assert.deepEqual(cloudModule.configFiles(makeContext()), []);
  });

  it('finds a Basic account, labelled by its username, with its endpoint and contract number', async () => {
    const { accounts, problems } = await discover({
      IONOS_USERNAME: 'ops@example.com',
      IONOS_PASSWORD: 'pw',
      IONOS_API_URL: 'https://api.ionos.com',
      IONOS_CONTRACT_NUMBER: '31234567',
    });
    assert.deepEqual(problems, []);
    assert.equal(accounts.length, 1);
    const [account] = accounts;
    assert.equal(account.cloud, 'ionos');
    assert.equal(account.label, 'ops@example.com');
    assert.equal(account.endpoint, 'https://api.ionos.com/cloudapi/v6');
    assert.deepEqual(account.details, { auth: 'basic', username: 'ops@example.com', contractNumber: '31234567' });
    assert.deepEqual(account.origin, {
      kind: 'environment',
      variables: ['IONOS_USERNAME', 'IONOS_PASSWORD', 'IONOS_API_URL', 'IONOS_CONTRACT_NUMBER'],
    });
    assert.ok(!JSON.stringify(account).includes('"pw"'), 'the password stays out of the account');
  });

  it('prefers a token when both a token and a password are set, and keeps the token out of the account', async () => {
    const { accounts } = await discover({ IONOS_TOKEN: 'eyJtoken-value', IONOS_USERNAME: 'ops@example.com', IONOS_PASSWORD: 'pw' });
    assert.equal(accounts[0].details?.auth, 'token');
    assert.ok(!JSON.stringify(accounts[0]).includes('eyJtoken-value'));
    assert.equal(accounts[0].endpoint, undefined, 'the public endpoint by default');
  });

  it('reports an incomplete username and password as a problem that says what to set', async () => {
    const { accounts, problems } = await discover({ IONOS_USERNAME: 'ops@example.com' });
    assert.equal(accounts.length, 0);
    assert.equal(problems[0].source, 'IONOS_PASSWORD');
    assert.match(problems[0].message, /IONOS_TOKEN/);
    const other = await discover({ IONOS_PASSWORD: 'secret-pw' });
    assert.equal(other.problems[0].source, 'IONOS_USERNAME');
    assert.ok(!other.problems[0].message.includes('secret-pw'));
  });

  it('reports a bad IONOS_API_URL or setting as a problem instead of throwing', async () => {
    const bad = await discover({ IONOS_TOKEN: 't', IONOS_API_URL: 'http://api.ionos.com' });
    assert.equal(bad.accounts.length, 0);
    assert.equal(bad.problems[0].source, 'IONOS_API_URL');
    const badSetting = await discover({ IONOS_TOKEN: 't' }, { 'ionos.apiUrl': 'not a url' });
    assert.equal(badSetting.problems[0].source, 'cloudKeys.ionos.apiUrl');
    const envWins = await discover({ IONOS_TOKEN: 't', IONOS_API_URL: 'https://api.ionos.com' }, { 'ionos.apiUrl': 'not a url' });
    assert.equal(envWins.accounts.length, 1);
  });

  it('offers a form with a token, or a username and password, marking the secret fields', () => {
    const fields = Object.fromEntries(cloudModule.manualFields.map((f) => [f.name, f.secret]));
    assert.deepEqual(fields, { username: false, password: true, token: true, contractNumber: false, apiUrl: false });
  });
});
