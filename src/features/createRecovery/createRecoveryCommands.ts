import * as vscode from 'vscode';
import { lazySchema } from '../../model/lazySchema';
import type { CreateJournal } from '../../operations/createJournal';
import { emptyRecoveryReport, recoverInterruptedCreates, type Orphan, type RecoveryReport } from '../../operations/createRecovery';
import type { FeatureServices } from '../../services/featureServices';
import { CLOUD_NAMES } from '../../views/cloudNames';
import { COMMAND_IDS } from '../../commands/commandIds';
import { withCancellableProgress } from '../../commands/progress';
import { registerCommand } from '../../commands/registerCommand';

// Recovering interrupted key creations, in the commands bundle: the start-up check that
// decides whether there is anything to recover is createRecoveryFeature.ts.

/** Lets a test (or a script) answer the recovery question instead of a person. */
const RecoverArgsSchema = lazySchema((z) => z.strictObject({ answer: z.optional(z.enum(['delete', 'keep'])) }));

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

export async function recover(
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

/** "Recover Interrupted Key Creations": what the start-up check would do, now, for every recoverable record. */
export function registerRecoveryCommand(s: FeatureServices, journal: CreateJournal): vscode.Disposable {
  return registerCommand(
    COMMAND_IDS.recoverInterruptedCreates,
    async (args?: unknown) => {
      const parsed = RecoverArgsSchema.safeParse(args ?? {});
      if (!parsed.success) throw new Error('The recovery command takes { answer: "delete" | "keep" } or no argument.');
      // A create this window is making right now is not interrupted: leave it out.
      const recoverable = new Set(journal.recoverable().map((r) => r.id));
      if (recoverable.size === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No interrupted key creations to recover.'));
        return emptyRecoveryReport(0);
      }
      return recover(s, journal, parsed.data.answer, recoverable);
    },
    s.commandContext,
  );
}
