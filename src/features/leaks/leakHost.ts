import * as vscode from 'vscode';
import type { DriverOptions } from '../../commands/commandDriver';
import { COMMAND_IDS } from '../../commands/commandIds';
import type { FeatureServices } from '../../services/featureServices';
import { WorkspaceIgnoreList } from './ignoreList';
import { leakCommands, type LeakCommandHandlers } from './leakCommands';
import { LeakCodeActions } from './leakCodeActions';
import { LeakDiagnostics } from './leakDiagnostics';
import { LeakHoverProvider } from './leakHover';
import { LeakInventory } from './leakInventory';
import { affectsLeakSettings } from './leakSettings';
import { scanWorkspace } from './workspaceScan';

const ALL_FILES: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Leak detection once started: its listeners and providers, and the handlers of its commands. */
export interface LeakHost extends vscode.Disposable {
  readonly commands: LeakCommandHandlers;
}

/**
 * Starts leak detection: diagnostics in open files (checked now, on open, and debounced
 * as they change), hovers, quick fixes, and the workspace scan. Lives in `dist/lazy/leaks.js`
 * with the engine; `leaksFeature` loads it once the window has settled or a command needs it.
 */
export function startLeakDetection(s: FeatureServices): LeakHost {
  const inventory = new LeakInventory(s.browser, s.registry, s.secrets);
  const ignoreList = new WorkspaceIgnoreList(s.context.workspaceState);
  const diagnostics = new LeakDiagnostics(inventory, ignoreList);
  const checkOpen = () => {
    for (const document of vscode.workspace.textDocuments) void diagnostics.check(document);
  };
  const disposables: vscode.Disposable[] = [
    inventory,
    diagnostics,
    inventory.onDidChange(checkOpen),
    vscode.workspace.onDidOpenTextDocument((document) => void diagnostics.check(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) diagnostics.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // A file found by the workspace scan keeps its findings; an untitled one goes with its editor.
      if (document.uri.scheme === 'untitled') diagnostics.forget(document.uri);
    }),
    // In Restricted Mode only the active editor is checked: follow it.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!vscode.workspace.isTrusted && editor) checkOpen();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(checkOpen),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsLeakSettings(event)) checkOpen();
    }),
    vscode.languages.registerHoverProvider(ALL_FILES, new LeakHoverProvider(diagnostics)),
    vscode.languages.registerCodeActionsProvider(ALL_FILES, new LeakCodeActions(diagnostics, inventory, s.registry), {
      providedCodeActionKinds: LeakCodeActions.kinds,
    }),
  ];
  checkOpen();
  return {
    commands: {
      ...leakCommands(s, inventory, diagnostics, ignoreList),
      [COMMAND_IDS.scanWorkspaceForKeys]: async (_driven: DriverOptions) => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(
            vscode.l10n.t(
              'Restricted Mode: Scan Workspace for Keys reads every file of the workspace, so it runs only in a trusted workspace. Open files are still checked.',
            ),
          );
          return undefined;
        }
        const summary = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning the workspace for keys'), cancellable: true },
          (progress, token) => scanWorkspace(diagnostics, progress, token),
        );
        const text = vscode.l10n.t(
          '{0} files scanned: {1} keys found in {2} files{3}.',
          summary.filesScanned,
          summary.findings,
          summary.filesWithFindings,
          summary.cancelled ? vscode.l10n.t(' (cancelled)') : '',
        );
        void vscode.window.showInformationMessage(text);
        if (summary.findings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
        return summary;
      },
    },
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
