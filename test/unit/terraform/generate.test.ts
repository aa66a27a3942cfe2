import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import type { AccessKey, Account, CloudUser } from '../../../src/model/types';
import { declaresProvider, generateAccountTerraform, generateKeysTerraform } from '../../../src/terraform/generate';
import { importIdFor, parseImportId } from '../../../src/terraform/importIds';
import { KEY_RESOURCE_TYPES } from '../../../src/terraform/resourceTypes';
import { scanTerraform } from '../../../src/terraform/scanner';
import { findUnsafeOutputs } from '../../../src/terraform/sensitiveOutputs';
import { checkKeyResources, checkProviders, parseHcl, SCHEMAS, terraformFmt } from './support';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

function account(
  cloud: Account['cloud'],
  origin: Account['origin'] = { kind: 'config-file', path: '/home/me/.oci/config', profile: 'DEFAULT' },
): Account {
  return { id: `${cloud}:test`, cloud, label: `${cloud}-profile`, source: 'test', origin, region: 'eu-west-2' };
}

function user(id: string, name = 'alice'): CloudUser {
  return { id, accountId: 'a', name, isCaller: false };
}

function key(fields: Partial<AccessKey> & Pick<AccessKey, 'id' | 'userId'>): AccessKey {
  return { accountId: 'a', kind: 'access-key', state: 'active', createdAt: new Date(NOW - 94 * DAY), ...fields };
}

const OCI_USER = 'ocid1.user.oc1..aaaaaaaexample';
const CASES = [
  {
    name: 'OCI customer secret keys and an API signing key',
    account: account('oci'),
    user: user(OCI_USER),
    keys: [
      key({ id: '0123456789abcdef0123456789abcdef01234567', userId: OCI_USER, displayName: 'terraform-state' }),
      key({
        id: 'fedcba9876543210fedcba9876543210fedcba98',
        userId: OCI_USER,
        displayName: 'quotes "and" \\ ${var.x} %{if}',
        expiresAt: new Date(NOW + 12 * DAY),
      }),
      key({ id: '12:34:56', fingerprint: '12:34:56', userId: OCI_USER, kind: 'api-signing-key', publicKeyPem: PEM }),
      key({ id: '65:43:21', fingerprint: '65:43:21', userId: OCI_USER, kind: 'api-signing-key' }),
    ],
  },
  {
    name: 'OUTSCALE keys of an EIM user and of the account itself',
    account: account('outscale', { kind: 'config-file', path: '/home/me/.osc/config.json', profile: 'default' }),
    user: user('ci-pipeline', 'ci-pipeline'),
    keys: [
      key({ id: 'AKIAEXAMPLE0001', userId: 'ci-pipeline', displayName: 'gitlab runner', expiresAt: new Date(NOW + 5 * DAY) }),
      key({ id: 'AKIAEXAMPLE0002', userId: 'ci-pipeline', state: 'inactive' }),
    ],
  },
  {
    name: 'OUTSCALE keys of the account itself (no user_name)',
    account: account('outscale', { kind: 'environment', variables: ['OSC_ACCESS_KEY', 'OSC_SECRET_KEY'] }),
    user: { id: '#account', accountId: 'a', name: 'Account (you)', isCaller: true },
    keys: [key({ id: 'AKIAEXAMPLE0003', userId: '#account', displayName: 'cloud-keys demo' })],
  },
  {
    name: 'IONOS S3 keys, active and not',
    account: account('ionos', { kind: 'environment', variables: ['IONOS_USERNAME', 'IONOS_PASSWORD'] }),
    user: user('7c1d2e3f-0000-4000-8000-000000000001', 'Claire Dubois'),
    keys: [
      key({ id: '00e556c7b7a0d2b8a1e1', userId: '7c1d2e3f-0000-4000-8000-000000000001' }),
      key({ id: '00e556c7b7a0d2b8a1e2', userId: '7c1d2e3f-0000-4000-8000-000000000001', state: 'inactive' }),
    ],
  },
  {
    name: 'IONOS contract Object Storage access keys (no user; imported by UUID)',
    account: account('ionos', { kind: 'environment', variables: ['IONOS_USERNAME', 'IONOS_PASSWORD'] }),
    user: {
      id: '#object-storage',
      accountId: 'a',
      name: 'Object Storage access keys (contract)',
      isCaller: false,
      keyKinds: ['object-storage-access-key'],
    } satisfies CloudUser as CloudUser,
    keys: [
      key({
        id: `00000Du4KiV8A1tGUbjI2Ky1YmXqXnCpaQ${'A'.repeat(58)}`,
        resourceId: 'fb68d39a-5706-51b4-b2b2-7b4bf9cbf0af',
        userId: '#object-storage',
        kind: 'object-storage-access-key',
        displayName: 'website "assets"',
        administrative: true,
      }),
      key({
        id: `00000Xx${'B'.repeat(85)}`,
        resourceId: '0c1e7f3a-2b4d-4e6f-8a9b-0c1d2e3f4a5b',
        userId: '#object-storage',
        kind: 'object-storage-access-key',
      }),
    ],
  },
];

