/** The cases of the bad-input catalogue (see badInput.test.ts): what goes in, and the words the answer must hold. */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CloudContext, CredentialStore } from '../../../src/clouds/cloudModule';
import { cloudModule as ionosModule, IonosProvider } from '../../../src/clouds/ionos';
import { cloudModule as ociModule, OciProvider } from '../../../src/clouds/oci';
import { cloudModule as outscaleModule, parseExpiryInput as outscaleExpiry } from '../../../src/clouds/outscale';
import type { CloudProvider } from '../../../src/clouds/provider';
import { CloudError } from '../../../src/model/cloudError';
import { Secret } from '../../../src/model/secret';
import type { Fault } from '../../emulators/shared/faults';
import { parseExpiryInput } from '../../../src/operations/expiryInput';
import type { IonosEmulator } from '../../emulators/ionos';
import type { RunningOciEmulator } from '../../emulators/oci';
import type { RunningOutscaleEmulator } from '../../emulators/outscale';
import { context as ociContext, encryptedKey, FAST_RETRY, onlyAccount, tempHome, writeProfile } from '../oci/harness';
import { FAST as IONOS_FAST, makeContext as ionosContext } from '../ionos/support';
import { FAST as OUTSCALE_FAST, makeContext as outscaleContext, manualAccount } from '../outscale/support';
import { createOutscaleProvider } from '../../../src/clouds/outscale';

export interface Emulators {
  readonly oci: RunningOciEmulator;
  readonly outscale: RunningOutscaleEmulator;
  readonly ionos: IonosEmulator;
}
/** A refusal reported rather than thrown (a discovery problem, a parse result). */
export interface Outcome {
  readonly problem?: string;
}
export interface Case {
  readonly cloud: 'oci' | 'outscale' | 'ionos';
  readonly area: string;
  readonly name: string;
  /** `stored` collects the name of anything put in the credential store. */
  run(emulators: Emulators, stored: string[]): Promise<Outcome>;
  readonly expect: readonly RegExp[];
}

/** A credential store that records what is put in it (the catalogue expects nothing). */
function recording(stored: string[], base: CredentialStore): CredentialStore {
  return { get: (n) => base.get(n), delete: (n) => base.delete(n), store: async (n, v) => (stored.push(n), base.store(n, v)) };
}

async function firstProblem(discover: Promise<{ problems: { message: string; source: string }[] }>): Promise<Outcome> {
  const { problems } = await discover;
  return { problem: problems.map((p) => `${p.source}: ${p.message}`).join(' | ') || undefined };
}

// ---- OCI ----------------------------------------------------------------------------------------
function ociConfig(lines: string[], extra: (home: string) => void = () => undefined) {
  return async (e: Emulators, stored: string[]): Promise<Outcome> => {
    const home = tempHome();
    fs.mkdirSync(path.join(home, '.oci'), { recursive: true });
    fs.writeFileSync(path.join(home, '.oci', 'key.pem'), e.oci.caller.privateKeyPem, { mode: 0o600 });
    fs.writeFileSync(
      path.join(home, '.oci', 'config'),
      lines
        .join('\n')
        .replaceAll('$USER', e.oci.caller.userId)
        .replaceAll('$TENANCY', e.oci.caller.tenancyId)
        .replaceAll('$FP', e.oci.caller.fingerprint),
    );
    extra(home);
    const base = ociContext(home, { settings: { 'oci.endpoint': e.oci.url } });
    const ctx = { ...base, credentials: recording(stored, base.credentials) };
    const found = await firstProblem(ociModule.discoverAccounts(ctx));
    if (found.problem !== undefined) return found;
    // A profile that discovery accepts fails on its first call; that message must be as clear.
    const account = await onlyAccount(ctx);
    await new OciProvider(account, ctx, { retryPolicy: FAST_RETRY }).listUsers();
    return {};
  };
}
const GOOD = ['user=$USER', 'fingerprint=$FP', 'tenancy=$TENANCY', 'region=eu-frankfurt-1', 'key_file=~/.oci/key.pem'];

