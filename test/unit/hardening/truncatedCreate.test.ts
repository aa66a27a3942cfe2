/**
 * A create answered with a 200 whose body is cut off (a proxy that gave up halfway, or a connection
 * closed mid-body) may have made a key whose secret is lost: the create-journal record stays, the
 * message says so and how to recover, and recovery finds the key, as for an answer lost entirely.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { CloudError } from '../../../src/model/cloudError';
import { CreateJournal, MemoryCreateJournalStorage } from '../../../src/operations/createJournal';
import { recoverInterruptedCreates } from '../../../src/operations/createRecovery';
import { createKeyStoringSecret } from '../../../src/operations/keyOperations';
import { MemoryVault } from '../rotation/support';
import { faultedClouds, useFaultedCloud } from './support/faultedClouds';

const HTTP = { timeoutMs: 5_000 };
const ids = (keys: readonly AccessKey[]) => keys.map((k) => k.id).sort();

for (const cloud of faultedClouds()) {
  describe(`${cloud.name}: a create answered with a truncated 200`, { timeout: 30_000 }, () => {
    useFaultedCloud(cloud);

    for (const kind of ['truncate', 'cut'] as const) {
      const how = kind === 'truncate' ? 'a body that stops halfway' : 'the connection closed halfway through the body';
      it(`keeps the create record (${how}), says the key may exist, and recovery finds the key`, async () => {
        const user = await cloud.user();
        const memory = new MemoryVault();
        const sink = {
          storeKeySecret: (k: AccessKey, s: Secret) => memory.storeKeySecret(k, s),
          deleteKeySecret: (k: AccessKey) => memory.deleteKeySecret(k),
        };
        const journal = new CreateJournal(new MemoryCreateJournalStorage());
        const provider = await cloud.provider(HTTP);
        const before = ids(await provider.listKeys(user.id));
        // Every attempt is cut: OCI retries a create with the same retry token, which makes no second key.
        cloud.addFault({ route: cloud.createRoute, kind });

        const error = await createKeyStoringSecret(provider, user, 'access-key', {}, sink, undefined, journal).then(
          () => assert.fail('the create should fail'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof CloudError, String(error));
        assert.match(error.message, /may have been created/);
        assert.match(error.message, /Recover Interrupted Key Creations/);
        // The cloud was reached: never "could not reach".
        assert.doesNotMatch(error.message, /could not (be )?reach/i);
        if (kind === 'cut') assert.match(error.message, /cut off/);
        assert.equal(journal.records().length, 1, 'the key may exist: the record stays for recovery');
        const made = ids(await provider.listKeys(user.id)).filter((id) => !before.includes(id));
        assert.equal(made.length, 1, 'the emulator made exactly one key');

        const report = await recoverInterruptedCreates({
          journal,
          providerFor: async () => cloud.provider(HTTP),
          vault: {
            hasKeySecret: async (key) => (await memory.getKeySecret(key)) !== undefined,
            storeKeySecret: (key, _cloud, secret) => memory.storeKeySecret(key, secret),
          },
          askDelete: async () => 'delete',
        });
        // IONOS lets the secret be read again: recovery stores it; OCI and OUTSCALE showed it once: the key is deleted on "delete".
        if (cloud.cloud === 'ionos') assert.deepEqual(report.secretsStored, made);
        else assert.deepEqual(report.deleted, made);
        assert.deepEqual(journal.records(), []);
      });
    }
  });
}
