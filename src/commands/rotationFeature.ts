import * as vscode from 'vscode';
import { settings } from '../config/settings';
import { RotationJournal } from '../operations/rotation';
import type { Feature } from '../services/featureServices';
import { RotationService } from '../services/rotationService';
import { journalStorage } from '../services/rotationState';
import { KeyAlertsStatusBar } from '../views/keyAlertsStatusBar';
import { COMMAND_IDS } from './commandIds';
import { registerExportCommands, restoreTerminalExport } from './exportCommands';
import { registerCommand } from './registerCommand';
import { registerRotationCommands, remindUnfinished } from './rotationCommands';
import { createRotationEngine } from './rotationRunner';

/** Rotation, exports and the key-age status bar (issue 7). */
export const rotationFeature: Feature = (s) => {
  // One engine, one set of export records, one terminal export for the window, shared with the Rotate form.
  const rotation = s.rotation ?? new RotationService(s.context, (records, terminal) => createRotationEngine(s, records, terminal));
  const { records, terminal } = rotation;
  const getEngine = () => rotation.engine();
  const statusBar = new KeyAlertsStatusBar(s.registry, s.browser, COMMAND_IDS.showKeyAlerts);

  void restoreTerminalExport(s, records, terminal).catch((error: unknown) => s.logger.warn('Could not restore the terminal export:', error));
  // The rotations an earlier session left unfinished, read now, before this window can start one.
  const unfinishedAtStart = new Set(new RotationJournal(journalStorage(s.context), s.logger).entries().map((e) => e.id));
  // Not at activation's critical path: the reminder waits until the window has settled.
  const reminder = setTimeout(() => remindUnfinished(getEngine(), unfinishedAtStart), 3_000);

  return [
    statusBar,
    { dispose: () => clearTimeout(reminder) },
    s.tree.onDidChangeTreeData(() => void statusBar.update()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cloudKeys.keys')) void statusBar.update();
    }),
    ...registerRotationCommands(s, getEngine, (accountId, keyId) => rotation.exportsOf(accountId, keyId)),
    ...registerExportCommands(s, records, terminal),
    registerCommand(COMMAND_IDS.showKeyAlerts, async (preset?: unknown) => {
      const summary = await statusBar.update();
      if ((preset as { listOnly?: boolean } | undefined)?.listOnly) {
        return { text: statusBar.text(), overdue: summary.overdue, expiring: summary.expiring, keys: summary.alerts.map((a) => ({ keyId: a.key.id, level: a.level, reason: a.reason })) };
      }
      if (summary.alerts.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No loaded key is overdue or expiring (maximum age {0} days).', settings.keyHealth().maxAgeDays));
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        summary.alerts.map((a) => ({
          label: `${a.level === 'overdue' ? '$(warning)' : '$(clock)'} ${a.key.displayName || a.key.id}`,
          description: `${a.key.id} · ${a.accountLabel}`,
          detail: a.reason,
          alert: a,
        })),
        { placeHolder: vscode.l10n.t('Keys to rotate: pick one to rotate it') },
      );
      if (!picked) return undefined;
      const account = await s.registry.find(picked.alert.key.accountId);
      const user = account ? s.browser.loadedUser(account, picked.alert.key.userId) : undefined;
      if (!account || !user) return undefined;
      const secretStored = await s.secrets.hasKeySecret(picked.alert.key);
      return vscode.commands.executeCommand(COMMAND_IDS.rotateKey, { kind: 'key', account, user, key: picked.alert.key, secretStored });
    }, s.commandContext),
  ];
};
