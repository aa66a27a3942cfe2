import type { CloudProvider, CreatedKey } from '../../clouds/provider';
import { CloudError } from '../../model/cloudError';
import { refusedBeforeCreating, SecretNotStoredError } from '../keyOperations';
import type { RotationDeps } from './engineTypes';
import type { JournalEntry } from './journal';
import { toKeyIdentity } from './planner';
import { createOptionsOf } from './types';

/**
 * The rotation's create step: creates the new key and stores its secret. Until the rotation's journal
 * names the key (through `save`), the create journal holds the call too, so a lost answer is offered
 * for deletion at the next start rather than left active with its secret gone.
 */
export async function createNewKey(
  deps: Pick<RotationDeps, 'vault' | 'createJournal' | 'logger'>,
  save: (entry: JournalEntry) => Promise<JournalEntry>,
  entry: JournalEntry,
  provider: CloudProvider,
  keysBefore: string[],
  signal?: AbortSignal,
): Promise<{ entry: JournalEntry; detail: string }> {
  const before = await save({ ...entry, keysBeforeCreate: keysBefore });
  const journal = deps.createJournal;
  const intent = await journal?.begin({
    accountId: entry.accountId,
    cloud: entry.cloud,
    userId: entry.userId,
    kind: entry.oldKey.kind,
    keysBefore,
  });
  try {
    let created: CreatedKey;
    try {
      created = await provider.createKey(entry.userId, entry.oldKey.kind, createOptionsOf(entry.newKeySpec), signal);
    } catch (error) {
      if (intent && refusedBeforeCreating(error)) await journal?.clear(intent.id);
      throw error;
    }
    if (!created.secret)
      throw new CloudError('server', `${entry.cloud} created key ${created.key.id} but returned no secret.`, { cloud: entry.cloud });
    let stored: unknown;
    try {
      await deps.vault.storeKeySecret(created.key, created.secret);
    } catch (error) {
      stored = error;
    }
    if (stored !== undefined) {
      // The secret exists only here: whatever else fails, the caller must get it to show it once.
      try {
        await save({ ...before, newKey: toKeyIdentity(created.key) });
        if (intent) await journal?.clear(intent.id);
      } catch (journalError) {
        deps.logger.warn(`Rotation ${entry.id}: the journal could not record the new key ${created.key.id}:`, journalError);
      }
      throw new SecretNotStoredError({ key: created.key, secret: created.secret }, stored);
    }
    // From here the rotation's journal names the key, and resume or rollback look after it.
    const next = await save({ ...before, newKey: toKeyIdentity(created.key) });
    if (intent) await journal?.clear(intent.id);
    return { entry: next, detail: `Created ${created.key.id}; its secret is in secret storage.` };
  } finally {
    if (intent) journal?.settled(intent.id);
  }
}
