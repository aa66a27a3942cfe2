import path from 'node:path';
import * as vscode from 'vscode';
import type { CloudModule } from './clouds/cloudModule';
import { CloudModuleLoader } from './clouds/cloudModuleLoader';
import { CommandDriver } from './commands/commandDriver';
import { registerGeneralCommands } from './commands/generalCommands';
import { settings } from './config/settings';
import { describeError } from './model/cloudError';
import { CLOUD_IDS } from './model/types';
import { AccountBrowser } from './operations/accountBrowser';
import { AccountRegistry } from './operations/accountRegistry';
import { CreateJournal } from './operations/createJournal';
import { SecretStore } from './secrets/secretStore';
import { AccountPreferencesStore } from './services/accountPreferencesStore';
import { createCloudContext } from './services/cloudContextFactory';
import { createJournalStorage } from './services/createJournalState';
import { RotationService } from './features/rotation/rotationService';
import { createRotationEngine } from './features/rotation/rotationRunner';
import type { FeatureServices } from './services/featureServices';
import { startFeatures } from './features';
import { ConfigFileWatcher } from './services/configFileWatcher';
import { SecretClipboard } from './services/secretClipboard';
import { CLOUD_CALL_CONCURRENCY, createLimiter } from './util/limiter';
import { OutputChannelLogger } from './util/outputChannelLogger';
import { expansionStorage } from './views/expansionState';
import { ACCOUNTS_VIEW_ID, AccountsTreeProvider } from './views/accountsTreeProvider';
import { loadFormControllers } from './services/lazyModules';
import type { PanelHost } from './webview/panelHost';

/** What the integration suite reaches, only when CLOUD_KEYS_TEST_API=1 is set for the extension host. */
export interface TestApi {
  readonly tree: AccountsTreeProvider;
  readonly registry: AccountRegistry;
  readonly secrets: SecretStore;
  readonly createJournal: CreateJournal;
  /** The open webview panels, to watch what they post and to speak for their pages. */
  readonly panels: () => readonly PanelHost[];
  /** Runs a command with options only tests give (confirmations answered); rejects with what it showed if it failed. */
  readonly run: CommandDriver['run'];
  /** Every command failure or refusal shown to the user since activation. */
  readonly commandFailures: () => readonly string[];
}

/** The composition root: build each service, register it, hand every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const startedAt = performance.now();
  const logger = new OutputChannelLogger('Cloud Keys');
  const secrets = new SecretStore(context.secrets, logger);
  const preferences = new AccountPreferencesStore(context.globalState, logger);
  const loader = new CloudModuleLoader<{ cloudModule: CloudModule }>(path.join(context.extensionPath, 'dist', 'clouds'));
  const registry = new AccountRegistry(
    (cloud) => loader.load(cloud).cloudModule,
    () => createCloudContext(logger, secrets, context.globalState),
    preferences,
    CLOUD_IDS.filter((cloud) => loader.isAvailable(cloud)),
  );
  const browser = new AccountBrowser((account) => registry.provider(account), createLimiter(CLOUD_CALL_CONCURRENCY));
  const tree = new AccountsTreeProvider(
    registry,
    browser,
    secrets,
    logger,
    () => settings.keyHealth(),
    context.extensionUri,
    expansionStorage(context),
  );
  const watcher = new ConfigFileWatcher(() => tree.refresh());
  const clipboard = new SecretClipboard(() => settings.clipboardClearSeconds());
  context.subscriptions.push(logger, secrets, tree, watcher, clipboard);

  const treeView = vscode.window.createTreeView(ACCOUNTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    treeView,
    tree.trackExpansion(treeView),
    tree.onDidLoadAccounts(() => watcher.watch(registry.configFiles())),
    secrets.onDidChange(() => tree.rerender()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (settings.affectsAccounts(event)) tree.refresh();
      else if (settings.affectsTree(event)) tree.rerender();
    }),
  );

  const driver = new CommandDriver();
  const commandContext = { logger, showLogs: () => logger.show(), driver };
  // The engine is built on first use, by which time `services` is complete.
  const rotation: RotationService = new RotationService(context, (records, terminal) => createRotationEngine(services, records, terminal));
  const createJournal = new CreateJournal(createJournalStorage(context), logger);
  const services: FeatureServices = {
    context,
    logger,
    commandContext,
    registry,
    browser,
    tree,
    secrets,
    clipboard,
    preferences,
    treeView,
    rotation,
    createJournal,
  };
  context.subscriptions.push(
    ...registerGeneralCommands(commandContext, context.extension.id),
    ...startFeatures(services, (feature, error) => {
      logger.error(`Cloud Keys could not start ${feature}:`, error);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Cloud Keys could not start part of itself ({0}): {1}', feature, describeError(error, { requestId: false })),
      );
    }),
  );

  logger.info(`Cloud Keys ${String(context.extension.packageJSON.version)} activated in ${Math.round(performance.now() - startedAt)} ms`);
  return process.env.CLOUD_KEYS_TEST_API === '1'
    ? {
        tree,
        registry,
        secrets,
        createJournal,
        panels: () => loadFormControllers().openPanels(),
        run: (...a) => driver.run(...a),
        commandFailures: () => driver.failures(),
      }
    : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
