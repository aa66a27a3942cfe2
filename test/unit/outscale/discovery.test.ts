import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cloudModule } from '../../../src/clouds/outscale/index';
import { CloudError } from '../../../src/model/cloudError';
import type { Account } from '../../../src/model/types';
import { makeContext, tempHome } from './support';

const SECRET = 'discoverySecretValue0123456789abcdefghij';

function writeJson(file: string, value: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function byLabel(accounts: Account[], label: string): Account {
  const found = accounts.find((a) => a.label === label);
  assert.ok(found, `account ${label} discovered`);
  return found;
}

describe('OUTSCALE discovery', () => {
  it('finds every profile of ~/.osc/config.json with its region, legacy region_name, host and endpoints.api', async () => {
    const home = tempHome();
    const file = writeJson(path.join(home, '.osc', 'config.json'), {
      default: { access_key: 'AKDEFAULT', secret_key: SECRET, region: 'eu-west-2' },
      legacy: { access_key: 'AKLEGACY', secret_key: SECRET, region_name: 'us-east-2' },
      gov: { access_key: 'AKGOV', secret_key: SECRET, region: 'cloudgouv-eu-west-1', host: 'outscale.hk', https: true },
      custom: { access_key: 'AKCUSTOM', secret_key: SECRET, region: 'eu-west-2', endpoints: { api: 'api.example.test/api/v1' } },
    });
    const { accounts, problems } = await cloudModule.discoverAccounts(makeContext({ homeDir: home }));
    assert.deepEqual(problems, []);
    assert.equal(accounts.length, 4);
    const def = byLabel(accounts, 'default');
    assert.equal(def.endpoint, 'https://api.eu-west-2.outscale.com');
    assert.deepEqual(def.origin, { kind: 'config-file', path: file, profile: 'default' });
    assert.equal(def.details?.accessKeyId, 'AKDEFAULT');
    assert.equal(byLabel(accounts, 'legacy').region, 'us-east-2');
    assert.equal(byLabel(accounts, 'legacy').endpoint, 'https://api.us-east-2.outscale.com');
    assert.equal(byLabel(accounts, 'gov').endpoint, 'https://api.cloudgouv-eu-west-1.outscale.hk');
    assert.equal(byLabel(accounts, 'custom').endpoint, 'https://api.example.test');
    assert.ok(!JSON.stringify(accounts).includes(SECRET), 'no secret in the discovered accounts');
  });

  it('reads the legacy ~/.osc_sdk/config.json only when ~/.osc/config.json does not exist', async () => {
    const home = tempHome();
    writeJson(path.join(home, '.osc_sdk', 'config.json'), { old: { access_key: 'AKOLD', secret_key: SECRET, region: 'eu-west-2' } });
    const first = await cloudModule.discoverAccounts(makeContext({ homeDir: home }));
    assert.deepEqual(
      first.accounts.map((a) => a.label),
      ['old'],
    );
    writeJson(path.join(home, '.osc', 'config.json'), { new: { access_key: 'AKNEW', secret_key: SECRET } });
    const second = await cloudModule.discoverAccounts(makeContext({ homeDir: home }));
    assert.deepEqual(
      second.accounts.map((a) => a.label),
      ['new'],
    );
    assert.equal(second.accounts[0].region, 'eu-west-2', 'the default region');
  });

  it('adds the file named by the setting and OSC_CONFIG_FILE, and reports one that does not exist', async () => {
    const home = tempHome();
    const fromSetting = writeJson(path.join(home, 'elsewhere', 'osc.json'), { work: { access_key: 'AKWORK', secret_key: SECRET } });
    const ctx = makeContext({
      homeDir: home,
      settings: { 'outscale.configFile': fromSetting },
      env: { OSC_CONFIG_FILE: path.join(home, 'missing.json') },
    });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(
      accounts.map((a) => a.label),
      ['work'],
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /OSC_CONFIG_FILE does not exist/);
    assert.ok(cloudModule.configFiles(ctx).includes(fromSetting));
    assert.ok(cloudModule.configFiles(ctx).includes(path.join(home, '.osc', 'config.json')));
  });

  it('makes an account of OSC_ACCESS_KEY / OSC_SECRET_KEY / OSC_REGION / OSC_ENDPOINT_API', async () => {
    const ctx = makeContext({
      env: { OSC_ACCESS_KEY: 'AKENV', OSC_SECRET_KEY: SECRET, OSC_REGION: 'us-west-1', OSC_ENDPOINT_API: 'http://127.0.0.1:9/api/v1/' },
    });
    const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
    assert.deepEqual(problems, []);
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].origin.kind, 'environment');
    assert.equal(accounts[0].region, 'us-west-1');
    assert.equal(accounts[0].endpoint, 'http://127.0.0.1:9');
    assert.ok(!JSON.stringify(accounts).includes(SECRET));
  });

  it('reports only one of OSC_ACCESS_KEY / OSC_SECRET_KEY being set', async () => {
    const { accounts, problems } = await cloudModule.discoverAccounts(makeContext({ env: { OSC_ACCESS_KEY: 'AKENV' } }));
    assert.equal(accounts.length, 0);
    assert.match(problems[0].message, /Set both OSC_ACCESS_KEY and OSC_SECRET_KEY/);
  });

  describe('a malformed config file becomes a problem and the other accounts still load', () => {
    const cases: { name: string; content: unknown; expect: RegExp }[] = [
      { name: 'not JSON', content: '{ "default": { "access_key": ', expect: /not valid JSON/ },
      { name: 'not an object', content: '["default"]', expect: /JSON object keyed by profile name/ },
      { name: 'a profile that is not an object', content: { broken: 'yes' }, expect: /Profile "broken" is not valid/ },
      { name: 'a field of the wrong type', content: { broken: { access_key: 'AK', secret_key: SECRET, region: 42 } }, expect: /region/ },
      { name: 'no secret_key', content: { broken: { access_key: 'AK' } }, expect: /has no secret_key/ },
      { name: 'a client certificate only', content: { broken: { client_certificate: '/x.pem' } }, expect: /client certificate alone/ },
      { name: 'a bad region', content: { broken: { access_key: 'AK', secret_key: SECRET, region: 'Paris!' } }, expect: /invalid region/ },
      {
        name: 'a bad endpoint',
        content: { broken: { access_key: 'AK', secret_key: SECRET, endpoints: { api: 'ftp://x' } } },
        expect: /unusable endpoints\.api/,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const home = tempHome();
        const bad = writeJson(path.join(home, 'bad.json'), c.content);
        writeJson(path.join(home, '.osc', 'config.json'), { good: { access_key: 'AKGOOD', secret_key: SECRET } });
        const ctx = makeContext({
          homeDir: home,
          settings: { 'outscale.configFile': bad },
          env: { OSC_ACCESS_KEY: 'AKENV', OSC_SECRET_KEY: SECRET },
        });
        const { accounts, problems } = await cloudModule.discoverAccounts(ctx);
        assert.deepEqual(accounts.map((a) => a.label).sort(), ['OSC_* environment', 'good']);
        assert.equal(problems.length, 1);
        assert.match(problems[0].message, c.expect);
        assert.ok(problems[0].source.startsWith(bad));
        assert.ok(!JSON.stringify(problems).includes(SECRET), 'no secret in the problem');
        assert.ok(!ctx.logger.lines.some((l) => l.includes(SECRET)), 'no secret in the log');
      });
    }
  });

  it('fails the first call with a config CloudError when the profile lost its keys after discovery', async () => {
    const home = tempHome();
    const file = writeJson(path.join(home, '.osc', 'config.json'), {
      p: { access_key: 'AK', secret_key: SECRET, endpoints: { api: 'http://127.0.0.1:9' } },
    });
    const ctx = makeContext({ homeDir: home });
    const { accounts } = await cloudModule.discoverAccounts(ctx);
    writeJson(file, { p: { access_key: 'AK' } });
    const provider = cloudModule.createProvider(accounts[0], ctx);
    await assert.rejects(
      provider.listKeys('#account'),
      (e: unknown) => e instanceof CloudError && e.code === 'config' && /no longer has an access_key/.test(e.message),
    );
  });

  it('fails the first call of a hand-entered account whose secret is missing from the store', async () => {
    const ctx = makeContext();
    const account: Account = {
      id: 'outscale:manual:x',
      cloud: 'outscale',
      label: 'typed',
      source: 'entered by hand',
      origin: { kind: 'manual' },
      details: { accessKeyId: 'AKX' },
    };
    const provider = cloudModule.createProvider(account, ctx);
    await assert.rejects(
      provider.listKeys('#account'),
      (e: unknown) => e instanceof CloudError && e.code === 'config' && /not in the secret store/.test(e.message),
    );
  });

  it('asks for an access key or a login and password, then region and endpoint; the secret key, login and password go to secret storage', () => {
    const fields = cloudModule.manualFields;
    assert.deepEqual(
      fields.map((f) => f.name),
      ['accessKeyId', 'secretKey', 'login', 'password', 'region', 'endpoint'],
    );
    assert.deepEqual(
      fields.filter((f) => f.secret).map((f) => f.name),
      ['secretKey', 'login', 'password'],
    );
    assert.deepEqual(
      fields.filter((f) => f.required),
      [],
      'either kind of credentials may be left empty',
    );
  });
});
