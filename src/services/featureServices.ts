import type * as vscode from 'vscode';
import type { CommandContext } from '../commands/registerCommand';
import type { AccountBrowser } from '../operations/accountBrowser';
import type { CreateJournal } from '../operations/createJournal';
import type { AccountRegistry } from '../operations/accountRegistry';
import type { SecretStore } from '../secrets/secretStore';
import type { Logger } from '../util/logger';
import type { AccountsTreeProvider } from '../views/accountsTreeProvider';
import type { TreeNode } from '../views/nodes/treeNodes';
import type { AccountPreferencesStore } from './accountPreferencesStore';
import type { RotationService } from '../features/rotation/rotationService';
import type { SecretClipboard } from './secretClipboard';

/** The services a feature (tree commands, rotation, Terraform, forms) is built from. */
export interface FeatureServices {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly commandContext: CommandContext;
  readonly registry: AccountRegistry;
  readonly browser: AccountBrowser;
  readonly tree: AccountsTreeProvider;
  readonly secrets: SecretStore;
  readonly clipboard: SecretClipboard;
  readonly preferences: AccountPreferencesStore;
  /** The Accounts view, e.g. to reveal a key in it. */
  readonly treeView: vscode.TreeView<TreeNode>;
  /** The one rotation engine, export records and terminal export, shared by the rotation commands and the Rotate form. */
  readonly rotation: RotationService;
  /** Key creations in flight, so one interrupted by a crash is recovered at the next start. */
  readonly createJournal: CreateJournal;
}

/** A feature registers its commands, providers and listeners and returns every disposable. */
export type Feature = (services: FeatureServices) => vscode.Disposable[];
