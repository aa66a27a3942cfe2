import type { CloudProvider } from '../../clouds/provider';
import { CloudError } from '../../model/cloudError';
import { SecretNotStoredError } from '../keyOperations';
import type { RotationDeps } from './engineTypes';
import type { JournalEntry } from './journal';
import { toKeyIdentity } from './roomCandidates';

/**
 * The create step of a rotation in `renew` mode: the old key gets a new secret and keeps its id
 * (`CloudProvider.renewKey`), and the new secret goes to secret storage before anything else,
 * replacing the old one. There is no overlap: the old secret stops working at once. An answer lost
 * on the way leaves the key with a secret nobody has; resuming renews it again, which is safe.
 */
export async function renewOldKey(
  deps: Pick<RotationDeps, 'vault' | 'logger'>,
  save: (entry: JournalEntry) => Promise<JournalEntry>,
  entry: JournalEntry,
  provider: CloudProvider,
  signal?: AbortSignal,
): Promise<{ entry: JournalEntry; detail: string }> {
  if (!provider.renewKey || !provider.capabilities(entry.oldKey.kind).canRenew) {
    throw new CloudError('invalid', `${entry.cloud} cannot renew this kind of key; rotate it by replacing it instead.`, {
      cloud: entry.cloud,
    });
  }
  const old = (await provider.listKeys(entry.userId, signal)).find((k) => k.id === entry.oldKey.id && k.kind === entry.oldKey.kind);
  if (!old)
    throw new CloudError(
      'not-found',
      `Key ${entry.oldKey.id} of ${entry.userName} no longer exists, so it cannot be renewed. Forget this rotation.`,
      { cloud: entry.cloud },
    );
  const renewed = await provider.renewKey(old, signal);
  try {
    await deps.vault.storeKeySecret(renewed.key, renewed.secret);
  } catch (error) {
    // The new secret exists only here, and the old one no longer works: the caller shows it once.
    try {
      await save({ ...entry, newKey: toKeyIdentity(renewed.key) });
    } catch (journalError) {
      deps.logger.warn(`Rotation ${entry.id}: the journal could not record the renewed key ${renewed.key.id}:`, journalError);
    }
    throw new SecretNotStoredError({ key: renewed.key, secret: renewed.secret }, error);
  }
  const next = await save({ ...entry, newKey: toKeyIdentity(renewed.key) });
  return {
    entry: next,
    detail: `Renewed ${renewed.key.id}: it has a new secret, stored in secret storage; the old secret no longer works.`,
  };
}