interface Parsed {
  resource: Record<string, Record<string, Record<string, unknown>[]>>;
  import?: { to: string; id: string }[];
  output?: Record<string, { value: string; sensitive?: boolean }[]>;
}

/** HCL JSON escapes `${` as `$${` in strings; this undoes it to compare with the model. */
function unescape(value: unknown): string {
  return String(value)
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

describe('Generate Terraform for keys', () => {
  for (const c of CASES) {
    for (const rotationDays of [0, 90]) {
      it(`${c.name}${rotationDays ? ', with the rotation pattern' : ''}: parses, follows the schema, imports by the provider's id`, async () => {
        const hcl = generateKeysTerraform(c.account, c.user, c.keys, { rotationDays });
        const json = (await parseHcl(hcl)) as unknown as Parsed;
        assert.equal(checkKeyResources(json), c.keys.length, hcl);

        // One import block per key, in the provider's format, pointing at the generated resource.
        assert.equal(json.import?.length, c.keys.length);
        for (const [i, k] of c.keys.entries()) {
          const block: { to: string; id: string } = json.import![i];
          const [type, name]: string[] = block.to.replace(/^\$\{|\}$/g, '').split('.');
          assert.ok((KEY_RESOURCE_TYPES as readonly string[]).includes(type));
          assert.ok(json.resource[type][name], `import points at ${type}.${name}, which is not generated`);
          const userless = type === 'outscale_access_key' || type === 'ionoscloud_object_storage_accesskey';
          assert.deepEqual(parseImportId(type as never, block.id), {
            keyId: k.kind === 'api-signing-key' ? k.fingerprint : (k.resourceId ?? k.id),
            ...(userless ? {} : { userId: c.user.id }),
          });
          const format = new RegExp(`^${SCHEMAS.resources[type].import_id.replace(/\{[a-z_]+\}/g, '[^/]+')}$`);
          assert.match(block.id, format);
        }

        // Real values, exactly as the cloud reports them.
        for (const bodies of Object.values(json.resource.oci_identity_customer_secret_key ?? {})) {
          assert.ok(
            c.keys.some((k) => k.displayName === unescape(bodies[0].display_name)),
            `display_name ${String(bodies[0].display_name)} is no key's name`,
          );
          assert.equal(bodies[0].user_id, c.user.id);
        }
        for (const bodies of Object.values(json.resource.oci_identity_api_key ?? {})) {
          const value = String(bodies[0].key_value);
          assert.ok(value.includes('BEGIN PUBLIC KEY') || value.includes('file('), value);
        }
        for (const bodies of Object.values(json.resource.outscale_access_key ?? {})) {
          if (c.user.id === '#account') assert.equal(bodies[0].user_name, undefined);
          else assert.equal(bodies[0].user_name, c.user.id);
        }
        const states = Object.values(json.resource.outscale_access_key ?? {}).map((b) => b[0].state);
        if (states.length) assert.deepEqual(states.sort(), c.keys.map((k) => k.state.toUpperCase()).sort());
        const descriptions = Object.values(json.resource.ionoscloud_object_storage_accesskey ?? {}).map((b) =>
          b[0].description === undefined ? undefined : unescape(b[0].description),
        );
        if (descriptions.length) assert.deepEqual(descriptions.map(String).sort(), c.keys.map((k) => String(k.displayName)).sort());
        const active = Object.values(json.resource.ionoscloud_s3_key ?? {}).map((b) => b[0].active);
        if (active.length) assert.deepEqual(active.sort(), c.keys.map((k) => k.state === 'active').sort());

        // Secrets only ever reach sensitive outputs.
        assert.deepEqual(findUnsafeOutputs(hcl, scanTerraform(hcl)), []);
        const outputs = Object.values(json.output ?? {});
        if (rotationDays && c.account.cloud !== 'oci') assert.ok(outputs.length > 0, 'the rotation pattern has no secret output');
        for (const [o] of outputs) assert.equal(o.sensitive, true);
        if (rotationDays) {
          assert.ok(json.resource.time_rotating, 'no time_rotating resource');
          assert.match(hcl, /replace_triggered_by\s+= \[time_rotating\./);
          assert.match(hcl, /create_before_destroy = true/);
        }

        const formatted = terraformFmt(hcl);
        if (formatted !== undefined) assert.equal(hcl, formatted, 'terraform fmt would change the generated HCL');
      });
    }
  }

  it('is laid out as terraform fmt lays it out: aligned "=", two-space indent', () => {
    const c = CASES[3];
    const hcl = generateKeysTerraform(c.account, c.user, [c.keys[1]], { omitRequiredProviders: true, takenNames: ['claire_dubois_key'] });
    assert.equal(
      hcl,
      [
        '# Key 00e556c7b7a0d2b8a1e2 of Claire Dubois in ionos-profile (IONOS Cloud): INACTIVE, created',
        '# 2026-08-18.',
        'resource "ionoscloud_s3_key" "claire_dubois_key_2" {',
        '  user_id = "7c1d2e3f-0000-4000-8000-000000000001"',
        '  active  = false',
        '}',
        '',
        '# Terraform 1.5+ adopts the existing key on the next apply. IONOS returns secret_key on every read,',
        '# so it lands in the state file: keep the state encrypted.',
        'import {',
        '  to = ionoscloud_s3_key.claire_dubois_key_2',
        '  id = "7c1d2e3f-0000-4000-8000-000000000001/00e556c7b7a0d2b8a1e2"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps resource names valid and unique', async () => {
    const c = CASES[0];
    const keys = [
      key({ id: 'a1', userId: OCI_USER, displayName: '9 lives' }),
      key({ id: 'a2', userId: OCI_USER, displayName: '9 lives' }),
      key({ id: 'a3', userId: OCI_USER, displayName: 'Ünïcödé!' }),
    ];
    const json = (await parseHcl(generateKeysTerraform(c.account, c.user, keys))) as unknown as Parsed;
    assert.deepEqual(Object.keys(json.resource.oci_identity_customer_secret_key).sort(), ['key_9_lives', 'key_9_lives_2', 'unicode']);
  });

  it('writes a note, not a resource, for a user without keys', async () => {
    const hcl = generateKeysTerraform(CASES[0].account, CASES[0].user, []);
    const json = (await parseHcl(hcl)) as unknown as Parsed;
    assert.equal(json.resource, undefined);
    assert.match(hcl, /# alice has no key a Terraform resource manages/);
  });
});

describe('Generate Terraform for an account', () => {
  const SECRET_ARGUMENTS = [
    'private_key',
    'private_key_password',
    'secret_key_id',
    'access_key_id',
    'token',
    'password',
    's3_secret_key',
    's3_access_key',
  ];
  const accounts: Account[] = [
    account('oci'),
    account('outscale', { kind: 'config-file', path: '/home/me/.osc/config.json', profile: 'demo' }),
    account('outscale', { kind: 'environment', variables: ['OSC_ACCESS_KEY', 'OSC_SECRET_KEY'] }),
    account('outscale', { kind: 'manual' }),
    {
      ...account('ionos', { kind: 'environment', variables: ['IONOS_USERNAME', 'IONOS_PASSWORD'] }),
      endpoint: 'https://api.example.test',
      details: { contractNumber: '31884391' },
    },
    account('ionos', { kind: 'manual' }),
  ];
  for (const a of accounts) {
    it(`${a.cloud} (${a.origin.kind}): a provider block using the same credential source, never a secret`, async () => {
      const hcl = generateAccountTerraform(a);
      const json = await parseHcl(hcl);
      assert.equal(checkProviders(json), 1);
      const [body] = Object.values(json.provider as Record<string, Record<string, unknown>[]>)[0];
      for (const secret of SECRET_ARGUMENTS) assert.ok(!(secret in body), `the provider block sets ${secret}`);
      if (a.origin.kind === 'config-file')
        assert.ok(body.config_file_profile === a.origin.profile || body.profile === a.origin.profile, hcl);
      const formatted = terraformFmt(hcl);
      if (formatted !== undefined) assert.equal(hcl, formatted);
    });
  }

  it('oci session-token profile: the provider block signs in with the session (auth = "SecurityToken")', async () => {
    const session: Account = { ...account('oci'), details: { auth: 'session-token', tenancy: 'ocid1.tenancy.oc1..t' } };
    const hcl = generateAccountTerraform(session);
    const json = await parseHcl(hcl);
    const [body] = Object.values(json.provider as Record<string, Record<string, unknown>[]>)[0];
    assert.equal(body.auth, 'SecurityToken', hcl);
    assert.equal(body.config_file_profile, session.origin.kind === 'config-file' ? session.origin.profile : undefined, hcl);
    assert.match(hcl, /oci session refresh --profile/);
    const plain = Object.values(
      (await parseHcl(generateAccountTerraform(account('oci')))).provider as Record<string, Record<string, unknown>[]>,
    )[0][0];
    assert.equal(plain.auth, undefined, 'an API-key profile needs no auth argument');
  });

  it('knows when a file already declares the provider', () => {
    assert.equal(
      declaresProvider('terraform {\n  required_providers {\n    oci = {\n      source  = "oracle/oci"\n    }\n  }\n}\n', 'oci'),
      true,
    );
    assert.equal(declaresProvider('x = { source = "registry.terraform.io/outscale/outscale" }', 'outscale'), true);
    assert.equal(declaresProvider('x = { source = "oracle/oci" }', 'ionos'), false);
  });
});

describe('Import ids', () => {
  const k = { id: 'KEY', userId: 'USER', fingerprint: 'aa:bb' };
  it('follow each provider format and read back', () => {
    assert.equal(importIdFor('oci_identity_customer_secret_key', k), 'users/USER/customerSecretKeys/KEY');
    assert.equal(importIdFor('oci_identity_api_key', k), 'users/USER/apiKeys/aa:bb');
    assert.equal(importIdFor('outscale_access_key', k), 'KEY');
    assert.equal(importIdFor('ionoscloud_s3_key', k), 'USER/KEY');
    assert.deepEqual(parseImportId('oci_identity_api_key', 'users/USER/apiKeys/aa:bb'), { userId: 'USER', keyId: 'aa:bb' });
    assert.deepEqual(parseImportId('ionoscloud_s3_key', ' USER/KEY '), { userId: 'USER', keyId: 'KEY' });
    assert.deepEqual(parseImportId('outscale_access_key', 'KEY'), { keyId: 'KEY' });
  });
  it('reject ids in another format', () => {
    assert.equal(parseImportId('oci_identity_customer_secret_key', 'users/USER/apiKeys/KEY'), undefined);
    assert.equal(parseImportId('ionoscloud_s3_key', 'KEY'), undefined);
    assert.equal(parseImportId('outscale_access_key', 'a/b'), undefined);
  });
});
