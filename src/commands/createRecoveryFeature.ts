import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { lazySchema } from '../model/lazySchema';
import '../util/zodLocale';
import { CreateJournal } from '../operations/createJournal';
import { recoverInterruptedCreates, type Orphan, type RecoveryReport } from '../operations/createRecovery';
import { createJournalStorage } from '../services/createJournalState';
import type { Feature, FeatureServices } from '../services/featureServices';
import { CLOUD_NAMES } from '../views/cloudNames';
import { COMMAND_IDS } from './commandIds';
import { withCancellableProgress } from './progress';
import { registerCommand } from './registerCommand';

/** Lets a test (or a script) answer the recovery question instead of a person. */
const RecoverArgsSchema = lazySchema(() => z.strictObject({ answer: z.optional(z.enum(['delete', 'keep'])) }));

/** One notification for every key whose secret an interrupted create lost. */
async function askDelete(orphans: readonly Orphan[]): Promise<'delete' | 'keep' | undefined> {
  const list = orphans.map((o) => `${o.key.id} (${CLOUD_NAMES[o.intent.cloud]})`).join(', ');
  const remove = vscode.l10n.t('Delete');
  const keep = vscode.l10n.t('Keep');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Cloud Keys stopped while creating {0} key(s): {1}. Their secrets were never saved and cannot be shown again. Delete the key(s), or keep them?',
      orphans.length,
      list,
    ),
    remove,
    keep,
  );
  return choice === remove ? 'delete' : choice === keep ? 'keep' : undefined;
}

async function recover(
  s: FeatureServices,
  journal: CreateJournal,
  answer?: 'delete' | 'keep',
  onlyRecords?: ReadonlySet<string>,
): Promise<RecoveryReport> {
  const report = await withCancellableProgress(vscode.l10n.t('Checking key creations that were interrupted…'), (signal) =>
    recoverInterruptedCreates(
      {
        journal,
        providerFor: async (intent) => {
          const account = await s.registry.find(intent.accountId);
          return account ? s.registry.provider(account) : undefined;
        },
        vault: {
          hasKeySecret: (key) => s.secrets.hasKeySecret(key),
          storeKeySecret: (key, cloud, secret) => s.secrets.storeKeySecret(key, cloud, secret),
        },
        askDelete: answer ? async () => answer : askDelete,
        logger: s.logger,
        onlyRecords,
      },
      signal,
    ),
  );
  const touched = report.secretsStored.length + report.deleted.length;
  if (touched > 0) s.tree.refresh();
  s.logger.info(
    `Interrupted creates: ${report.records} record(s), ${report.secretsStored.length} secret(s) stored, ${report.deleted.length} key(s) deleted, ${report.kept.length} kept, ${report.unanswered.length} unanswered, ${report.failures.length} failure(s).`,
  );
  for (const failure of report.failures)
    s.logger.warn(`Recovering an interrupted create${failure.keyId ? ` (key ${failure.keyId})` : ''}: ${failure.message}`);
  if (report.secretsStored.length > 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Saved the secret of {0} key(s) whose creation was interrupted: {1}.',
        report.secretsStored.length,
        report.secretsStored.join(', '),
      ),
    );
  }
  if (report.failures.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} interrupted key creation(s) could not be recovered; Cloud Keys will try again at the next start. See the log for details.',
        report.failures.length,
      ),
    );
  }
  return report;
}

/**
 * Finds keys left behind by a create the extension host did not live to finish (issue 11): stores
 * their secret where the cloud can read it back, otherwise asks once whether to delete them.
 */
export const createRecoveryFeature: Feature = (s) => {
  const journal = s.createJournal ?? new CreateJournal(createJournalStorage(s.context), s.logger);
  // What an earlier session left, read now, before any create of this session can add a record:
  // a create started in the next seconds is running, not interrupted.
  const earlier = new Set(journal.records().map((r) => r.id));
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Recovers the earlier records whose owner is gone. A record of another window whose extension host
   * still runs (or is still shutting down after a reload) is that window's running create: looked at
   * again every 30 s until it is cleared or its owner has gone.
   */
  const check = (attempt: number): void => {
    const present = journal.records().filter((r) => earlier.has(r.id));
    if (present.length === 0) return;
    const ready = new Set(
      journal
        .recoverable()
        .filter((r) => earlier.has(r.id))
        .map((r) => r.id),
    );
    const waiting = present.length - ready.size;
    const next = () => {
      if (waiting > 0 && attempt < 30) timer = setTimeout(() => check(attempt + 1), 30_000);
    };
    if (ready.size === 0) return next();
    // One question per record and start: what is left unanswered waits for the next start or the command.
    for (const id of ready) earlier.delete(id);
    void recover(s, journal, undefined, ready)
      .catch((error: unknown) => s.logger.warn('Could not recover interrupted key creations:', error))
      .finally(next);
  };
  // Not at activation's critical path: recovery waits until the window has settled.
  timer = setTimeout(() => check(0), 3_000);
  return [
    { dispose: () => timer !== undefined && clearTimeout(timer) },
    registerCommand(
      COMMAND_IDS.recoverInterruptedCreates,
      async (args?: unknown) => {
        const parsed = RecoverArgsSchema.safeParse(args ?? {});
        if (!parsed.success) throw new Error('The recovery command takes { answer: "delete" | "keep" } or no argument.');
        // A create this window is making right now is not interrupted: leave it out.
        const recoverable = new Set(journal.recoverable().map((r) => r.id));
        if (recoverable.size === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('No interrupted key creations to recover.'));
          return {
            records: 0,
            secretsStored: [],
            deleted: [],
            kept: [],
            unanswered: [],
            failures: [],
            cleared: 0,
          } satisfies RecoveryReport;
        }
        return recover(s, journal, parsed.data.answer, recoverable);
      },
      s.commandContext,
    ),
  ];
};