async function ociProvider(
  e: Emulators,
  stored: string[],
  passphrase?: string,
  keyPem?: string,
): Promise<{ provider: CloudProvider; ctx: CloudContext }> {
  const home = tempHome();
  writeProfile(home, e.oci, keyPem ? { keyPem } : {});
  const base = ociContext(home, {
    settings: { 'oci.endpoint': e.oci.url },
    prompts: { askPassphrase: async () => (passphrase === undefined ? undefined : new Secret(passphrase)) },
  });
  const ctx = { ...base, credentials: recording(stored, base.credentials) };
  const account = await onlyAccount(ctx);
  return { provider: new OciProvider(account, ctx, { retryPolicy: FAST_RETRY, verifyAttempts: 1, verifyDelayMs: 1 }), ctx };
}
const ociUser = (e: Emulators) => e.oci.caller.userId;
const pem = (type: 'rsa' | 'ec' | 'dsa', bits = 2048) => {
  const pair =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : type === 'dsa'
        ? generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 })
        : generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    pub: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    priv: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};
const rsa = pem('rsa');
const uploadPem = (text: string) => async (e: Emulators, stored: string[]) => {
  const { provider } = await ociProvider(e, stored);
  await provider.createKey(ociUser(e), 'api-signing-key', { publicKeyPem: text });
  return {};
};

// ---- OUTSCALE -----------------------------------------------------------------------------------
function oscConfig(text: string) {
  return async (_e: Emulators, stored: string[]): Promise<Outcome> => {
    const base = outscaleContext();
    const file = path.join(base.homeDir, 'config.json');
    fs.writeFileSync(file, text);
    return firstProblem(
      outscaleModule.discoverAccounts({ ...base, env: { OSC_CONFIG_FILE: file }, credentials: recording(stored, base.credentials) }),
    );
  };
}
async function oscProvider(e: Emulators, stored: string[], http = { timeoutMs: 5_000 }): Promise<CloudProvider> {
  const base = outscaleContext({ http });
  const account = await manualAccount(base, e.outscale);
  return createOutscaleProvider(account, { ...base, credentials: recording(stored, base.credentials) }, OUTSCALE_FAST);
}

// ---- IONOS --------------------------------------------------------------------------------------
function ionosEnv(env: (e: Emulators) => Record<string, string>, settings: Record<string, string> = {}) {
  return async (e: Emulators, stored: string[]): Promise<Outcome> => {
    const ctx = ionosContext({ env: env(e), settings });
    return firstProblem(ionosModule.discoverAccounts({ ...ctx, credentials: recording(stored, ctx.credentials) }));
  };
}
async function ionosProvider(
  e: Emulators,
  stored: string[],
  env: Record<string, string> = {},
  http = { timeoutMs: 5_000 },
): Promise<CloudProvider> {
  const base = ionosContext({ env: { IONOS_TOKEN: e.ionos.caller.token ?? '', IONOS_API_URL: e.ionos.apiUrl, ...env } });
  const ctx = { ...base, http, credentials: recording(stored, base.credentials) };
  const { accounts, problems } = await ionosModule.discoverAccounts(ctx);
  if (accounts.length !== 1) throw new CloudError('config', problems.map((p) => p.message).join(' | '));
  return new IonosProvider(accounts[0], ctx, IONOS_FAST);
}

// ---- cloud answers, by fault --------------------------------------------------------------------
type Cloud = 'oci' | 'outscale' | 'ionos';
const LIST_ROUTE: Record<Cloud, string> = { oci: 'GET /**', outscale: 'ReadUsers', ionos: 'GET /**' };
async function listWithFault(
  cloud: Cloud,
  e: Emulators,
  stored: string[],
  fault: Omit<Fault, 'route'>,
  http = { timeoutMs: 5_000 },
): Promise<Outcome> {
  const provider =
    cloud === 'oci'
      ? (await ociProvider(e, stored)).provider
      : cloud === 'outscale'
        ? await oscProvider(e, stored, http)
        : await ionosProvider(e, stored, {}, http);
  e[cloud].faults.add({ route: LIST_ROUTE[cloud], ...fault });
  await provider.listUsers();
  return {};
}
const answer = (status: number, expect: RegExp[], extra: Omit<Fault, 'route' | 'kind'> = {}): Case[] =>
  (['oci', 'outscale', 'ionos'] as const).map((cloud) => ({
    cloud,
    area: 'cloud answer',
    name: `HTTP ${status}`,
    run: (e, stored) => listWithFault(cloud, e, stored, { kind: 'status', status, headers: { 'retry-after': '0' }, ...extra }),
    expect,
  }));
