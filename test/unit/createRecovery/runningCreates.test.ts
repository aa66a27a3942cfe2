/**
 * Which keys recovery may take for a record's orphan: never the key of a create that is still running
 * (begun after the records recovery looks at), never a key made elsewhere long after the record's
 * start. Against the OUTSCALE emulator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AccessKey } from '../../../src/model/types';
import { CreateJournal, MemoryCreateJournalStorage, type CreateIntent } from '../../../src/operations/createJournal';
import { recoverInterruptedCreates, type Orphan } from '../../../src/operations/createRecovery';
import { MemoryVault, outscaleFixture, type CloudFixture } from '../rotation/support';

/** What a journal wrote, as a restarted process would read it. */
function storage(journal: CreateJournal): unknown {
  return JSON.parse(JSON.stringify(journal.records()));
}

describe('recovery limited to the records left by an earlier session', () => {
  let fx: CloudFixture;
  before(async () => {
    fx = await outscaleFixture();
  });
  after(() => fx.close());

  test('a create begun after the snapshot is neither asked about nor deleted, and its record stays', async () => {
    const journal = new CreateJournal(new MemoryCreateJournalStorage());
    const provider = await fx.newProvider();
    const vault = new MemoryVault();
    const keyIds = async () => (await provider.listKeys(fx.userId)).filter((k) => k.kind === 'access-key').map((k) => k.id);

    /** Records the intent and creates the key, leaving its secret unstored. */
    const createWithoutStoring = async (): Promise<{ intent: CreateIntent; key: AccessKey }> => {
      const intent = await journal.begin({
        accountId: fx.accountId,
        cloud: 'outscale',
        userId: fx.userId,
        kind: 'access-key',
        keysBefore: await keyIds(),
      });
      const { key } = await provider.createKey(fx.userId, 'access-key', {});
      return { intent, key };
    };

    const earlier = await createWithoutStoring();
    // Activation: what is in the journal now was left by an earlier session.
    const leftover = new Set(journal.records().map((r) => r.id));
    const running = await createWithoutStoring();

    const asked: Orphan[] = [];
    const report = await recoverInterruptedCreates({
      journal,
      providerFor: async () => provider,
      vault: {
        hasKeySecret: async (key) => (await vault.getKeySecret(key)) !== undefined,
        storeKeySecret: (key, _cloud, secret) => vault.storeKeySecret(key, secret),
      },
      askDelete: async (orphans) => {
        asked.push(...orphans);
        return 'delete';
      },
      onlyRecords: leftover,
    });

    assert.deepEqual(
      asked.map((o) => o.key.id),
      [earlier.key.id],
      "asked only about the earlier session's key",
    );
    assert.deepEqual(report.records, 1);
    assert.deepEqual(report.deleted, [earlier.key.id]);
    const now = await keyIds();
    assert.ok(now.includes(running.key.id), 'the key of the running create was deleted');
    assert.ok(!now.includes(earlier.key.id));
    assert.deepEqual(
      journal.records().map((r) => r.id),
      [running.intent.id],
      'the running create keeps its record',
    );
  });

  test('a key created long after the record began (in the console, say) is not its orphan; the record is cleared', async () => {
    const hourAgo = () => Date.now() - 60 * 60_000;
    const journal = new CreateJournal(new MemoryCreateJournalStorage(), undefined, hourAgo);
    const provider = await fx.newProvider();
    const keysBefore = (await provider.listKeys(fx.userId)).filter((k) => k.kind === 'access-key').map((k) => k.id);
    await journal.begin({ accountId: fx.accountId, cloud: 'outscale', userId: fx.userId, kind: 'access-key', keysBefore });
    const { key: elsewhere } = await provider.createKey(fx.userId, 'access-key', {});

    const asked: Orphan[] = [];
    const report = await recoverInterruptedCreates({
      journal,
      providerFor: async () => provider,
      vault: { hasKeySecret: async () => false, storeKeySecret: async () => undefined },
      askDelete: async (orphans) => {
        asked.push(...orphans);
        return 'delete';
      },
    });
    assert.deepEqual(asked, [], 'asked to delete a key the interrupted call cannot have made');
    assert.ok((await provider.listKeys(fx.userId)).some((k) => k.id === elsewhere.id));
    assert.equal(report.cleared, 1);
  });

  test('the recovery command leaves out a create this process is still making, and takes it once the call is over', async () => {
    const journal = new CreateJournal(new MemoryCreateJournalStorage());
    const keysBefore = ['AK1'];
    const running = await journal.begin({ accountId: fx.accountId, cloud: 'outscale', userId: fx.userId, kind: 'access-key', keysBefore });
    assert.deepEqual(journal.recoverable(), [], 'a create whose call is in flight is not recoverable');
    assert.deepEqual(
      journal.records().map((r) => r.id),
      [running.id],
      'but it is on disk, in case the process dies',
    );
    journal.settled(running.id);
    assert.deepEqual(
      journal.recoverable().map((r) => r.id),
      [running.id],
      'once the call is over without clearing, it is',
    );
    // A journal over the same storage in a new process sees every record as recoverable.
    const other = await journal.begin({ accountId: fx.accountId, cloud: 'outscale', userId: fx.userId, kind: 'access-key', keysBefore });
    const restarted = new CreateJournal({ read: () => storage(journal), write: async () => undefined });
    assert.deepEqual(
      restarted
        .recoverable()
        .map((r) => r.id)
        .sort(),
      [running.id, other.id].sort(),
    );
  });

  test("another window's create is left alone while its extension host lives, and recovered once it has gone", async () => {
    const shared = new MemoryCreateJournalStorage();
    const alive = new Set([4001, 4002]);
    const windowA = new CreateJournal(shared, undefined, Date.now, 4001, (pid) => alive.has(pid));
    const windowB = new CreateJournal(shared, undefined, Date.now, 4002, (pid) => alive.has(pid));
    const record = await windowA.begin({
      accountId: fx.accountId,
      cloud: 'outscale',
      userId: fx.userId,
      kind: 'access-key',
      keysBefore: [],
    });
    assert.deepEqual(windowB.recoverable(), [], "window B does not take window A's running create for an interrupted one");
    alive.delete(4001); // window A's extension host was killed (a reload, a crash)
    assert.deepEqual(
      windowB.recoverable().map((r) => r.id),
      [record.id],
    );
  });

  test('a record older than any create call is recoverable even if its owner pid now belongs to a live process', async () => {
    const shared = new MemoryCreateJournalStorage();
    let clock = Date.now();
    const windowA = new CreateJournal(
      shared,
      undefined,
      () => clock,
      5001,
      () => true,
    );
    const record = await windowA.begin({
      accountId: fx.accountId,
      cloud: 'outscale',
      userId: fx.userId,
      kind: 'access-key',
      keysBefore: [],
    });
    const later = new CreateJournal(
      shared,
      undefined,
      () => clock,
      5002,
      () => true,
    );
    assert.deepEqual(later.recoverable(), [], 'a live owner within the time a create can take is still creating');
    clock += 13 * 60_000; // longer than a create call can last, clock skew included
    assert.deepEqual(
      later.recoverable().map((r) => r.id),
      [record.id],
      'the pid was reused: the record is recoverable',
    );
  });

  test('a key whose secret got stored while the question was open is not deleted', async () => {
    const journal = new CreateJournal(new MemoryCreateJournalStorage());
    const provider = await fx.newProvider();
    const vault = new MemoryVault();
    const keysBefore = (await provider.listKeys(fx.userId)).filter((k) => k.kind === 'access-key').map((k) => k.id);
    const intent = await journal.begin({ accountId: fx.accountId, cloud: 'outscale', userId: fx.userId, kind: 'access-key', keysBefore });
    journal.settled(intent.id);
    const { key, secret } = await provider.createKey(fx.userId, 'access-key', {});
    const report = await recoverInterruptedCreates({
      journal,
      providerFor: async () => provider,
      vault: {
        hasKeySecret: async (k) => (await vault.getKeySecret(k)) !== undefined,
        storeKeySecret: (k, _cloud, s) => vault.storeKeySecret(k, s),
      },
      askDelete: async () => {
        // Meanwhile the create that was still running stores its secret.
        await vault.storeKeySecret(key, secret!);
        return 'delete';
      },
    });
    assert.deepEqual(report.deleted, []);
    assert.ok(
      (await provider.listKeys(fx.userId)).some((k) => k.id === key.id),
      'the key is still there',
    );
    await provider.deleteKey(key);
  });
});
