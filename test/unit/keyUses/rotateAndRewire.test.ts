import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { indexKey, KeyIndex } from '../../../src/keyMatching';
import { planRewire, type RewireTarget } from '../../../src/keyUses/rewire';
import { maskedDiff } from '../../../src/keyUses/rewireDiff';
import { UseRewirer } from '../../../src/keyUses/useRewirer';
import { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { ExportUpdater } from '../../../src/operations/exports/exportUpdater';
import { ExportRecords, MemoryExportStorage } from '../../../src/operations/exports/records';
import { MemoryJournalStorage, planRotation, RotationEngine, RotationJournal } from '../../../src/operations/rotation';
import { ionosFixture, logger, MemoryVault, ociFixture, outscaleFixture, tempDir, type CloudFixture } from '../rotation/support';
import { decoyOf } from './corpus';

/** The files a user keeps a key in, each in a form Cloud Keys did not write, with comments, CRLF and other values around it. */
function plant(dir: string, id: string, secret: string): Record<string, string> {
  const files: Record<string, string> = {
    '.env': `# storage for the app\r\nBUCKET=photos\r\nS3_KEY_ID=${id}\r\nS3_SECRET="${secret}" # keep quiet\r\nOTHER=${decoyOf(secret)}\r\n`,
    'home/.aws/credentials': `# mine\n[default]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n\n[cloud]\n; rotated by hand until now\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`,
    'prod.auto.tfvars': `region     = "eu-west-2"\naccess_key = "${id}" # the app's\nsecret_key = "${secret}"\n`,
    'home/.zshrc': `alias ll='ls -l'\nexport S3_ACCESS_KEY_ID=${id}\nexport S3_SECRET_ACCESS_KEY='${secret}'\n`,
    'terraform.tfstate': `{"attributes": {"id": "${id}", "secret": "${secret}"}}\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return files;
}

for (const make of [outscaleFixture, () => ociFixture('access-key'), ionosFixture]) {
  describe('Rotate and rewire the uses of a key', () => {
    let f: CloudFixture;
    const oldSecret = 'Ab3dEf6hIj9kLm2oPq5sTu8wXy1zAb4dEf7hIj0k';

    before(async () => {
      f = await make();
    });
    after(async () => f?.close());

    const setUp = async () => {
      const dir = tempDir();
      const vault = new MemoryVault();
      const oldKey: AccessKey = { id: f.keyId, accountId: f.accountId, userId: f.userId, kind: f.kind, state: 'active' };
      await vault.storeKeySecret(oldKey, new Secret(oldSecret));
      const files = plant(dir, f.keyId, oldSecret);
      const index = new KeyIndex<string>();
      indexKey(index, oldKey, 'old', new Secret(oldSecret));
      const planned = Object.keys(files).map((name) => planRewire(index, path.join(dir, name), fs.readFileSync(path.join(dir, name))));
      const targets = planned.filter((p): p is RewireTarget => 'sha256' in p);
      const log = logger();
      const rewirer = new UseRewirer(new ExportUpdater(new ExportRecords(new MemoryExportStorage()), undefined, log), log);
      rewirer.plan(f.accountId, f.keyId, targets);
      const journal = new MemoryJournalStorage();
      const provider = await f.newProvider();
      const engine = new RotationEngine({
        provider: async () => provider,
        vault,
        exports: rewirer,
        journal: new RotationJournal(journal, log),
        logger: log,
        verifyAttempts: 2,
        verifyDelayMs: 5,
      });
      const keysOfUser = await provider.listKeys(f.userId);
      const plan = planRotation({
        account: { id: f.accountId, label: 'emulated', cloud: f.cloud },
        user: { id: f.userId, name: f.userName },
        keys: [keysOfUser.find((k) => k.id === f.keyId)!],
        keysOfUser,
        capabilities: (kind) => provider.capabilities(kind),
        grace: { kind: 'later', days: 7 },
        outscaleExpiryDays: 30,
        now: Date.now(),
      });
      return { dir, files, planned, targets, rewirer, engine, plan, vault, log, journal };
    };

    it(`${make.name || 'oci'}: rewrites each editable use with the new key and nothing else, and rollback restores every byte`, async () => {
      const { dir, files, planned, targets, engine, plan, vault, log, journal } = await setUp();
      assert.deepEqual(
        targets.map((t) => path.relative(dir, t.file)).sort(),
        ['.env', 'home/.aws/credentials', 'home/.zshrc', 'prod.auto.tfvars'].sort(),
      );
      assert.ok(
        planned.some((p) => 'why' in p && p.file.endsWith('terraform.tfstate') && /Terraform state/.test(p.why)),
        'the state file is left to the user',
      );
      const diff = maskedDiff(targets[0], fs.readFileSync(targets[0].file), { old: 'old', new: 'new', newKeyId: 'NEWID' });
      assert.ok(!diff.includes(oldSecret) && diff.includes('‹secret of old›') && diff.includes('NEWID'), 'the diff masks the secret');

      const outcome = (await engine.run(plan)).items[0];
      assert.ok(
        outcome.status === 'waiting-delete' || outcome.status === 'done',
        `rotation ended ${outcome.status}: ${outcome.error?.message ?? ''}`,
      );
      const newKey = (await f.keysAtCloud()).find((k) => k.id === outcome.newKeyId)!;
      const newSecret = (await vault.getKeySecret(newKey))!.reveal();
      for (const [name, text] of Object.entries(files)) {
        const now = fs.readFileSync(path.join(dir, name), 'utf8');
        const expected = name === 'terraform.tfstate' ? text : text.split(f.keyId).join(newKey.id).split(oldSecret).join(newSecret);
        assert.equal(now, expected, `${name} after the rotation`);
      }
      for (const line of log.lines) assert.ok(!line.includes(newSecret) && !line.includes(oldSecret), 'a secret reached the log');
      assert.ok(!JSON.stringify(journal.read()).includes(newSecret));

      const rolledBack = await engine.rollback(outcome.rotationId);
      assert.equal(rolledBack.status, 'rolled-back', `rollback ended ${rolledBack.status}: ${rolledBack.error?.message ?? ''}`);
      for (const [name, text] of Object.entries(files))
        assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `${name} after the rollback`);
    });

    it(`${make.name || 'oci'}: refuses a file changed between the diff and the write, and still rewrites the others`, async () => {
      const { dir, files, engine, plan, rewirer } = await setUp();
      const env = path.join(dir, '.env');
      fs.appendFileSync(env, 'ADDED=later\r\n');
      const outcome = (await engine.run(plan)).items[0];
      assert.ok(outcome.status === 'waiting-delete' || outcome.status === 'done');
      assert.equal(fs.readFileSync(env, 'utf8'), `${files['.env']}ADDED=later\r\n`, 'the changed file was written');
      assert.deepEqual(rewirer.refused, [env]);
      assert.ok(!fs.readFileSync(path.join(dir, 'prod.auto.tfvars'), 'utf8').includes(f.keyId), 'the other files were not rewritten');
      await engine.rollback(outcome.rotationId);
    });
  });
}
