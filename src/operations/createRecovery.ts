import type { CloudProvider } from '../clouds/provider';
import { describeError } from '../model/cloudError';
import type { Secret } from '../model/secret';
import type { AccessKey } from '../model/types';
import type { Logger } from '../util/logger';
import { CLOCK_SKEW_MS, CREATE_CALL_MAX_MS, type CreateIntent, type CreateJournal } from './createJournal';

/** What recovery needs of SecretStorage. */
export interface RecoveryVault {
  hasKeySecret(key: AccessKey): Promise<boolean>;
  storeKeySecret(key: AccessKey, cloud: CreateIntent['cloud'], secret: Secret): Promise<void>;
}

/**
 * A key an interrupted create left behind with no stored secret. `store-secret`: the cloud lets us
 * read the secret back (IONOS). `ask-delete`: the cloud showed the secret once and it is lost (OCI,
 * OUTSCALE), so the user decides whether to delete the key.
 */
export interface Orphan {
  readonly intent: CreateIntent;
  readonly key: AccessKey;
  readonly action: 'store-secret' | 'ask-delete';
}

/**
 * The user's keys of the recorded kind, created by the recorded call, whose secret is not stored.
 * `later` are the journal's records begun after this one: a key one of them may have created (new
 * to it and not older than its start) is theirs, so a create still running is never taken for this one.
 */
export async function findOrphans(
  intent: CreateIntent,
  provider: CloudProvider,
  vault: RecoveryVault,
  signal?: AbortSignal,
  later: readonly CreateIntent[] = [],
): Promise<Orphan[]> {
  const startedAt = Date.parse(intent.startedAt);
  const notBefore = startedAt - CLOCK_SKEW_MS;
  const notAfter = startedAt + CREATE_CALL_MAX_MS + CLOCK_SKEW_MS;
  const before = new Set(intent.keysBefore);
  const sameTarget = later.filter((r) => r.accountId === intent.accountId && r.userId === intent.userId && r.kind === intent.kind);
  const claimedByLater = (key: AccessKey, created: number) =>
    sameTarget.some((r) => !r.keysBefore.includes(key.id) && created >= Date.parse(r.startedAt) - CLOCK_SKEW_MS);
  const candidates = (await provider.listKeys(intent.userId, signal)).filter((k) => {
    // A key without a creation time cannot be proven new: it is never touched.
    const created = k.createdAt?.getTime();
    return (
      k.kind === intent.kind &&
      !before.has(k.id) &&
      created !== undefined &&
      created >= notBefore &&
      created <= notAfter &&
      !claimedByLater(k, created)
    );
  });
  const readable = provider.capabilities(intent.kind).secretReadableLater && provider.revealSecret !== undefined;
  const orphans: Orphan[] = [];
  for (const key of candidates) {
    if (await vault.hasKeySecret(key)) continue;
    orphans.push({ intent, key, action: readable ? 'store-secret' : 'ask-delete' });
  }
  return orphans;
}

export interface RecoveryDeps {
  readonly journal: CreateJournal;
  /** The provider of the record's account; `undefined` when the account is no longer configured. */
  providerFor(intent: CreateIntent): Promise<CloudProvider | undefined>;
  readonly vault: RecoveryVault;
  /** Asked once, with every key whose secret is lost; `undefined` means no answer (asked again next start). */
  askDelete(orphans: readonly Orphan[]): Promise<'delete' | 'keep' | undefined>;
  readonly logger?: Logger;
  /**
   * Only these records (by id) are looked at. Recovery at start-up passes the records that were
   * there at activation: a record written since belongs to a create that may still be running, whose
   * key would otherwise look like an orphan.
   */
  readonly onlyRecords?: ReadonlySet<string>;
}

export interface RecoveryReport {
  /** Records found at the start. */
  readonly records: number;
  readonly secretsStored: string[];
  readonly deleted: string[];
  readonly kept: string[];
  /** Keys still waiting for an answer; their records stay. */
  readonly unanswered: string[];
  /** What could not be done; the records concerned stay for the next start. */
  readonly failures: { readonly keyId?: string; readonly message: string }[];
  cleared: number;
}

