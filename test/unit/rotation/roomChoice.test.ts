// The per-user limit against the OCI emulator: nothing is deleted without the user's choice, and the
// rotated key itself, when chosen, goes first (downtime until the switch) and cannot be rolled back.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { CloudProvider } from '../../../src/clouds/provider';
import { Secret } from '../../../src/model/secret';
import { applyAwsProfile, planAwsProfile } from '../../../src/operations/exports/awsProfile';
import { ExportUpdater } from '../../../src/operations/exports/exportUpdater';
import { ExportRecords, MemoryExportStorage } from '../../../src/operations/exports/records';
import { MemoryJournalStorage, planRotation, RotationEngine, RotationJournal } from '../../../src/operations/rotation';
import { knownUses } from '../../../src/operations/rotation/knownUses';
import { logger, MemoryVault, ociFixture, tempDir, type CloudFixture } from './support';

/** The provider with a per-user limit of one key of this kind, so the seeded user is at the limit. */
function atLimit(provider: CloudProvider): CloudProvider {
  return new Proxy(provider, {
    get(target, prop) {
      if (prop === 'capabilities')
        return (kind: Parameters<CloudProvider['capabilities']>[0]) => ({ ...target.capabilities(kind), maxKeysPerUser: 1 });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('rotation at the per-user limit against the OCI emulator', () => {
  let f: CloudFixture;
  before(async () => {
    f = await ociFixture('access-key');
  });
  after(() => f.close());
  beforeEach(() => f.reset());

  it('offers only the rotated key (named with its known use) and, once chosen, deletes it first, switches the export and cannot be rolled back', async () => {
    const home = tempDir();
    const vault = new MemoryVault();
    const records = new ExportRecords(new MemoryExportStorage());
    const journal = new MemoryJournalStorage();
    const log = logger();
    await vault.storeKeySecret(
      { id: f.keyId, accountId: f.accountId, userId: f.userId, kind: f.kind, state: 'active' },
      new Secret('old-secret-0123456789abcdef'),
    );
    const target = {
      credentialsFile: path.join(home, 'credentials'),
      configFile: path.join(home, 'config'),
      profile: 'ci',
      region: 'eu-frankfurt-1',
      endpointUrl: 'https://example.test',
    };
    applyAwsProfile(planAwsProfile(target, f.keyId, new Secret('old-secret-0123456789abcdef')));
    const stamp = new Date().toISOString();
    await records.put({
      version: 1,
      id: 'e1',
      kind: 'aws-profile',
      accountId: f.accountId,
      cloud: 'oci',
      userId: f.userId,
      keyKind: f.kind,
      keyId: f.keyId,
      ...target,
      createdAt: stamp,
      updatedAt: stamp,
    });

    const provider = atLimit(await f.newProvider());
    const keysOfUser = (await provider.listKeys(f.userId)).filter((k) => k.kind === f.kind);
    const old = keysOfUser.find((k) => k.id === f.keyId)!;
    const input = {
      account: { id: f.accountId, label: 'emulated', cloud: 'oci' as const },
      user: { id: f.userId, name: f.userName },
      keys: [old],
      keysOfUser,
      capabilities: (kind: Parameters<CloudProvider['capabilities']>[0]) => provider.capabilities(kind),
      grace: { kind: 'later' as const, days: 7 },
      usesOf: knownUses((a, k) => records.ofKey(a, k), f.accountId),
      now: Date.now(),
    };
    const unchosen = planRotation(input);
    assert.equal(unchosen.items.length, 0, 'nothing is planned without a choice');
    const [candidate] = unchosen.needsRoom[0].candidates;
    assert.equal(candidate.choice, 'rotated-key');
    assert.deepEqual(candidate.uses, [`AWS profile "ci" in ${target.credentialsFile}`]);

    const plan = planRotation({ ...input, makeRoom: { [f.keyId]: f.keyId } });
    const engine = new RotationEngine({
      provider: async () => provider,
      vault,
      exports: new ExportUpdater(records, undefined, log),
      journal: new RotationJournal(journal, log),
      logger: log,
      verifyAttempts: 2,
      verifyDelayMs: 5,
    });
    const steps: string[] = [];
    const outcome = (await engine.run(plan, { onStep: (e) => e.phase !== 'started' && steps.push(`${e.step}:${e.phase}`) })).items[0];
    assert.equal(outcome.status, 'done', `ended ${outcome.status}: ${outcome.error?.message ?? ''}`);
    assert.deepEqual(steps, [
      'preflight:finished',
      'make-room:finished',
      'create:finished',
      'verify:finished',
      'update-exports:finished',
      'deactivate-old:skipped',
      'delete-old:skipped',
    ]);
    const keys = await f.keysAtCloud();
    assert.ok(!keys.some((k) => k.id === f.keyId), 'the old key is gone');
    assert.ok(
      keys.some((k) => k.id === outcome.newKeyId),
      'the new key exists',
    );
    const files = await loadSharedConfigFiles({ filepath: target.credentialsFile, configFilepath: target.configFile, ignoreCache: true });
    assert.equal(files.credentialsFile.ci?.aws_access_key_id, outcome.newKeyId, 'the export is switched to the new key');
  });

  it('refuses to roll back once the old key was deleted to make room', async () => {
    const provider = atLimit(await f.newProvider());
    const keysOfUser = (await provider.listKeys(f.userId)).filter((k) => k.kind === f.kind);
    const old = keysOfUser.find((k) => k.id === f.keyId)!;
    const plan = planRotation({
      account: { id: f.accountId, label: 'emulated', cloud: 'oci' },
      user: { id: f.userId, name: f.userName },
      keys: [old],
      keysOfUser,
      capabilities: (kind) => provider.capabilities(kind),
      grace: { kind: 'now' },
      makeRoom: { [f.keyId]: f.keyId },
      now: Date.now(),
    });
    const log = logger();
    const failing = new Proxy(provider, {
      get(target, prop) {
        if (prop === 'createKey') return () => Promise.reject(new Error('Injected: creation refused'));
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const engine = new RotationEngine({
      provider: async () => failing,
      vault: new MemoryVault(),
      exports: { repoint: async () => [] },
      journal: new RotationJournal(new MemoryJournalStorage(), log),
      logger: log,
    });
    const outcome = (await engine.run(plan)).items[0];
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.step, 'create');
    await assert.rejects(engine.rollback(outcome.rotationId), /already deleted; this rotation can only be finished/);
  });
});
