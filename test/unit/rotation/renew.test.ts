/**
 * Rotation by renewal (IONOS Object Storage access keys): the plan offers it where the cloud can
 * renew and says what it means; the engine renews the same key against the emulator, stores the new
 * secret before anything else, switches the exports to it, and never deletes or deactivates the key.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos';
import { CONTRACT_KEYS_ENTRY_ID } from '../../../src/clouds/ionos/objectStorageKeys';
import { IonosProvider } from '../../../src/clouds/ionos/provider';
import { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { applyAwsProfile, planAwsProfile } from '../../../src/operations/exports/awsProfile';
import { ExportUpdater } from '../../../src/operations/exports/exportUpdater';
import { ExportRecords, MemoryExportStorage } from '../../../src/operations/exports/records';
import { MemoryJournalStorage, planRotation, RotationEngine, RotationJournal } from '../../../src/operations/rotation';
import type { PlanInput } from '../../../src/operations/rotation/planner';
import { RENEW_INSTEAD_NOTE } from '../../../src/operations/rotation/renewPlan';
import { startIonosEmulator, type IonosEmulator } from '../../emulators/ionos';
import { basicEnv, FAST, makeContext } from '../ionos/support';
import { logger, MemoryVault, tempDir } from './support';

let emulator: IonosEmulator;

async function provider(): Promise<IonosProvider> {
  const ctx = makeContext({ env: basicEnv(emulator, { IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT: emulator.objectStorage.url }) });
  const { accounts } = await ionosModule.discoverAccounts(ctx);
  return new IonosProvider(accounts[0], ctx, FAST);
}

function plan(p: IonosProvider, keys: readonly AccessKey[], key: AccessKey, mode: 'renew' | 'replace') {
  return planRotation(planInput(p, keys, key, mode));
}

function planInput(p: IonosProvider, keys: readonly AccessKey[], key: AccessKey, mode: 'renew' | 'replace') {
  return {
    account: { id: key.accountId, label: 'ionos', cloud: 'ionos' },
    user: { id: CONTRACT_KEYS_ENTRY_ID, name: 'Object Storage access keys (contract)' },
    keys: [key],
    keysOfUser: keys,
    capabilities: (kind) => p.capabilities(kind),
    grace: { kind: 'now' },
    mode,
    now: Date.now(),
  } satisfies PlanInput;
}

before(async () => {
  emulator = await startIonosEmulator({ seed: 'test', asyncWrites: { queuedMs: 2, runningMs: 2 } });
});
after(async () => {
  assert.equal(emulator.objectStorage.contract?.violations[0], undefined);
  await emulator.close();
});
beforeEach(() => emulator.state.reset());

describe('rotation by renewal', () => {
  it('is what the plan does for a renewable key when the user chooses it, saying the old secret stops at once', async () => {
    const p = await provider();
    const keys = await p.listKeys(CONTRACT_KEYS_ENTRY_ID);
    const renew = planRotation({
      ...planInput(p, keys, keys[1], 'renew'),
      usesOf: (id) => (id === keys[1].id ? ['AWS profile "contract" in ~/.aws/credentials'] : []),
    }).items[0];
    assert.equal(renew.mode, 'renew');
    assert.equal(renew.deactivateOld, false);
    assert.ok(
      renew.notes.some((n) => /stops working at once/.test(n)),
      renew.notes.join('\n'),
    );
    assert.ok(
      renew.notes.some((n) => /Known uses of the old secret, switched by Cloud Keys: AWS profile "contract"/.test(n)),
      'the plan names the known uses',
    );
    const replace = plan(p, keys, keys[1], 'replace').items[0];
    assert.equal(replace.mode, undefined);
    assert.ok(replace.notes.includes(RENEW_INSTEAD_NOTE), 'the replace plan says renewal is the other choice');
  });

  it('renews the same key, stores the new secret first, switches the exports, and deletes nothing', async () => {
    const p = await provider();
    const keys = await p.listKeys(CONTRACT_KEYS_ENTRY_ID);
    const key = keys.find((k) => k.displayName === 'ci uploads')!;
    const log = logger();
    const vault = new MemoryVault();
    const oldSecret = new Secret(emulator.state.objectStorage.keys.get(key.resourceId!)!.secretKey);
    await vault.storeKeySecret(key, oldSecret);
    const records = new ExportRecords(new MemoryExportStorage());
    const home = tempDir();
    const target = {
      credentialsFile: path.join(home, '.aws', 'credentials'),
      configFile: path.join(home, '.aws', 'config'),
      profile: 'contract',
      region: 'eu-central-3',
      endpointUrl: 'https://s3.eu-central-3.ionoscloud.com',
    };
    applyAwsProfile(planAwsProfile(target, key.id, oldSecret));
    const stamp = new Date().toISOString();
    await records.put({
      version: 1,
      id: 'export-1',
      kind: 'aws-profile',
      accountId: key.accountId,
      cloud: 'ionos',
      userId: CONTRACT_KEYS_ENTRY_ID,
      keyKind: key.kind,
      keyId: key.id,
      ...target,
      createdAt: stamp,
      updatedAt: stamp,
    });
    const engine = new RotationEngine({
      provider: async () => p,
      vault,
      exports: new ExportUpdater(records, undefined, log),
      journal: new RotationJournal(new MemoryJournalStorage(), log),
      logger: log,
      verifyAttempts: 2,
      verifyDelayMs: 5,
    });

    const outcome = await engine.run(plan(p, keys, key, 'renew'));
    assert.equal(outcome.items[0].status, 'done', outcome.items[0].error?.message);
    assert.equal(outcome.items[0].newKeyId, key.id, 'the same key');
    const atCloud = emulator.state.objectStorage.keys.get(key.resourceId!)!;
    assert.notEqual(atCloud.secretKey, oldSecret.reveal());
    assert.equal((await vault.getKeySecret(key))?.reveal(), atCloud.secretKey, 'the new secret is stored under the same key');
    const profile = (await loadSharedConfigFiles({ filepath: target.credentialsFile, configFilepath: target.configFile })).credentialsFile
      .contract;
    assert.equal(profile.aws_access_key_id, key.id);
    assert.equal(profile.aws_secret_access_key, atCloud.secretKey, 'the export uses the new secret');
    assert.deepEqual(
      emulator.objectStorage.calls.filter((c) => !c.startsWith('GET')),
      [`PUT /accesskeys/${key.resourceId}/renew`],
      'one renewal; nothing created, deleted or changed',
    );
    assert.equal(emulator.state.objectStorage.list().length, keys.length);
  });

  it('refuses to roll back a renewal, whose old secret is gone', async () => {
    const p = await provider();
    const keys = await p.listKeys(CONTRACT_KEYS_ENTRY_ID);
    const log = logger();
    const journal = new RotationJournal(new MemoryJournalStorage(), log);
    const vault = new MemoryVault();
    const engine = new RotationEngine({
      provider: async () => p,
      vault,
      exports: {
        repoint: async () => {
          throw new Error('exports are broken');
        },
      },
      journal,
      logger: log,
      verifyAttempts: 1,
      verifyDelayMs: 1,
    });
    const outcome = await engine.run(plan(p, keys, keys[1], 'renew'));
    assert.equal(outcome.items[0].status, 'failed');
    assert.equal(outcome.items[0].step, 'update-exports');
    await assert.rejects(engine.rollback(outcome.items[0].rotationId), /was renewed: its old secret no longer exists/);
    assert.equal(emulator.state.objectStorage.keys.has(keys[1].resourceId!), true, 'the key is still there');
  });
});
