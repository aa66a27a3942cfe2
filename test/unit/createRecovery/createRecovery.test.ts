/**
 * A key creation interrupted between the cloud call and SecretStorage (the extension host died), simulated
 * against the emulators: the intent is recorded, the key is created through the provider directly and
 * its secret is not stored; recovery then runs as it would at the next start.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CloudError } from '../../../src/model/cloudError';
import type { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { CreateJournal, MemoryCreateJournalStorage, type CreateIntent } from '../../../src/operations/createJournal';
import { recoverInterruptedCreates, type Orphan, type RecoveryVault } from '../../../src/operations/createRecovery';
import { createKeyStoringSecret } from '../../../src/operations/keyOperations';
import { failingOnce, ionosFixture, logger, MemoryVault, ociFixture, outscaleFixture, type CloudFixture } from '../rotation/support';

function vaultOver(memory: MemoryVault): RecoveryVault & { stored(key: AccessKey): Promise<Secret | undefined> } {
  return {
    hasKeySecret: async (key) => (await memory.getKeySecret(key)) !== undefined,
    storeKeySecret: (key, _cloud, secret) => memory.storeKeySecret(key, secret),
    stored: (key) => memory.getKeySecret(key),
  };
}

const sink = (memory: MemoryVault) => ({
  storeKeySecret: (k: AccessKey, s: Secret) => memory.storeKeySecret(k, s),
  deleteKeySecret: (k: AccessKey) => memory.deleteKeySecret(k),
});

interface Crash {
  readonly journal: CreateJournal;
  readonly storage: MemoryCreateJournalStorage;
  readonly created: AccessKey;
  readonly createdSecret?: Secret;
  readonly keysBefore: AccessKey[];
}

/** Records the intent, creates the key at the cloud, and "dies" before storing its secret. */
async function crashMidCreate(fx: CloudFixture, journalNow?: () => number): Promise<Crash> {
  const storage = new MemoryCreateJournalStorage();
  const journal = new CreateJournal(storage, logger(), journalNow);
  const provider = await fx.newProvider();
  const keysBefore = await provider.listKeys(fx.userId);
  await journal.begin({
    accountId: fx.accountId,
    cloud: fx.cloud,
    userId: fx.userId,
    kind: fx.kind,
    keysBefore: keysBefore.filter((k) => k.kind === fx.kind).map((k) => k.id),
  });
  const { key, secret } = await provider.createKey(fx.userId, fx.kind, fx.cloud === 'ionos' ? {} : { displayName: 'crash-test' });
  return { journal, storage, created: key, createdSecret: secret, keysBefore };
}

async function recover(fx: CloudFixture, crash: Crash, vault: RecoveryVault, answer: 'delete' | 'keep' | undefined) {
  const asked: Orphan[][] = [];
  // A new provider stands for the restarted extension host.
  const provider = await fx.newProvider();
  const report = await recoverInterruptedCreates({
    journal: crash.journal,
    providerFor: async (intent) => (intent.accountId === fx.accountId ? provider : undefined),
    vault,
    askDelete: async (orphans) => {
      asked.push([...orphans]);
      return answer;
    },
  });
  return { report, asked };
}

const ids = (keys: readonly AccessKey[]) => keys.map((k) => k.id).sort();

const SHOWN_ONCE: [string, () => Promise<CloudFixture>][] = [
  ['OUTSCALE access key', outscaleFixture],
  ['OCI customer secret key', () => ociFixture('access-key')],
  ['OCI API signing key generated here', () => ociFixture('api-signing-key')],
];

for (const [label, make] of SHOWN_ONCE) {
  describe(`a create interrupted by a crash: ${label} (secret shown only once)`, () => {
    let fx: CloudFixture;
    before(async () => {
      fx = await make();
    });
    after(() => fx.close());
    beforeEach(() => fx.reset());

    test('on "delete" the orphan key is deleted, every older key stays, and the record is cleared', async () => {
      const crash = await crashMidCreate(fx);
      assert.ok(ids(await fx.keysAtCloud()).includes(crash.created.id), 'the emulator holds the key the crash left behind');
      const { report, asked } = await recover(fx, crash, vaultOver(new MemoryVault()), 'delete');
      assert.equal(asked.length, 1, 'asked exactly once');
      assert.deepEqual(
        asked[0].map((o) => o.key.id),
        [crash.created.id],
      );
      assert.deepEqual(report.deleted, [crash.created.id]);
      assert.deepEqual(ids(await fx.keysAtCloud()), ids(crash.keysBefore), 'only the orphan is gone');
      assert.deepEqual(crash.journal.records(), []);
    });

    test('on "keep" the key stays and the record is cleared; without an answer both stay', async () => {
      const crash = await crashMidCreate(fx);
      const kept = await recover(fx, crash, vaultOver(new MemoryVault()), undefined);
      assert.deepEqual(kept.report.unanswered, [crash.created.id]);
      assert.equal(crash.journal.records().length, 1, 'no answer: asked again at the next start');
      assert.ok(ids(await fx.keysAtCloud()).includes(crash.created.id));

      const again = await recover(fx, crash, vaultOver(new MemoryVault()), 'keep');
      assert.deepEqual(again.report.kept, [crash.created.id]);
      assert.ok(ids(await fx.keysAtCloud()).includes(crash.created.id), 'a kept key is never deleted');
      assert.deepEqual(crash.journal.records(), []);
    });

    test('a key created before the recorded start is never touched, even with "delete"', async () => {
      // The record says the create began 10 minutes from now: the key just created predates it.
      const crash = await crashMidCreate(fx, () => Date.now() + 10 * 60_000);
      const { report, asked } = await recover(fx, crash, vaultOver(new MemoryVault()), 'delete');
      assert.equal(asked.length, 0, 'nothing to ask about');
      assert.deepEqual(report.deleted, []);
      assert.ok(ids(await fx.keysAtCloud()).includes(crash.created.id));
      assert.deepEqual(crash.journal.records(), [], 'a record with nothing to recover is cleared');
    });

    test('a key whose secret is stored is not an orphan', async () => {
      const crash = await crashMidCreate(fx);
      const memory = new MemoryVault();
      assert.ok(crash.createdSecret, 'the cloud (or the local key generator) returned a secret');
      await memory.storeKeySecret(crash.created, crash.createdSecret);
      const { asked } = await recover(fx, crash, vaultOver(memory), 'delete');
      assert.equal(asked.length, 0);
      assert.ok(ids(await fx.keysAtCloud()).includes(crash.created.id));
    });
  });
}

