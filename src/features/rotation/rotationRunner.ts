import * as vscode from 'vscode';
import { withUseRewiring } from '../keyUses/rewireChoice';
import type { CloudId } from '../../model/types';
import { SecretNotStoredError } from '../../operations/keyOperations';
import type { ExportRecords } from '../../operations/exports/records';
import {
  RotationJournal,
  type KeyRotationOutcome,
  type RotationEngine,
  type RotationPlan,
  type StepEvent,
} from '../../operations/rotation';
import type { FeatureServices } from '../../services/featureServices';
import type { TerminalExport } from './terminalExport';
import { journalStorage } from '../../services/rotationState';
import { showUnstoredRotationSecret } from '../../commands/unstoredSecret';
import { loadOciProfileModule, loadRotationEngineModule } from '../../services/lazyModules';
import { formatDay } from '../../util/formatDate';

const STEP_NAMES: Record<StepEvent['step'], string> = {
  preflight: 'Checking credentials and the key limit',
  'make-room': 'Making room under the key limit',
  create: 'Creating the new key and storing its secret',
  verify: 'Verifying the new key',
  'update-exports': 'Updating exports',
  'deactivate-old': 'Deactivating the old key',
  'delete-old': 'Deleting the old key',
  rollback: 'Rolling back',
};

/** Builds the engine over the extension's services: SecretStorage, the journal and the export records (files under the global storage), the terminal. */
export function createRotationEngine(s: FeatureServices, records: ExportRecords, terminal: TerminalExport): RotationEngine {
  const cloudOf = async (accountId: string): Promise<CloudId> => {
    const account = await s.registry.find(accountId);
    if (!account) throw new Error(`The account ${accountId} is no longer configured; add it again to finish this rotation.`);
    return account.cloud;
  };
  const { ExportUpdater, RotationEngine } = loadRotationEngineModule();
  return new RotationEngine({
    provider: async (accountId) => {
      const account = await s.registry.find(accountId);
      if (!account) throw new Error(`The account ${accountId} is no longer configured; add it again to finish this rotation.`);
      return s.registry.provider(account);
    },
    vault: {
      storeKeySecret: async (key, secret) => s.secrets.storeKeySecret(key, await cloudOf(key.accountId), secret),
      getKeySecret: (key) => s.secrets.getKeySecret(key),
      deleteKeySecret: (key) => s.secrets.deleteKeySecret(key),
    },
    exports: withUseRewiring(new ExportUpdater(records, terminal, s.logger, Date.now, loadOciProfileModule), s.logger),
    journal: new RotationJournal(journalStorage(s.context), s.logger),
    createJournal: s.createJournal,
    logger: s.logger,
  });
}

/** Runs work in a cancellable notification that shows each rotation step. */
export function withStepProgress<T>(title: string, work: (onStep: (e: StepEvent) => void, signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    const onStep = (e: StepEvent) => {
      if (e.phase === 'started') progress.report({ message: vscode.l10n.t('{0} ({1})…', STEP_NAMES[e.step], e.oldKeyId) });
    };
    return work(onStep, abort.signal).finally(() => subscription.dispose());
  });
}

/** Tells the user how each rotation ended, with a way on where one stopped. */
export async function reportOutcomes(outcomes: readonly KeyRotationOutcome[], s: FeatureServices): Promise<void> {
  for (const outcome of outcomes) {
    switch (outcome.status) {
      case 'done':
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'Rotated {0}: the new key {1} works, its secret is in secret storage, {2} export(s) updated, the old key is deleted.',
            outcome.oldKeyId,
            outcome.newKeyId ?? '?',
            outcome.exportsUpdated ?? 0,
          ),
        );
        break;
      case 'waiting-delete':
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'Rotated {0} to {1}. The old key is deleted after {2}; "Cloud Keys: Resume Rotations" reminds you.',
            outcome.oldKeyId,
            outcome.newKeyId ?? '?',
            formatDay(outcome.deleteAfter, '?'),
          ),
        );
        break;
      case 'rolled-back':
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Rolled back the rotation of {0}; it is still the working key.', outcome.oldKeyId),
        );
        break;
      case 'not-started':
        break;
      case 'cancelled':
      case 'failed': {
        if (outcome.error instanceof SecretNotStoredError) {
          await showUnstoredRotationSecret(outcome.error, s);
          break;
        }
        const resume = vscode.l10n.t('Resume Rotations');
        const text =
          outcome.status === 'cancelled'
            ? vscode.l10n.t(
                'The rotation of {0} was cancelled before "{1}". Nothing was lost; resume or roll it back.',
                outcome.oldKeyId,
                outcome.step ?? '?',
              )
            : vscode.l10n.t(
                'The rotation of {0} stopped at "{1}": {2} Nothing was lost; resume or roll it back.',
                outcome.oldKeyId,
                outcome.step ?? '?',
                outcome.error?.message ?? '',
              );
        const show = outcome.status === 'cancelled' ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
        void show(text, resume).then((choice) => {
          if (choice === resume) void vscode.commands.executeCommand('cloudKeys.resumeRotations');
        });
        break;
      }
    }
  }
}

export function planSummary(plan: RotationPlan): string {
  return plan.items.map((item) => item.oldKey.id).join(', ');
}
