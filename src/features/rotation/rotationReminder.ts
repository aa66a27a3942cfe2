import * as vscode from 'vscode';
import type { RotationEngine } from '../../operations/rotation';
import { COMMAND_IDS } from '../../commands/commandIds';

/**
 * Offers to finish what a crash, a reload or a grace period left unfinished: reminds of rotations
 * that stopped, and of old keys due for deletion. With `unfinishedAtStart`, only those rotations
 * count as stopped: one begun in this window since is running, not stuck.
 */
export function remindUnfinished(engine: RotationEngine, unfinishedAtStart?: ReadonlySet<string>): void {
  const stuck = engine
    .pending()
    .filter((e) => e.status !== 'waiting-delete' && (unfinishedAtStart === undefined || unfinishedAtStart.has(e.id)));
  const due = engine.due();
  if (stuck.length === 0 && due.length === 0) return;
  const resume = vscode.l10n.t('Resume Rotations');
  const text =
    stuck.length > 0
      ? vscode.l10n.t('{0} key rotation(s) did not finish. Resume or roll them back.', stuck.length)
      : vscode.l10n.t('{0} old key(s) are due for deletion after rotation.', due.length);
  void vscode.window.showWarningMessage(text, resume).then((choice) => {
    if (choice === resume) void vscode.commands.executeCommand(COMMAND_IDS.resumeRotations);
  });
}
