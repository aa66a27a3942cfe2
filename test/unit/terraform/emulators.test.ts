/**
 * Generate Terraform from what the cloud emulators really return (signed HTTP through the adapters),
 * then read it back the way the code lenses do: every generated resource resolves to its live key.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CloudContext, CloudModule } from '../../../src/clouds/cloudModule';
import type { AccessKey, Account, CloudId, CloudUser } from '../../../src/model/types';
import { generateAccountTerraform, generateKeysTerraform } from '../../../src/terraform/generate';
import { keyLookups, matchKey } from '../../../src/terraform/keyLookup';
import { resourceTypeFor } from '../../../src/terraform/resourceTypes';
import { scanTerraform } from '../../../src/terraform/scanner';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos/index';
import { cloudModule as ociModule } from '../../../src/clouds/oci/index';
import { cloudModule as outscaleModule } from '../../../src/clouds/outscale/index';
import { writeDemoConfig as ionosDemoConfig } from '../../emulators/ionos/demoConfig';
import { startIonosEmulator } from '../../emulators/ionos/index';
import { startOciEmulator, writeDemoConfig as ociDemoConfig } from '../../emulators/oci/index';
import { startOutscaleEmulator, writeDemoConfig as outscaleDemoConfig } from '../../emulators/outscale/index';
import { MemoryCredentials, RecordingLogger } from '../../support/testDoubles';
import { checkKeyResources, checkProviders, parseHcl, terraformFmt } from './support';

interface Running {
  close(): Promise<void>;
}

interface CloudUnderTest {
  readonly cloud: CloudId;
  /** Starts the emulator with its demo seed; `secrets` are the demo account's credential values. */
  start(home: string): Promise<{ emulator: Running; env: Record<string, string>; settings: Record<string, string>; secrets: string[] }>;
  readonly module: CloudModule;
}

const CLOUDS: CloudUnderTest[] = [
  {
    cloud: 'oci',
    async start(home) {
      const emulator = await startOciEmulator({ seed: 'demo' });
      const body = emulator.caller.privateKeyPem.split('\n').filter((l: string) => l && !l.startsWith('-----'));
      return { emulator, ...ociDemoConfig(home, emulator), secrets: body };
    },
    module: ociModule,
  },
  {
    cloud: 'outscale',
    async start(home) {
      const emulator = await startOutscaleEmulator({ seed: 'demo' });
      return { emulator, ...outscaleDemoConfig(home, emulator), secrets: [emulator.caller.secretKey] };
    },
    module: outscaleModule,
  },
  {
    cloud: 'ionos',
    async start(home) {
      const emulator = await startIonosEmulator({ seed: 'demo' });
      return { emulator, ...ionosDemoConfig(home, emulator), secrets: [emulator.caller.password] };
    },
    module: ionosModule,
  },
];

for (const c of CLOUDS) {
  describe(`Terraform from the ${c.cloud} emulator`, () => {
    let home: string;
    let emulator: Running;
    let account: Account;
    let secrets: string[] = [];
    const users: { user: CloudUser; keys: AccessKey[] }[] = [];

    before(async () => {
      home = fs.mkdtempSync(path.join(os.tmpdir(), `ck-tf-${c.cloud}-`));
      const started = await c.start(home);
      emulator = started.emulator;
      secrets = started.secrets;
      const settings = Object.fromEntries(Object.entries(started.settings).map(([k, v]) => [k.replace(/^cloudKeys\./, ''), v]));
      const ctx: CloudContext = {
        logger: new RecordingLogger(),
        credentials: new MemoryCredentials(),
        prompts: { askPassphrase: async () => undefined },
        settings,
        env: started.env,
        homeDir: home,
        http: { timeoutMs: 5_000 },
      };
      const mod = c.module;
      const found = await mod.discoverAccounts(ctx);
      assert.equal(found.accounts.length, 1, JSON.stringify(found.problems));
      account = found.accounts[0];
      const provider = mod.createProvider(account, ctx);
      const caller = await provider.whoAmI();
      const { items } = await provider.listUsers();
      for (const user of [caller, ...items.filter((u) => u.id !== caller.id)].filter((u) => !u.placeholder)) {
        users.push({ user, keys: await provider.listKeys(user.id) });
      }
    });

    after(async () => {
      await emulator?.close();
      if (home) fs.rmSync(home, { recursive: true, force: true });
    });

    it('every user with keys: HCL that parses, follows the schema and is formatted', async () => {
      let resources = 0;
      for (const { user, keys } of users.filter((u) => u.keys.length > 0)) {
        const hcl = generateKeysTerraform(account, user, keys);
        resources += checkKeyResources(await parseHcl(hcl));
        const formatted = terraformFmt(hcl);
        if (formatted !== undefined) assert.equal(hcl, formatted);
      }
      const expected = users.flatMap((u) => u.keys).filter((k) => resourceTypeFor(c.cloud, k.kind)).length;
      assert.ok(expected > 0, 'the demo seed has no keys');
      assert.equal(resources, expected);
    });

    it('every generated resource leads the lenses back to its live key', () => {
      for (const { user, keys } of users.filter((u) => u.keys.length > 0)) {
        const lookups = keyLookups(scanTerraform(generateKeysTerraform(account, user, keys)));
        assert.equal(lookups.length, keys.length);
        for (const [i, lookup] of lookups.entries()) {
          assert.equal(lookup.userId, user.id);
          assert.deepEqual(matchKey(lookup, keys), { kind: 'found', key: keys[i] });
        }
      }
    });

    it('the account: a provider block using the same profile; no credential of the account anywhere', async () => {
      const hcl = generateAccountTerraform(account);
      assert.equal(checkProviders(await parseHcl(hcl)), 1);
      if (account.origin.kind === 'config-file') assert.ok(hcl.includes(`"${account.origin.profile}"`), hcl);
      const everything = [hcl, ...users.map(({ user, keys }) => generateKeysTerraform(account, user, keys, { rotationDays: 30 }))].join(
        '\n',
      );
      assert.ok(secrets.length > 0 && secrets.every((v) => v.length >= 8));
      for (const secret of secrets) assert.ok(!everything.includes(secret), 'a credential of the account is in the generated HCL');
    });
  });
}