describe('a create interrupted by a crash, secret readable later (IONOS)', () => {
  let fx: CloudFixture;
  before(async () => {
    fx = await ionosFixture();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  test('the secret is read back and stored without asking, the key stays, the record is cleared', async () => {
    const crash = await crashMidCreate(fx);
    assert.ok(crash.createdSecret);
    const vault = vaultOver(new MemoryVault());
    const { report, asked } = await recover(fx, crash, vault, 'delete');
    assert.equal(asked.length, 0, 'never asked');
    assert.deepEqual(report.secretsStored, [crash.created.id]);
    assert.equal((await vault.stored(crash.created))?.reveal(), crash.createdSecret.reveal());
    assert.ok(ids(await fx.keysAtCloud()).includes(crash.created.id), 'nothing deleted');
    assert.deepEqual(crash.journal.records(), []);
  });
});

describe('createKeyStoringSecret with a journal', () => {
  let fx: CloudFixture;
  before(async () => {
    fx = await outscaleFixture();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  test('records the intent before the call and clears it once the secret is stored; never holds the secret', async () => {
    const storage = new MemoryCreateJournalStorage();
    const journal = new CreateJournal(storage);
    const memory = new MemoryVault();
    const provider = await fx.newProvider();
    let recordedDuringCall: unknown;
    const watching = new Proxy(provider, {
      get(target, prop) {
        if (prop === 'createKey')
          return async (...args: Parameters<typeof provider.createKey>) => {
            recordedDuringCall = storage.read();
            return target.createKey(...args);
          };
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const user = { id: fx.userId, accountId: fx.accountId, name: fx.userName, isCaller: false };
    const created = await createKeyStoringSecret(watching, user, 'access-key', {}, sink(memory), undefined, journal);
    assert.equal((recordedDuringCall as CreateIntent[]).length, 1, 'the intent was recorded before the cloud call');
    assert.equal((recordedDuringCall as CreateIntent[])[0].userId, fx.userId);
    assert.deepEqual(journal.records(), []);
    assert.ok(created.secret && !JSON.stringify(recordedDuringCall).includes(created.secret.reveal()));
  });

  test('a refused create clears the record; a create whose answer was lost keeps it, and recovery finds the key', async () => {
    const journal = new CreateJournal(new MemoryCreateJournalStorage());
    const memory = new MemoryVault();
    const user = { id: fx.userId, accountId: fx.accountId, name: fx.userName, isCaller: false };
    const refused = failingOnce(await fx.newProvider(), 'createKey', () => new CloudError('invalid', 'Injected: bad request.'));
    await assert.rejects(createKeyStoringSecret(refused, user, 'access-key', {}, sink(memory), undefined, journal), /bad request/);
    assert.deepEqual(journal.records(), []);

    const before = ids(await fx.keysAtCloud());
    const lost = failingOnce(await fx.newProvider(), 'createKey', () => new CloudError('network', 'Injected: the connection was reset.'), {
      afterCall: true,
    });
    await assert.rejects(createKeyStoringSecret(lost, user, 'access-key', {}, sink(memory), undefined, journal), /reset/);
    assert.equal(journal.records().length, 1, 'the key may exist: the record stays');
    const orphan = ids(await fx.keysAtCloud()).filter((id) => !before.includes(id));
    assert.equal(orphan.length, 1);

    const provider = await fx.newProvider();
    const report = await recoverInterruptedCreates({
      journal,
      providerFor: async () => provider,
      vault: vaultOver(memory),
      askDelete: async () => 'delete',
    });
    assert.deepEqual(report.deleted, orphan);
    assert.deepEqual(ids(await fx.keysAtCloud()), before);
  });

  test('records that are not in the expected format are dropped, and one with a secret field is rejected', () => {
    const good: CreateIntent = {
      version: 1,
      id: 'a',
      accountId: 'acc',
      cloud: 'oci',
      userId: 'u',
      kind: 'access-key',
      startedAt: new Date().toISOString(),
      keysBefore: [],
    };
    const mixed = new MemoryCreateJournalStorage([
      good,
      { ...good, id: 'b', secret: 'x' },
      { ...good, id: 'c', startedAt: 'yesterday' },
      42,
    ]);
    assert.deepEqual(
      new CreateJournal(mixed).records().map((r) => r.id),
      ['a'],
    );
    assert.deepEqual(new CreateJournal(new MemoryCreateJournalStorage('not a list')).records(), []);
  });
});
