import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { CloudProvider } from '../../../src/clouds/provider';
import { CloudError } from '../../../src/model/cloudError';
import { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { CreateJournal, MemoryCreateJournalStorage } from '../../../src/operations/createJournal';
import { recoverInterruptedCreates } from '../../../src/operations/createRecovery';
import { SecretNotStoredError } from '../../../src/operations/keyOperations';
import { applyAwsProfile, planAwsProfile } from '../../../src/operations/exports/awsProfile';
import { ExportUpdater } from '../../../src/operations/exports/exportUpdater';
import { ExportRecords, MemoryExportStorage } from '../../../src/operations/exports/records';
import {
  MemoryJournalStorage,
  planRotation,
  RotationEngine,
  RotationJournal,
  type ExportRepointer,
  type KeyRotationOutcome,
  type RotationStep,
} from '../../../src/operations/rotation';
import {
  failingOnce,
  ionosFixture,
  logger,
  MemoryVault,
  ociFixture,
  outscaleFixture,
  serverError,
  tempDir,
  timeoutError,
  type CloudFixture,
  type FailingMethod,
} from './support';

const OLD_SECRET = 'old-secret-value-0123456789abcdefghij';

/** What survives a process: the journal, SecretStorage, the export records and the files. */
interface World {
  readonly journal: MemoryJournalStorage;
  readonly vault: MemoryVault;
  readonly records: ExportRecords;
  readonly home: string;
  readonly log: ReturnType<typeof logger>;
  /** Every guard violation seen by any provider of this world. */
  readonly violations: string[];
}

async function newWorld(f: CloudFixture): Promise<World> {
  const world: World = {
    journal: new MemoryJournalStorage(),
    vault: new MemoryVault(),
    records: new ExportRecords(new MemoryExportStorage()),
    home: tempDir(),
    log: logger(),
    violations: [],
  };
  await world.vault.storeKeySecret(
    { id: f.keyId, accountId: f.accountId, userId: f.userId, kind: f.kind, state: 'active' },
    new Secret(OLD_SECRET),
  );
  if (f.kind !== 'access-key') return world;
  // An AWS profile exported from the old key, as the Export command leaves it.
  const target = {
    credentialsFile: path.join(world.home, '.aws', 'credentials'),
    configFile: path.join(world.home, '.aws', 'config'),
    profile: 'rotating',
    region: 'eu-test-1',
    endpointUrl: 'https://s3.example.test',
  };
  applyAwsProfile(planAwsProfile(target, f.keyId, new Secret(OLD_SECRET)));
  const stamp = new Date().toISOString();
  await world.records.put({
    version: 1,
    id: 'export-1',
    kind: 'aws-profile',
    accountId: f.accountId,
    cloud: f.cloud,
    userId: f.userId,
    keyKind: f.kind,
    keyId: f.keyId,
    ...target,
    createdAt: stamp,
    updatedAt: stamp,
  });
  return world;
}

/**
 * The real provider, watched: the old key may only be deactivated or deleted once the journal says
 * the new key is verified and its secret is in the vault; no creation may exceed the per-user limit.
 */
function guarded(f: CloudFixture, world: World, provider: CloudProvider): CloudProvider {
  const check = async (what: string, key: AccessKey) => {
    if (key.id !== f.keyId) return;
    const entry = new RotationJournal(world.journal).entries().find((e) => e.oldKey.id === f.keyId);
    if (!entry?.newKey || !entry.completed.includes('verify'))
      world.violations.push(`${what} of the old key before the new one was verified`);
    else if (!(await world.vault.getKeySecret({ accountId: f.accountId, kind: f.kind, id: entry.newKey.id })))
      world.violations.push(`${what} of the old key before the new secret was stored`);
  };
  return new Proxy(provider, {
    get(target, prop) {
      if (prop === 'deleteKey')
        return async (key: AccessKey, signal?: AbortSignal) => (await check('deletion', key), target.deleteKey(key, signal));
      if (prop === 'updateKey')
        return async (key: AccessKey, change: { state?: 'active' | 'inactive' }, signal?: AbortSignal) => {
          if (change.state === 'inactive') await check('deactivation', key);
          return target.updateKey(key, change, signal);
        };
      if (prop === 'createKey')
        return async (...args: Parameters<CloudProvider['createKey']>) => {
          const created = await target.createKey(...args);
          const count = (await target.listKeys(f.userId)).filter((k) => k.kind === f.kind).length;
          if (count > target.capabilities(f.kind).maxKeysPerUser) world.violations.push(`${count} keys exceed the limit`);
          return created;
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function engineFor(
  f: CloudFixture,
  world: World,
  provider: CloudProvider,
  exports?: ExportRepointer,
  now?: () => number,
  createJournal?: CreateJournal,
): RotationEngine {
  return new RotationEngine({
    provider: async () => guarded(f, world, provider),
    vault: world.vault,
    exports: exports ?? new ExportUpdater(world.records, undefined, world.log),
    journal: new RotationJournal(world.journal, world.log),
    ...(createJournal ? { createJournal } : {}),
    logger: world.log,
    verifyAttempts: 2,
    verifyDelayMs: 5,
    now,
  });
}

async function planFor(
  f: CloudFixture,
  provider: CloudProvider,
  grace: { kind: 'now' } | { kind: 'later'; days: number } = { kind: 'now' },
) {
  const keysOfUser = await provider.listKeys(f.userId);
  const old = keysOfUser.find((k) => k.id === f.keyId)!;
  return planRotation({
    account: { id: f.accountId, label: 'emulated', cloud: f.cloud },
    user: { id: f.userId, name: f.userName },
    keys: [old],
    keysOfUser,
    capabilities: (kind) => provider.capabilities(kind),
    grace,
    outscaleExpiryDays: 30,
    now: Date.now(),
  });
}

function profile(world: World) {
  return loadSharedConfigFiles({
    filepath: path.join(world.home, '.aws', 'credentials'),
    configFilepath: path.join(world.home, '.aws', 'config'),
    ignoreCache: true,
  });
}

/** The end state of a finished rotation: new key works and is stored, export switched, old key and its secret gone, nothing left in the journal. */
async function assertRotated(f: CloudFixture, world: World, outcome: KeyRotationOutcome): Promise<void> {
  assert.equal(outcome.status, 'done', `rotation ended ${outcome.status}: ${outcome.error?.message ?? ''}`);
  const keys = await f.keysAtCloud();
  assert.ok(!keys.some((k) => k.id === f.keyId), 'the old key is gone');
  const fresh = keys.find((k) => k.id === outcome.newKeyId);
  assert.ok(fresh, 'the new key exists');
  const secret = await world.vault.getKeySecret(fresh);
  assert.ok(secret, 'the new secret is in the vault');
  assert.equal(await (await f.newProvider()).verifyKey(fresh, secret), true, 'the stored secret works with the cloud');
  assert.equal(
    await world.vault.getKeySecret({ accountId: f.accountId, kind: f.kind, id: f.keyId }),
    undefined,
    "the old key's secret is forgotten",
  );
  const files = await profile(world);
  if (f.kind === 'access-key') {
    assert.equal(files.credentialsFile.rotating?.aws_access_key_id, fresh.id, 'the AWS profile holds the new key id');
    assert.equal(files.credentialsFile.rotating?.aws_secret_access_key, secret.reveal(), 'the AWS profile holds the new secret');
  }
  assert.deepEqual(new RotationJournal(world.journal).entries(), [], 'the journal is empty');
  assert.deepEqual(world.violations, []);
  assertNoSecretLeaked(world);
}

async function assertRolledBack(f: CloudFixture, world: World, keysBefore: readonly AccessKey[]): Promise<void> {
  const keys = await f.keysAtCloud();
  const old = keys.find((k) => k.id === f.keyId);
  assert.ok(old, 'the old key still exists');
  assert.equal(old.state, 'active', 'the old key is active again');
  assert.deepEqual(keys.map((k) => k.id).sort(), keysBefore.map((k) => k.id).sort(), 'only the keys of before remain');
  if (f.kind === 'access-key') {
    const files = await profile(world);
    assert.equal(files.credentialsFile.rotating?.aws_access_key_id, f.keyId, 'the AWS profile holds the old key again');
    assert.equal(files.credentialsFile.rotating?.aws_secret_access_key, OLD_SECRET);
  }
  assert.deepEqual(new RotationJournal(world.journal).entries(), [], 'the journal is empty');
  assert.deepEqual(world.violations, []);
  assertNoSecretLeaked(world);
}

function assertNoSecretLeaked(world: World): void {
  const journalText = JSON.stringify(world.journal.read() ?? []);
  const recordsText = JSON.stringify(world.records.all());
  for (const secret of [...world.vault.revealed(), OLD_SECRET]) {
    if (journalText.includes(secret)) assert.fail('a secret reached the journal');
    if (recordsText.includes(secret)) assert.fail('a secret reached the export records');
    if (world.log.lines.some((line) => line.includes(secret))) assert.fail('a secret reached the log');
  }
}

/** After a failure: the old key is intact unless the failure came after verification, and every key the rotation created has its secret stored. */
async function assertSafeAfterFailure(
  f: CloudFixture,
  world: World,
  outcome: KeyRotationOutcome,
  keysBefore: readonly AccessKey[],
): Promise<void> {
  const keys = await f.keysAtCloud();
  const limit = (await f.newProvider()).capabilities(f.kind).maxKeysPerUser;
  assert.ok(keys.filter((k) => k.kind === f.kind).length <= limit, 'the per-user limit holds');
  const entry = new RotationJournal(world.journal).get(outcome.rotationId);
  assert.ok(entry, 'the journal keeps the unfinished rotation');
  assert.ok(entry.status === 'failed' || entry.status === 'cancelled');
  if (!entry.completed.includes('verify')) {
    const old = keys.find((k) => k.id === f.keyId);
    assert.ok(old && old.state === 'active', 'before verification the old key is untouched');
  }
  for (const key of keys) {
    if (keysBefore.some((k) => k.id === key.id)) continue;
    if (outcome.error instanceof SecretNotStoredError && outcome.error.created.key.id === key.id) continue; // shown to the user once instead
    assert.ok(await world.vault.getKeySecret(key), `new key ${key.id} has its secret stored`);
  }
  assert.deepEqual(world.violations, []);
}

interface Injection {
  readonly name: string;
  readonly step: RotationStep;
  readonly method?: FailingMethod;
  readonly error?: () => Error;
  readonly skip?: number;
  readonly vault?: boolean;
  readonly exports?: boolean;
  readonly onlyIf?: (f: CloudFixture, p: CloudProvider) => boolean;
}

const INJECTIONS: readonly Injection[] = [
  { name: 'the credentials check fails (cloud error)', step: 'preflight', method: 'listKeys', error: serverError },
  { name: 'the create call fails (cloud error)', step: 'create', method: 'createKey', error: serverError },
  { name: 'the create call times out', step: 'create', method: 'createKey', error: timeoutError },
  { name: 'secret storage refuses the new secret', step: 'create', vault: true },
  {
    name: 'verification is refused',
    step: 'verify',
    method: 'verifyKey',
    error: () => new CloudError('forbidden', 'Injected: not authorized'),
  },
  { name: 'updating the exports fails', step: 'update-exports', exports: true },
  {
    name: 'deactivating the old key fails',
    step: 'deactivate-old',
    method: 'updateKey',
    error: serverError,
    onlyIf: (f, p) => p.capabilities(f.kind).canDeactivate,
  },
  { name: 'deleting the old key times out', step: 'delete-old', method: 'deleteKey', error: timeoutError },
];

const FIXTURES: readonly [string, () => Promise<CloudFixture>][] = [
  ['OUTSCALE access keys', outscaleFixture],
  ['OCI customer secret keys', () => ociFixture('access-key')],
  ['OCI API signing keys', () => ociFixture('api-signing-key')],
  ['IONOS S3 keys', ionosFixture],
];

for (const [label, start] of FIXTURES) {
  describe(`rotation of ${label} against the emulator`, () => {
    let f: CloudFixture;
    before(async () => {
      f = await start();
    });
    after(() => f.close());
    beforeEach(() => f.reset());

    it('rotates a key: new secret stored and verified, the AWS profile switched, the old key deleted', async () => {
      const world = await newWorld(f);
      const provider = await f.newProvider();
      const plan = await planFor(f, provider);
      const steps: string[] = [];
      const outcome = await engineFor(f, world, provider).run(plan, { onStep: (e) => steps.push(`${e.step}:${e.phase}`) });
      await assertRotated(f, world, outcome.items[0]);
      assert.deepEqual(
        steps.filter((s) => s.endsWith(':started')).map((s) => s.split(':')[0]),
        ['preflight', 'make-room', 'create', 'verify', 'update-exports', 'deactivate-old', 'delete-old'],
      );
    });

    for (const injection of INJECTIONS) {
      for (const finish of ['resume', 'rollback'] as const) {
        if (finish === 'rollback' && injection.step === 'delete-old') continue;
        it(`${injection.name} at ${injection.step}: nothing is lost, and ${finish} finishes cleanly`, async (t) => {
          const world = await newWorld(f);
          const real = await f.newProvider();
          if (injection.onlyIf && !injection.onlyIf(f, real)) return t.skip('this cloud has no such step');
          const keysBefore = await f.keysAtCloud();
          const provider = injection.method ? failingOnce(real, injection.method, injection.error!, { skip: injection.skip }) : real;
          if (injection.vault) world.vault.failStores = 1;
          const exports: ExportRepointer | undefined = injection.exports
            ? { repoint: async () => Promise.reject(new Error('Injected: the credentials file is locked')) }
            : undefined;
          const outcome = (await engineFor(f, world, provider, exports).run(await planFor(f, real))).items[0];
          assert.equal(outcome.status, 'failed');
          assert.equal(outcome.step, injection.step);
          await assertSafeAfterFailure(f, world, outcome, keysBefore);
          if (injection.vault)
            assert.ok(
              outcome.error instanceof SecretNotStoredError && outcome.error.created.secret.length > 0,
              'the unstored secret is handed back to be shown once',
            );

          // A new process: a fresh provider and engine over the same journal, vault and files.
          const again = engineFor(f, world, await f.newProvider());
          if (finish === 'resume' && !injection.vault) {
            await assertRotated(f, world, await again.resume(outcome.rotationId));
          } else {
            await again.rollback(outcome.rotationId);
            await assertRolledBack(f, world, keysBefore);
          }
        });
      }
    }

    for (const stopAfter of ['preflight', 'create', 'verify', 'update-exports', 'deactivate-old'] as const) {
      it(`the process stops after ${stopAfter}; a new one resumes from the journal`, async () => {
        const world = await newWorld(f);
        const provider = await f.newProvider();
        const abort = new AbortController();
        const first = await engineFor(f, world, provider).run(await planFor(f, provider), {
          signal: abort.signal,
          onStep: (e) => {
            if (e.step === stopAfter && e.phase !== 'started') abort.abort();
          },
        });
        assert.equal(first.items[0].status, 'cancelled');
        const entry = new RotationJournal(world.journal).get(first.items[0].rotationId);
        assert.ok(entry?.completed.includes(stopAfter), `the journal records ${stopAfter} as done`);
        assert.deepEqual(world.violations, []);
        await assertRotated(f, world, await engineFor(f, world, await f.newProvider()).resume(first.items[0].rotationId));
      });
    }

    it('keeps the old key through a grace period, then deletes it when due', async () => {
      const world = await newWorld(f);
      const provider = await f.newProvider();
      let clock = Date.now();
      const outcome = (
        await engineFor(f, world, provider, undefined, () => clock).run(await planFor(f, provider, { kind: 'later', days: 7 }))
      ).items[0];
      assert.equal(outcome.status, 'waiting-delete');
      const old = (await f.keysAtCloud()).find((k) => k.id === f.keyId);
      assert.ok(old, 'the old key is kept during the grace period');
      assert.equal(old.state, provider.capabilities(f.kind).canDeactivate ? 'inactive' : 'active');
      const later = engineFor(f, world, await f.newProvider(), undefined, () => clock);
      assert.deepEqual(later.due(), []);
      clock += 8 * 86_400_000;
      assert.equal(later.due().length, 1, 'the rotation is due after the grace period');
      await assertRotated(f, world, await later.resume(outcome.rotationId));
    });

    it('a create call whose answer is lost: resume adopts the key when its secret can be read again, or leaves it alone', async () => {
      const world = await newWorld(f);
      const real = await f.newProvider();
      const keysBefore = await f.keysAtCloud();
      const outcome = (
        await engineFor(f, world, failingOnce(real, 'createKey', timeoutError, { afterCall: true })).run(await planFor(f, real))
      ).items[0];
      assert.equal(outcome.status, 'failed');
      const stray = (await f.keysAtCloud()).find((k) => !keysBefore.some((b) => b.id === k.id));
      assert.ok(stray, 'the cloud did create a key');
      const resumed = await engineFor(f, world, await f.newProvider()).resume(outcome.rotationId);
      if (real.capabilities(f.kind).secretReadableLater) {
        assert.equal(resumed.newKeyId, stray.id, 'the key whose secret the cloud can show again is adopted');
        await assertRotated(f, world, resumed);
      } else if (resumed.status === 'failed') {
        // At the limit because of the stray: the engine says so instead of exceeding it.
        assert.equal((resumed.error as CloudError).code, 'quota');
        await real.deleteKey(stray);
        await assertRotated(f, world, await engineFor(f, world, await f.newProvider()).resume(outcome.rotationId));
      } else {
        await assertRotated(f, world, resumed);
        assert.ok(
          (await f.keysAtCloud()).some((k) => k.id === stray.id),
          'a key nothing proves to be ours is left alone',
        );
        assert.ok(world.log.lines.some((line) => line.includes(stray.id) && line.includes('left alone')));
      }
    });

    it('a create call whose answer is lost is recorded for recovery: after it, only the keys the user asked for remain', async () => {
      const world = await newWorld(f);
      const real = await f.newProvider();
      const kindIds = async () =>
        (await f.keysAtCloud())
          .filter((k) => k.kind === f.kind)
          .map((k) => k.id)
          .sort();
      const idsBefore = await kindIds();
      const storage = new MemoryCreateJournalStorage();
      const createJournal = new CreateJournal(storage, world.log);
      const outcome = (
        await engineFor(
          f,
          world,
          failingOnce(real, 'createKey', timeoutError, { afterCall: true }),
          undefined,
          undefined,
          createJournal,
        ).run(await planFor(f, real))
      ).items[0];
      assert.equal(outcome.status, 'failed');
      assert.equal(createJournal.records().length, 1, 'the create whose answer was lost is in the create journal');

      // The next start: recovery asks about the key nobody holds a secret for, and the user deletes it.
      const asked: string[] = [];
      const report = await recoverInterruptedCreates({
        journal: createJournal,
        providerFor: () => f.newProvider(),
        vault: {
          hasKeySecret: async (key) => (await world.vault.getKeySecret(key)) !== undefined,
          storeKeySecret: (key, _cloud, secret) => world.vault.storeKeySecret(key, secret),
        },
        askDelete: async (orphans) => {
          asked.push(...orphans.map((o) => o.key.id));
          return 'delete';
        },
      });
      assert.deepEqual(report.failures, []);
      if (real.capabilities(f.kind).secretReadableLater)
        assert.deepEqual(asked, [], 'a secret the cloud shows again is stored, not asked about');
      else assert.equal(report.deleted.length, 1, 'the stray key is deleted on request');

      const resumed = await engineFor(f, world, await f.newProvider(), undefined, undefined, createJournal).resume(outcome.rotationId);
      await assertRotated(f, world, resumed);
      assert.deepEqual(createJournal.records(), [], 'nothing is left to recover');
      const expected = [...idsBefore.filter((id) => id !== f.keyId), resumed.newKeyId!].sort();
      assert.deepEqual(await kindIds(), expected, 'no extra key is left: the old one replaced by exactly one new one');
    });

    it('secret storage and then the journal both failing after the create: the new secret still reaches the caller', async () => {
      const world = await newWorld(f);
      const provider = await f.newProvider();
      const plan = await planFor(f, provider);
      world.vault.failStores = 1;
      // The journal's disk refuses the write that would name the new key.
      const write = world.journal.write.bind(world.journal);
      world.journal.write = async (value) => {
        if (value.some((e) => e.newKey)) throw new Error('disk full');
        return write(value);
      };
      const outcome = (await engineFor(f, world, provider).run(plan)).items[0];
      assert.equal(outcome.status, 'failed');
      assert.ok(outcome.error instanceof SecretNotStoredError, `the caller gets the secret to show once, not ${String(outcome.error)}`);
      assert.ok(outcome.error.created.secret.length > 0);
      assert.ok((await f.keysAtCloud()).some((k) => k.id === (outcome.error as SecretNotStoredError).created.key.id));
      await (await f.newProvider()).deleteKey((outcome.error as SecretNotStoredError).created.key);
    });

    it('fails with a clear error when the emulator refuses key creation, and resumes once it recovers', async () => {
      const world = await newWorld(f);
      const provider = await f.newProvider();
      f.addFault({ route: f.createRoute, kind: 'status', status: 503, times: 10 });
      const outcome = (await engineFor(f, world, provider).run(await planFor(f, provider))).items[0];
      assert.equal(outcome.status, 'failed');
      assert.equal(outcome.step, 'create');
      assert.ok(outcome.error instanceof CloudError, 'the failure is a CloudError');
      f.clearFaults();
      await assertRotated(f, world, await engineFor(f, world, await f.newProvider()).resume(outcome.rotationId));
    });
  });
}
