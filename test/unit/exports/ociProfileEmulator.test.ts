/**
 * The OCI profile export against the OCI emulator: a profile Cloud Keys writes is loaded by the OCI
 * SDK's own config-file provider and signs requests the emulator accepts, before and after a rotation.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as common from 'oci-common';
import { IdentityClient } from 'oci-identity';
import { discoverOciAccounts } from '../../../src/clouds/oci/discovery';
import { generateRsaKeyPair } from '../../../src/clouds/oci/publicKey';
import type { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { ExportUpdater } from '../../../src/operations/exports/exportUpdater';
import { applyOciProfile, planOciProfile, profileEntry, profileFingerprint } from '../../../src/operations/exports/ociConfigProfile';
import { ExportRecords, MemoryExportStorage } from '../../../src/operations/exports/records';
import { describePlan, MemoryJournalStorage, planRotation, RotationEngine, RotationJournal } from '../../../src/operations/rotation';
import { type RunningOciEmulator } from '../../emulators/oci';
import { RecordingLogger } from '../../support/testDoubles';
import { providerFor, useOciEmulator, userId } from '../oci/harness';
import { MemoryVault } from '../rotation/support';
import * as ociProfileModule from '../../../src/operations/exports/ociProfileModule';

/** Reads `user` through the OCI SDK, signed by the key that `profile` of `configFile` names; the HTTP status on refusal. */
async function sdkGetUser(
  configFile: string,
  profile: string,
  endpoint: string,
  user: string,
): Promise<{ name?: string; status?: number }> {
  // The SDK announces a missing [DEFAULT] and each refused request on the console; the result says it all.
  const saved = { info: console.info, log: console.log, warn: console.warn };
  console.info = console.log = console.warn = () => undefined;
  try {
    const auth = new common.ConfigFileAuthenticationDetailsProvider(configFile, profile);
    const client = new IdentityClient(
      { authenticationDetailsProvider: auth },
      {
        retryConfiguration: common.NoRetryConfigurationDetails,
        circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
      },
    );
    client.endpoint = endpoint;
    try {
      return { name: (await client.getUser({ userId: user })).user.name };
    } catch (error) {
      return { status: (error as { statusCode?: number }).statusCode ?? -1 };
    } finally {
      client.close();
    }
  } finally {
    Object.assign(console, saved);
  }
}

