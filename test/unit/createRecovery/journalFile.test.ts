/**
 * The journals are kept in a file that is on disk before a write resolves: a reloaded
 * window used to lose the create record written just before the cloud call, because VS Code for the
 * Web keeps `globalState` in the browser and writes it out only after 100 ms without changes.
 * A "restart" here is a new storage object over the same file, with nothing flushed in between.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateJournal, type CreateIntent } from '../../../src/operations/createJournal';
import { recoverInterruptedCreates } from '../../../src/operations/createRecovery';
import { RotationJournal, type JournalEntry } from '../../../src/operations/rotation';
import { jsonListFile } from '../../../src/util/jsonListFile';
import { logger, MemoryVault, outscaleFixture, tempDir, type CloudFixture } from '../rotation/support';

const intent = {
  accountId: 'outscale:demo',
  cloud: 'outscale' as const,
  userId: 'alice',
  kind: 'access-key' as const,
  keysBefore: ['AK1'],
};

describe('journals kept in a file survive a restart right after a write', () => {
  test('a create record is there for the next extension host as soon as begin() returns', async () => {
    const file = path.join(tempDir(), 'globalStorage', 'create-journal.json');
    const record = await new CreateJournal(jsonListFile<CreateIntent>(file)).begin(intent);
    const restarted = new CreateJournal(jsonListFile<CreateIntent>(file));
    assert.deepEqual(restarted.records(), [record]);
    await restarted.clear(record.id);
    assert.deepEqual(new CreateJournal(jsonListFile<CreateIntent>(file)).records(), []);
    assert.equal((fs.statSync(file).mode & 0o777).toString(8), '600');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['create-journal.json'], 'no temporary file is left');
  });

  test('a rotation entry is there for the next extension host as soon as put() returns', async () => {
    const file = path.join(tempDir(), 'rotation-journal.json');
    const entry: JournalEntry = {
      version: 1,
      id: 'r1',
      accountId: 'outscale:demo',
      accountLabel: 'demo',
      cloud: 'outscale',
      userId: 'alice',
      userName: 'alice',
      oldKey: { id: 'AK1', kind: 'access-key' },
      deactivateOld: true,
      grace: { kind: 'now' },
      newKeySpec: {},
      notes: [],
      status: 'running',
      completed: ['preflight', 'make-room', 'create', 'verify'],
      newKey: { id: 'AK2', kind: 'access-key' },
      startedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    await new RotationJournal(jsonListFile<JournalEntry>(file)).put(entry);
    assert.deepEqual(new RotationJournal(jsonListFile<JournalEntry>(file)).get('r1')?.completed, entry.completed);
  });

  test('records an earlier version left in extension state are read, then moved to the file on the next write', async () => {
    const file = path.join(tempDir(), 'create-journal.json');
    const old = await new CreateJournal({ read: () => undefined, write: async () => {} }).begin(intent);
    let state: unknown = [old];
    const legacy = {
      read: () => state,
      clear: async () => {
        state = undefined;
      },
    };
    const journal = new CreateJournal(jsonListFile<CreateIntent>(file, legacy));
    assert.deepEqual(journal.records(), [old]);
    const added = await journal.begin(intent);
    assert.equal(state, undefined, 'extension state no longer holds the journal');
    assert.deepEqual(
      new CreateJournal(jsonListFile<CreateIntent>(file)).records().map((r) => r.id),
      [old.id, added.id],
    );
  });

  test('a file that is not JSON counts as an empty journal, with a warning, and the next write replaces it', async () => {
    const file = path.join(tempDir(), 'create-journal.json');
    fs.writeFileSync(file, '{"half": [');
    const log = logger();
    const journal = new CreateJournal(jsonListFile<CreateIntent>(file), log);
    assert.deepEqual(journal.records(), []);
    assert.ok(
      log.lines.some((l) => /not a list/.test(l)),
      log.lines.join('\n'),
    );
    await journal.begin(intent);
    assert.equal(new CreateJournal(jsonListFile<CreateIntent>(file)).records().length, 1);
  });
});

describe('an OUTSCALE create cut off right after the call is recovered from the file by the next extension host', () => {
  let fx: CloudFixture;
  before(async () => {
    fx = await outscaleFixture();
  });
  after(() => fx.close());

  test('the record written before the call finds the key, and "delete" removes it and nothing else', async () => {
    const file = path.join(tempDir(), 'create-journal.json');
    const provider = await fx.newProvider();
    const before = (await provider.listKeys(fx.userId)).map((k) => k.id).sort();
    await new CreateJournal(jsonListFile<CreateIntent>(file)).begin({
      accountId: fx.accountId,
      cloud: fx.cloud,
      userId: fx.userId,
      kind: fx.kind,
      keysBefore: before,
    });
    const { key } = await provider.createKey(fx.userId, fx.kind, {});
    // The extension host dies here: the secret is stored nowhere. The next one reads the same file.
    const report = await recoverInterruptedCreates({
      journal: new CreateJournal(jsonListFile<CreateIntent>(file)),
      providerFor: async () => fx.newProvider(),
      vault: { hasKeySecret: async (k) => (await new MemoryVault().getKeySecret(k)) !== undefined, storeKeySecret: async () => {} },
      askDelete: async () => 'delete',
    });
    assert.deepEqual(report.deleted, [key.id]);
    assert.deepEqual((await fx.keysAtCloud()).map((k) => k.id).sort(), before);
    assert.deepEqual(new CreateJournal(jsonListFile<CreateIntent>(file)).records(), []);
  });
});

describe('a journal file that cannot be used', () => {
  test('an unreadable file is an error naming the file and what to do; nothing is overwritten', () => {
    const dir = tempDir();
    const file = path.join(dir, 'create-journal.json');
    fs.mkdirSync(file); // a folder where the file should be: reading fails with EISDIR
    const journal = new CreateJournal(jsonListFile<CreateIntent>(file), logger());
    assert.throws(
      () => journal.records(),
      (error: Error) => error.message.includes(file) && /EISDIR/.test(error.message) && /reload the window/.test(error.message),
    );
    assert.ok(fs.statSync(file).isDirectory(), 'left as it was');
  });

  test('a file that is not JSON is set aside for a person to look at, and the journal starts empty', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'create-journal.json');
    fs.writeFileSync(file, '{"half a write');
    const log = logger();
    const journal = new CreateJournal(jsonListFile<CreateIntent>(file), log);
    assert.deepEqual(journal.records(), []);
    const aside = fs.readdirSync(dir).filter((name) => name.startsWith('create-journal.json.corrupt-'));
    assert.equal(aside.length, 1, 'the unreadable text is kept beside the journal');
    assert.equal(fs.readFileSync(path.join(dir, aside[0]), 'utf8'), '{"half a write');
    await journal.begin({ accountId: 'a', cloud: 'outscale', userId: 'u', kind: 'access-key', keysBefore: [] });
    assert.equal(journal.records().length, 1, 'the journal works again');
  });
});