async function deleteOrphan(provider: CloudProvider, key: AccessKey, signal?: AbortSignal): Promise<void> {
  const caps = provider.capabilities(key.kind);
  // Deactivated first where the cloud needs it, so a failed delete never leaves the key active.
  if (caps.mustDeactivateBeforeDelete && caps.canDeactivate && key.state === 'active') {
    key = await provider.updateKey(key, { state: 'inactive' }, signal);
  }
  await provider.deleteKey(key, signal);
}

/** A report of nothing done yet, over `records` records. */
export function emptyRecoveryReport(records: number): RecoveryReport {
  return { records, secretsStored: [], deleted: [], kept: [], unanswered: [], failures: [], cleared: 0 };
}

/**
 * Goes through every leftover create record: stores the secrets the cloud can read back, asks once
 * about the keys whose secret is lost, deletes them only on a "delete" answer, and clears each record
 * once nothing about it is left to do. Keys that existed before the call are never touched.
 */
export async function recoverInterruptedCreates(deps: RecoveryDeps, signal?: AbortSignal): Promise<RecoveryReport> {
  const all = deps.journal.records();
  const records = all.filter((r) => deps.onlyRecords === undefined || deps.onlyRecords.has(r.id));
  const report = emptyRecoveryReport(records.length);
  /** Records with something left to do: they stay for the next start. */
  const blocked = new Set<string>();
  const providers = new Map<string, CloudProvider>();
  const toAsk: Orphan[] = [];
  // Two records for the same user would find the same key: each key is handled once.
  const seen = new Set<string>();

  for (const intent of records) {
    const provider = await deps.providerFor(intent);
    if (!provider) {
      deps.logger?.warn(
        `An interrupted key creation for account ${intent.accountId} cannot be checked: the account is no longer configured.`,
      );
      continue;
    }
    providers.set(intent.id, provider);
    try {
      // The journal keeps records in the order the creates began.
      const later = all.slice(all.indexOf(intent) + 1);
      for (const orphan of await findOrphans(intent, provider, deps.vault, signal, later)) {
        const ref = `${intent.accountId}/${orphan.key.kind}/${orphan.key.id}`;
        if (seen.has(ref)) continue;
        seen.add(ref);
        if (orphan.action === 'ask-delete') {
          toAsk.push(orphan);
          continue;
        }
        try {
          const secret = await provider.revealSecret!(orphan.key, signal);
          await deps.vault.storeKeySecret(orphan.key, intent.cloud, secret);
          report.secretsStored.push(orphan.key.id);
        } catch (error) {
          blocked.add(intent.id);
          report.failures.push({ keyId: orphan.key.id, message: describeError(error, { requestId: false }) });
        }
      }
    } catch (error) {
      blocked.add(intent.id);
      report.failures.push({ message: `Listing the keys of user ${intent.userId}: ${describeError(error, { requestId: false })}` });
    }
  }

  if (toAsk.length > 0) {
    const answer = await deps.askDelete(toAsk);
    for (const orphan of toAsk) {
      if (answer === undefined) {
        report.unanswered.push(orphan.key.id);
        blocked.add(orphan.intent.id);
      } else if (answer === 'keep') {
        report.kept.push(orphan.key.id);
      } else if (await deps.vault.hasKeySecret(orphan.key)) {
        // Stored while the question was open (the create was still running somewhere): the key is wanted.
        report.kept.push(orphan.key.id);
      } else {
        try {
          await deleteOrphan(providers.get(orphan.intent.id)!, orphan.key, signal);
          report.deleted.push(orphan.key.id);
        } catch (error) {
          blocked.add(orphan.intent.id);
          report.failures.push({ keyId: orphan.key.id, message: describeError(error, { requestId: false }) });
        }
      }
    }
  }

  for (const intent of records) {
    if (!providers.has(intent.id) || blocked.has(intent.id)) continue;
    await deps.journal.clear(intent.id);
    report.cleared += 1;
  }
  return report;
}