describe('OCI profile export, loaded and signed by the OCI SDK against the emulator', () => {
  let emulator: RunningOciEmulator;
  useOciEmulator((started) => {
    emulator = started;
  });

  async function generatedKeyProfile() {
    const setup = await providerFor(emulator, {}, { profile: 'admin' });
    const owner = userId(emulator, 'ck-plain');
    const created = await setup.provider.createKey(owner, 'api-signing-key', { keyBits: 2048 });
    assert.ok(created.secret && created.key.fingerprint);
    const configFile = path.join(setup.home, '.oci', 'config');
    const keyFile = path.join(setup.home, '.oci', 'ck-plain.pem');
    const plan = planOciProfile({
      configFile,
      profile: 'ck-plain',
      keyFile,
      entries: {
        user: owner,
        fingerprint: created.key.fingerprint,
        tenancy: setup.account.details!.tenancy,
        region: setup.account.region!,
      },
      signsWith: { configFile, profile: 'admin' },
    });
    await applyOciProfile(plan, created.secret);
    return { ...setup, owner, created: created as { key: AccessKey; secret: Secret }, configFile, keyFile };
  }

  it('writes a profile the SDK loads and signs with, which the emulator accepts; a wrong key is refused', async () => {
    const { owner, configFile, keyFile, ctx } = await generatedKeyProfile();
    assert.deepEqual(await sdkGetUser(configFile, 'ck-plain', emulator.url, owner), { name: 'ck-plain' });

    // The control: the same profile with another private key is refused, so the check above means something.
    const wrongKey = path.join(path.dirname(keyFile), 'wrong.pem');
    fs.writeFileSync(wrongKey, generateRsaKeyPair(2048).privateKey.reveal(), { mode: 0o600 });
    fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace(`key_file=${keyFile}`, `key_file=${wrongKey}`));
    assert.equal((await sdkGetUser(configFile, 'ck-plain', emulator.url, owner)).status, 401);

    // Cloud Keys' own discovery reads the new profile as an account of its own.
    const { accounts } = await discoverOciAccounts(ctx);
    assert.deepEqual(accounts.map((a) => a.label).sort(), ['admin', 'ck-plain']);
  });

  it('rotation switches the profile to the new key: the SDK signs with it, the old key file stays, the old key is gone', async () => {
    const { provider, account, owner, created, configFile, keyFile } = await generatedKeyProfile();
    const vault = new MemoryVault();
    await vault.storeKeySecret(created.key, created.secret);
    const records = new ExportRecords(new MemoryExportStorage());
    const stamp = new Date().toISOString();
    await records.put({
      version: 1,
      id: 'oci-profile',
      kind: 'oci-config',
      accountId: account.id,
      cloud: 'oci',
      userId: owner,
      keyKind: 'api-signing-key',
      keyId: created.key.id,
      file: configFile,
      profile: 'ck-plain',
      keyFile,
      createdAt: stamp,
      updatedAt: stamp,
    });
    const log = new RecordingLogger('raw');
    const keysOfUser = await provider.listKeys(owner);
    const plan = planRotation({
      account: { id: account.id, label: account.label, cloud: 'oci' },
      user: { id: owner, name: 'ck-plain' },
      keys: [keysOfUser.find((k) => k.id === created.key.id)!],
      keysOfUser,
      capabilities: (kind) => provider.capabilities(kind),
      grace: { kind: 'now' },
      now: Date.now(),
    });
    assert.match(
      describePlan(plan).join('\n'),
      /OCI config profiles Cloud Keys wrote for the old key get the new fingerprint and a new private key file/,
    );
    const engine = new RotationEngine({
      provider: async () => provider,
      vault,
      exports: new ExportUpdater(records, undefined, log, Date.now, () => ociProfileModule),
      journal: new RotationJournal(new MemoryJournalStorage(), log),
      logger: log,
      verifyAttempts: 2,
      verifyDelayMs: 5,
    });
    const [outcome] = (await engine.run(plan)).items;
    assert.equal(outcome.status, 'done', `${outcome.step ?? ''} ${outcome.error?.message ?? ''}`);
    assert.equal(outcome.exportsUpdated, 1);

    const newFingerprint = outcome.newKeyId!;
    assert.equal(profileFingerprint(configFile, 'ck-plain'), newFingerprint);
    const newKeyFile = profileEntry(configFile, 'ck-plain', 'key_file')!;
    assert.equal(path.dirname(newKeyFile), path.dirname(keyFile), 'the new key file sits next to the old one');
    assert.notEqual(newKeyFile, keyFile);
    assert.equal(fs.statSync(newKeyFile).mode & 0o777, 0o600);
    const newSecret = await vault.getKeySecret({ accountId: account.id, kind: 'api-signing-key', id: newFingerprint });
    assert.equal(fs.readFileSync(newKeyFile, 'utf8'), newSecret?.reveal());
    assert.equal(fs.readFileSync(keyFile, 'utf8'), created.secret.reveal(), 'the old key file is left in place');
    assert.deepEqual(
      await sdkGetUser(configFile, 'ck-plain', emulator.url, owner),
      { name: 'ck-plain' },
      'the SDK signs with the rotated profile',
    );
    assert.ok(!(await provider.listKeys(owner)).some((k) => k.id === created.key.id), 'the old key is deleted');

    // The old key file now signs nothing: a profile naming it is refused.
    fs.appendFileSync(
      configFile,
      `\n[old]\nuser=${owner}\nfingerprint=${created.key.id}\ntenancy=${account.details!.tenancy}\nregion=${account.region!}\nkey_file=${keyFile}\n`,
    );
    assert.equal((await sdkGetUser(configFile, 'old', emulator.url, owner)).status, 401);

    const [record] = records.all();
    assert.equal(record.keyId, newFingerprint);
    assert.equal(record.kind === 'oci-config' ? record.keyFile : '', newKeyFile);
    for (const pem of [created.secret.reveal(), newSecret!.reveal()]) {
      const line = pem.split('\n')[1];
      assert.ok(!log.lines.some((l) => l.includes(line)), 'no private key reaches the log');
      assert.ok(!JSON.stringify(records.all()).includes(line), 'no private key reaches the records');
    }
  });
});