const body = (name: string, status: number, text: string, expect: RegExp[]): Case[] =>
  (['oci', 'outscale', 'ionos'] as const).map((cloud) => ({
    cloud,
    area: 'cloud answer',
    name,
    run: (e, stored) =>
      listWithFault(cloud, e, stored, {
        kind: 'status',
        status,
        body: text,
        headers: { 'content-type': status >= 400 ? 'text/html' : 'application/json' },
      }),
    expect,
  }));

const parseDate = (text: string) => async (): Promise<Outcome> => {
  const result = parseExpiryInput(text, Date.parse('2026-06-01T00:00:00Z'));
  return { problem: result.ok ? undefined : result.message };
};

export const CATALOGUE: readonly Case[] = [
  // OCI config files
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'missing fingerprint and key_file',
    run: ociConfig(['[DEFAULT]', 'user=$USER', 'tenancy=$TENANCY', 'region=eu-frankfurt-1']),
    expect: [/lacks/, /fingerprint/, /key_file/],
  },
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'an entry before any [section]',
    run: ociConfig(['user=$USER', '[DEFAULT]', ...GOOD.slice(1)]),
    expect: [/section|profile/i],
  },
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'a line that is not key=value',
    run: ociConfig(['[DEFAULT]', ...GOOD, 'this is not an entry']),
    expect: [/line|key=value|=/i],
  },
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'unreadable key file',
    run: ociConfig(['[DEFAULT]', ...GOOD.slice(0, 4), 'key_file=~/.oci/missing.pem']),
    expect: [/missing\.pem/],
  },
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'key file that is not a key',
    run: ociConfig(['[DEFAULT]', ...GOOD.slice(0, 4), 'key_file=~/.oci/config']),
    expect: [/key/i],
  },
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'OCI_CONFIG_FILE names a missing file',
    run: async (_e, stored) => {
      const ctx = ociContext(tempHome(), { env: { OCI_CONFIG_FILE: '/nonexistent/oci-config' } });
      return firstProblem(ociModule.discoverAccounts({ ...ctx, credentials: recording(stored, ctx.credentials) }));
    },
    expect: [/OCI_CONFIG_FILE|\/nonexistent\/oci-config/],
  },
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'encrypted key file, passphrase prompt cancelled',
    run: async (e, stored) => {
      const { provider } = await ociProvider(e, stored, undefined, encryptedKey(e.oci.caller.privateKeyPem, 'right horse'));
      await provider.listUsers();
      return {};
    },
    expect: [/passphrase/i],
  },
  {
    cloud: 'oci',
    area: 'OCI config',
    name: 'encrypted key file, wrong passphrase',
    run: async (e, stored) => {
      const { provider } = await ociProvider(e, stored, 'wrong horse', encryptedKey(e.oci.caller.privateKeyPem, 'right horse'));
      await provider.listUsers();
      return {};
    },
    expect: [/passphrase/i],
  },
  // OUTSCALE config.json
  { cloud: 'outscale', area: 'OUTSCALE config', name: 'not JSON', run: oscConfig('{ "default": { '), expect: [/JSON/] },
  {
    cloud: 'outscale',
    area: 'OUTSCALE config',
    name: 'a profile that is a string',
    run: oscConfig('{ "default": "ak" }'),
    expect: [/default/],
  },
  {
    cloud: 'outscale',
    area: 'OUTSCALE config',
    name: 'access_key of the wrong type',
    run: oscConfig('{ "default": { "access_key": 42, "secret_key": "s", "region": "eu-west-2" } }'),
    expect: [/access_key/],
  },
  {
    cloud: 'outscale',
    area: 'OUTSCALE config',
    name: 'missing secret_key',
    run: oscConfig('{ "default": { "access_key": "AK", "region": "eu-west-2" } }'),
    expect: [/secret_key/],
  },
  { cloud: 'outscale', area: 'OUTSCALE config', name: 'a JSON array', run: oscConfig('[1, 2]'), expect: [/profile|object/i] },
  {
    cloud: 'outscale',
    area: 'OUTSCALE config',
    name: 'OSC_ACCESS_KEY without OSC_SECRET_KEY',
    run: async (_e, stored) => {
      const base = outscaleContext();
      return firstProblem(
        outscaleModule.discoverAccounts({ ...base, env: { OSC_ACCESS_KEY: 'AK' }, credentials: recording(stored, base.credentials) }),
      );
    },
    expect: [/OSC_SECRET_KEY/],
  },
  {
    cloud: 'outscale',
    area: 'OUTSCALE config',
    name: 'an unknown region',
    run: oscConfig('{ "default": { "access_key": "AK", "secret_key": "SK", "region": "mars-north-1!" } }'),
    expect: [/region/i],
  },
  {
    cloud: 'outscale',
    area: 'endpoint',
    name: 'endpoints.api over plain http to a remote host',
    run: oscConfig(
      '{ "default": { "access_key": "AK", "secret_key": "SK", "region": "eu-west-2", "endpoints": { "api": "http://api.eu-west-2.outscale.com" } } }',
    ),
    expect: [/plain http/, /https/],
  },
  {
    cloud: 'outscale',
    area: 'endpoint',
    name: 'a profile with "https": false',
    run: oscConfig('{ "default": { "access_key": "AK", "secret_key": "SK", "region": "eu-west-2", "https": false } }'),
    expect: [/https/],
  },
  {
    cloud: 'outscale',
    area: 'endpoint',
    name: 'OSC_ENDPOINT_API over plain http to an IP literal',
    run: async (_e, stored) => {
      const base = outscaleContext();
      return firstProblem(
        outscaleModule.discoverAccounts({
          ...base,
          env: { OSC_ACCESS_KEY: 'AK', OSC_SECRET_KEY: 'SK', OSC_REGION: 'eu-west-2', OSC_ENDPOINT_API: 'http://192.0.2.10' },
          credentials: recording(stored, base.credentials),
        }),
      );
    },
    expect: [/192\.0\.2\.10/, /https/],
  },
  {
    cloud: 'oci',
    area: 'endpoint',
    name: 'cloudKeys.oci.endpoint over plain http to a remote host',
    run: async (e, stored) => {
      const home = tempHome();
      fs.mkdirSync(path.join(home, '.oci'), { recursive: true });
      fs.writeFileSync(path.join(home, '.oci', 'key.pem'), e.oci.caller.privateKeyPem, { mode: 0o600 });
      fs.writeFileSync(
        path.join(home, '.oci', 'config'),
        [
          '[DEFAULT]',
          `user=${e.oci.caller.userId}`,
          `fingerprint=${e.oci.caller.fingerprint}`,
          'key_file=~/.oci/key.pem',
          `tenancy=${e.oci.caller.tenancyId}`,
          'region=us-ashburn-1',
        ].join('\n'),
      );
      const base = ociContext(home, { settings: { 'oci.endpoint': 'http://identity.example.com' } });
      return firstProblem(ociModule.discoverAccounts({ ...base, credentials: recording(stored, base.credentials) }));
    },
    expect: [/cloudKeys\.oci\.endpoint/, /plain http/],
  },
  // Names of keys (OCI display names, OUTSCALE tags)
  ...(
    [
      ['a line break', 'ci\nkey', /control character/],
      ['a right-to-left override', 'invoice\u202Efdp.exe', /right-to-left/],
      ['a left-to-right mark', 'backup\u200E', /direction mark|right-to-left/],
      ['300 characters', 'k'.repeat(300), /300 characters.*at most 255/],
    ] as const
  ).flatMap(([what, name, message]): Case[] => [
    {
      cloud: 'oci',
      area: 'name',
      name: `display name with ${what}`,
      run: async (e, stored) => {
        const { provider } = await ociProvider(e, stored);
        const me = await provider.whoAmI();
        await provider.createKey(me.id, 'access-key', { displayName: name });
        return {};
      },
      expect: [/display name/, message],
    },
    {
      cloud: 'outscale',
      area: 'name',
      name: `tag with ${what}`,
      run: async (e, stored) => {
        const provider = await oscProvider(e, stored);
        const me = await provider.whoAmI();
        await provider.createKey(me.id, 'access-key', { displayName: name });
        return {};
      },
      expect: [/tag/, message],
    },
  ]),
  // IONOS credentials and endpoints
  {
    cloud: 'ionos',
    area: 'IONOS credentials',
    name: 'username without password',
    run: ionosEnv(() => ({ IONOS_USERNAME: 'me@example.com' })),
    expect: [/IONOS_PASSWORD/],
  },
  {
    cloud: 'ionos',
    area: 'IONOS credentials',
    name: 'password without username',
    run: ionosEnv(() => ({ IONOS_PASSWORD: 'pw' })),
    expect: [/IONOS_USERNAME/],
  },
  {
    cloud: 'ionos',
    area: 'IONOS credentials',
    name: 'a wrong token',
    run: async (e, stored) => {
      await (await ionosProvider(e, stored, { IONOS_TOKEN: 'not-a-token' })).listUsers();
      return {};
    },
    expect: [/token|credentials|sign/i],
  },
  {
    cloud: 'ionos',
    area: 'endpoint',
    name: 'http:// API URL',
    run: ionosEnv(() => ({ IONOS_TOKEN: 't', IONOS_API_URL: 'http://api.ionos.com/cloudapi/v6' })),
    expect: [/https/],
  },
  {
    cloud: 'ionos',
    area: 'endpoint',
    name: 'API URL with another path',
    run: ionosEnv(() => ({ IONOS_TOKEN: 't', IONOS_API_URL: 'https://api.ionos.com/some/other/path' })),
    expect: [/cloudapi\/v6/],
  },
  {
    cloud: 'ionos',
    area: 'endpoint',
    name: 'API URL that is not a URL',
    run: ionosEnv(() => ({ IONOS_TOKEN: 't', IONOS_API_URL: 'api ionos com' })),
    expect: [/IONOS_API_URL/],
  },
  {
    cloud: 'ionos',
    area: 'endpoint',
    name: 'cloudKeys.ionos.apiUrl http://',
    run: ionosEnv(() => ({ IONOS_TOKEN: 't' }), { 'ionos.apiUrl': 'http://10.0.0.1/cloudapi/v6' }),
    expect: [/cloudKeys\.ionos\.apiUrl/, /https/],
  },
  // PEMs (OCI API signing keys)
  { cloud: 'oci', area: 'PEM', name: 'EC key', run: uploadPem(pem('ec').pub), expect: [/EC key/, /RSA/] },
  { cloud: 'oci', area: 'PEM', name: 'DSA key', run: uploadPem(pem('dsa').pub), expect: [/DSA key/, /RSA/] },
  { cloud: 'oci', area: 'PEM', name: '1024-bit RSA', run: uploadPem(pem('rsa', 1024).pub), expect: [/1024 bits/, /at least 2048/] },
  {
    cloud: 'oci',
    area: 'PEM',
    name: 'ssh-rsa',
    run: uploadPem('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 me@host'),
    expect: [/OpenSSH/, /ssh-keygen/],
  },
  {
    cloud: 'oci',
    area: 'PEM',
    name: 'truncated',
    run: uploadPem(rsa.pub.slice(0, 120) + '\n-----END PUBLIC KEY-----'),
    expect: [/damaged or incomplete/],
  },
  { cloud: 'oci', area: 'PEM', name: 'missing END line', run: uploadPem(rsa.pub.slice(0, 200)), expect: [/not a PEM public key/] },
  { cloud: 'oci', area: 'PEM', name: 'a private key pasted', run: uploadPem(rsa.priv), expect: [/private key/, /public half/] },
  {
    cloud: 'oci',
    area: 'PEM',
    name: 'two keys in one paste',
    run: uploadPem(`${rsa.pub}\n${pem('rsa').pub}`),
    expect: [/2 PEM blocks/, /exactly one/],
  },
  { cloud: 'oci', area: 'PEM', name: 'empty paste', run: uploadPem('   '), expect: [/not a PEM public key/] },
  // Names
  // Dates
  { cloud: 'outscale', area: 'date', name: 'in the past', run: parseDate('2020-01-01'), expect: [/in the past/, /future/] },
  { cloud: 'outscale', area: 'date', name: 'not a date', run: parseDate('next tuesday'), expect: [/not a date/, /YYYY-MM-DD/] },
  { cloud: 'outscale', area: 'date', name: 'February 30', run: parseDate('2027-02-30'), expect: [/not a calendar date/] },
  {
    cloud: 'outscale',
    area: 'date',
    name: 'February 30 with a time',
    run: parseDate('2027-02-30T10:00:00Z'),
    expect: [/not a valid date|calendar/],
  },
  {
    cloud: 'outscale',
    area: 'date',
    name: 'date-time without a time zone',
    run: parseDate('2027-03-01T10:00:00'),
    expect: [/YYYY-MM-DDTHH:MM:SSZ/],
  },
  {
    cloud: 'outscale',
    area: 'date',
    name: 'an impossible zone',
    run: parseDate('2027-03-01T10:00:00+25:00'),
    expect: [/not a valid date/],
  },
  { cloud: 'outscale', area: 'date', name: 'month 13', run: parseDate('2027-13-01'), expect: [/not a calendar date/] },
  {
    cloud: 'outscale',
    area: 'date',
    name: 'adapter: February 30',
    run: async () => (outscaleExpiry('2027-02-30'), {}),
    expect: [/not a valid expiration date/, /2026-12-31/],
  },
  {
    cloud: 'outscale',
    area: 'date',
    name: 'adapter: create with a past expiry',
    run: async (e, stored) => {
      await (await oscProvider(e, stored)).createKey('', 'access-key', { expiresAt: new Date('2020-01-01T00:00:00Z') });
      return {};
    },
    expect: [/not in the future/],
  },
  {
    cloud: 'outscale',
    area: 'date',
    name: 'adapter: create with an invalid Date',
    run: async (e, stored) => {
      await (await oscProvider(e, stored)).createKey('', 'access-key', { expiresAt: new Date('nope') });
      return {};
    },
    expect: [/not a valid date/],
  },
  {
    cloud: 'oci',
    area: 'date',
    name: 'an expiry for an OCI key',
    run: async (e, stored) => {
      await (
        await ociProvider(e, stored)
      ).provider.createKey(ociUser(e), 'access-key', { displayName: 'x', expiresAt: new Date('2030-01-01') });
      return {};
    },
    expect: [/cannot be given an expiry/],
  },
  // Cloud answers
  ...answer(401, [/sign|auth|credential|key/i]),
  ...answer(403, [/permission|forbidden|not allowed|denied/i]),
  ...answer(404, [/not found|could not find|no longer|does not exist|not exist/i]),
  ...answer(409, [/conflict|already|changed|in progress/i]),
  ...answer(422, [/invalid|rejected|refused|request/i]),
  ...answer(429, [/too many|throttl|rate|limit|busy/i]),
  ...answer(500, [/error|fail|server|try again/i]),
  ...answer(502, [/error|fail|server|try again|unavailable/i]),
  ...answer(503, [/error|fail|server|try again|unavailable/i]),
  ...body('HTML error page', 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', [/502|server|try again|unavailable/i]),
  ...body('truncated JSON', 200, '{"items": [{"id": "x"', [/unexpected|could not (be )?read|not valid|malformed|unreadable|answer/i]),
  ...body('wrong field types', 200, '{"items": "users", "Users": 7}', [
    /unexpected|could not (be )?read|not valid|malformed|unreadable|answer/i,
  ]),
  ...body('empty body', 200, '', [/unexpected|could not (be )?read|not valid|malformed|unreadable|empty|answer/i]),
  ...(['oci', 'outscale', 'ionos'] as const).map((cloud): Case => ({
    cloud,
    area: 'cloud answer',
    name: 'connection reset',
    run: (e, stored) => listWithFault(cloud, e, stored, { kind: 'drop' }),
    expect: [/reach|network|connect|reset|socket/i],
  })),
  ...(['outscale', 'ionos'] as const).map((cloud): Case => ({
    cloud,
    area: 'cloud answer',
    name: 'a response that never ends',
    run: (e, stored) => listWithFault(cloud, e, stored, { kind: 'latency', ms: 3_000 }, { timeoutMs: 300 }),
    expect: [/in time|within|did not answer/i],
  })),
];
