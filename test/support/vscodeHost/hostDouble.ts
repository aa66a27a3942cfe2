/**
 * A typed double of the VS Code host, for running `activate` under plain Node (the activation
 * benchmark, test/unit/activation.test.ts) and the glue's unit tests (see useHostDouble.ts): the
 * `vscode` module members that code uses, and an ExtensionContext. Each class `implements` the real
 * API interface, so the compiler catches drift; members it touches that are not modelled are
 * answered by stand-ins and listed (see UnmodelledApi). What VS Code itself does with them (rendering,
 * menus, focus) is tested in real VS Code (test/integration, test/e2e).
 */
import fs from 'node:fs';
import type * as vscode from 'vscode';
import { HostDisposable, HostEventEmitter } from './hostEvents';
import { HostMarkdownString, HostThemeColor, HostThemeIcon, HostTreeItem, HostUri, TreeItemCollapsibleState, ViewColumn } from './hostTree';
import { HostWebviewPanel } from './hostWebview';
import { UnmodelledApi } from './standIn';

/** The `vscode` module's top-level names, read from the API's own declarations (`@types/vscode`). */
export function vscodeApiNames(declarations: string): string[] {
  const text = fs.readFileSync(declarations, 'utf8');
  return [...new Set([...text.matchAll(/^\t?export (?:namespace|class|enum|const|function) (\w+)/gm)].map((m) => m[1]))];
}

export class HostMemento implements vscode.Memento {
  readonly #values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.#values.keys()];
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.#values.has(key) ? (this.#values.get(key) as T) : defaultValue;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.#values.delete(key);
    else this.#values.set(key, value);
  }

  setKeysForSync(): void {}
}

export class HostSecretStorage implements vscode.SecretStorage {
  readonly #values = new Map<string, string>();
  readonly #changed = new HostEventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.#changed.event;

  async get(key: string): Promise<string | undefined> {
    return this.#values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
    this.#changed.fire({ key });
  }

  async delete(key: string): Promise<void> {
    this.#values.delete(key);
    this.#changed.fire({ key });
  }
}

/** Keeps the lines the extension logs, so the benchmark can read the "activated" line. */
export class HostLogOutputChannel implements vscode.LogOutputChannel {
  readonly lines: string[] = [];
  readonly logLevel = 2 as vscode.LogLevel; // Info
  readonly onDidChangeLogLevel = new HostEventEmitter<vscode.LogLevel>().event;

  constructor(readonly name: string) {}

  trace(message: string): void {
    this.lines.push(`[trace] ${message}`);
  }

  debug(message: string): void {
    this.lines.push(`[debug] ${message}`);
  }

  info(message: string): void {
    this.lines.push(`[info] ${message}`);
  }

  warn(message: string): void {
    this.lines.push(`[warning] ${message}`);
  }

  error(error: string | Error): void {
    this.lines.push(`[error] ${String(error)}`);
  }

  append(value: string): void {
    this.lines.push(value);
  }

  appendLine(value: string): void {
    this.lines.push(value);
  }

  replace(value: string): void {
    this.lines.splice(0, this.lines.length, value);
  }

  clear(): void {
    this.lines.length = 0;
  }

  show(): void {}

  hide(): void {}

  dispose(): void {}
}

export class HostTreeView<T> implements vscode.TreeView<T> {
  readonly onDidExpandElement = new HostEventEmitter<vscode.TreeViewExpansionEvent<T>>().event;
  readonly onDidCollapseElement = new HostEventEmitter<vscode.TreeViewExpansionEvent<T>>().event;
  readonly selection: readonly T[] = [];
  readonly onDidChangeSelection = new HostEventEmitter<vscode.TreeViewSelectionChangeEvent<T>>().event;
  readonly visible = false;
  readonly onDidChangeVisibility = new HostEventEmitter<vscode.TreeViewVisibilityChangeEvent>().event;
  readonly onDidChangeCheckboxState = new HostEventEmitter<vscode.TreeCheckboxChangeEvent<T>>().event;
  message?: string;
  title?: string;
  description?: string;
  badge?: vscode.ViewBadge | undefined;

  async reveal(): Promise<void> {}

  dispose(): void {}
}

export class HostConfiguration implements vscode.WorkspaceConfiguration {
  readonly [key: string]: unknown;

  get<T>(section: string): T | undefined;
  get<T>(section: string, defaultValue: T): T;
  get<T>(_section: string, defaultValue?: T): T | undefined {
    return defaultValue;
  }

  has(): boolean {
    return false;
  }

  inspect<T>(section: string): { key: string; defaultValue?: T } | undefined {
    return { key: section };
  }

  async update(): Promise<void> {}
}

type CreateOutputChannel = typeof vscode.window.createOutputChannel;

/** A notification the code showed: its severity, message and buttons. */
export interface ShownMessage {
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  readonly items: readonly string[];
}

/** What the host records, and what a test decides for the user. */
export interface HostState {
  readonly channels: HostLogOutputChannel[];
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly messages: ShownMessage[];
  readonly panels: HostWebviewPanel[];
  /** The workspace's trust (`workspace.isTrusted`); true unless a test says otherwise. */
  trusted: boolean;
  /** The button the user clicks on the next notification; none (dismissed) unless a test says. */
  answer: (message: ShownMessage) => string | undefined;
}

/** `{0}`, `{1}`… replaced by the arguments, as `l10n.t` does. */
function format(message: string, args: readonly unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** The `window`, `commands`, `workspace`, `env` and `l10n` members the code under test uses, typed against the real API. */
function namespaces(state: HostState) {
  const show =
    (severity: ShownMessage['severity']) =>
    async (message: string, ...rest: unknown[]): Promise<string | undefined> => {
      const items = rest.filter((item): item is string => typeof item === 'string');
      const shown = { severity, message, items };
      state.messages.push(shown);
      return state.answer(shown);
    };
  const window: Pick<
    typeof vscode.window,
    'createOutputChannel' | 'createTreeView' | 'createWebviewPanel' | 'showErrorMessage' | 'showWarningMessage' | 'showInformationMessage'
  > = {
    createOutputChannel: ((name: string) => {
      const channel = new HostLogOutputChannel(name);
      state.channels.push(channel);
      return channel;
    }) as CreateOutputChannel,
    createTreeView: <T>() => new HostTreeView<T>(),
    createWebviewPanel: (viewType, title, showOptions, options = {}) => {
      const column = typeof showOptions === 'object' ? showOptions.viewColumn : showOptions;
      const panel = new HostWebviewPanel(viewType, title, column, options);
      state.panels.push(panel);
      return panel;
    },
    showErrorMessage: show('error') as typeof vscode.window.showErrorMessage,
    showWarningMessage: show('warning') as typeof vscode.window.showWarningMessage,
    showInformationMessage: show('information') as typeof vscode.window.showInformationMessage,
  };
  const commandsApi: Pick<typeof vscode.commands, 'registerCommand' | 'executeCommand'> = {
    registerCommand: (command, callback) => {
      if (state.commands.has(command)) throw new Error(`command ${command} registered twice`);
      state.commands.set(command, callback);
      return new HostDisposable(() => state.commands.delete(command));
    },
    // Runs a command registered here; VS Code's own commands (setContext…) do nothing.
    executeCommand: async <T>(command: string, ...args: unknown[]): Promise<T> => (await state.commands.get(command)?.(...args)) as T,
  };
  const workspace: Pick<typeof vscode.workspace, 'onDidChangeConfiguration' | 'getConfiguration' | 'isTrusted'> = {
    onDidChangeConfiguration: new HostEventEmitter<vscode.ConfigurationChangeEvent>().event,
    getConfiguration: () => new HostConfiguration(),
    get isTrusted() {
      return state.trusted;
    },
  };
  const env: Pick<typeof vscode.env, 'language'> = { language: 'en' };
  const l10n: Pick<typeof vscode.l10n, 't'> = {
    t: ((message: string | { message: string; args?: unknown[] }, ...args: unknown[]) =>
      typeof message === 'string' ? format(message, args) : format(message.message, message.args ?? [])) as typeof vscode.l10n.t,
  };
  return { window, commands: commandsApi, workspace, env, l10n };
}

class HostExtensionContext implements vscode.ExtensionContext {
  readonly subscriptions: { dispose(): unknown }[] = [];
  readonly workspaceState = new HostMemento();
  readonly globalState = new HostMemento();
  readonly secrets = new HostSecretStorage();
  readonly storagePath = undefined;
  readonly storageUri = undefined;

  constructor(
    readonly extensionPath: string,
    readonly extension: vscode.Extension<unknown>,
    private readonly unmodelled: UnmodelledApi,
  ) {}

  #standIn<T>(member: string): T {
    this.unmodelled.touched.add(`context.${member}`);
    return this.unmodelled.standIn(`context.${member}`) as T;
  }

  get extensionUri(): vscode.Uri {
    return HostUri.file(this.extensionPath);
  }

  get environmentVariableCollection(): vscode.GlobalEnvironmentVariableCollection {
    return this.#standIn('environmentVariableCollection');
  }

  asAbsolutePath(relativePath: string): string {
    return `${this.extensionPath}/${relativePath}`;
  }

  get globalStorageUri(): vscode.Uri {
    return this.#standIn('globalStorageUri');
  }

  get globalStoragePath(): string {
    return `${this.extensionPath}/.global-storage`;
  }

  get logUri(): vscode.Uri {
    return this.#standIn('logUri');
  }

  get logPath(): string {
    return `${this.extensionPath}/.logs`;
  }

  get extensionMode(): vscode.ExtensionMode {
    return 1 as vscode.ExtensionMode; // Production
  }

  get languageModelAccessInformation(): vscode.LanguageModelAccessInformation {
    return this.#standIn('languageModelAccessInformation');
  }
}

export interface HostDouble extends HostState {
  /** What `require('vscode')` returns. */
  readonly module: unknown;
  readonly context: vscode.ExtensionContext;
  readonly unmodelled: UnmodelledApi;
}

/**
 * A host for an extension installed at `extensionPath`, with `packageJSON` as its manifest.
 * `apiNames` are the `vscode` module's top-level names (see `vscodeApiNames`).
 */
export function createHostDouble(
  extensionPath: string,
  packageJSON: { name: string; publisher: string; version: string },
  apiNames: readonly string[] = [],
): HostDouble {
  const unmodelled = new UnmodelledApi();
  const state: HostState = { channels: [], commands: new Map(), messages: [], panels: [], trusted: true, answer: () => undefined };
  const api = namespaces(state);
  const members: Pick<
    typeof vscode,
    | 'Disposable'
    | 'EventEmitter'
    | 'TreeItem'
    | 'TreeItemCollapsibleState'
    | 'ThemeIcon'
    | 'ThemeColor'
    | 'MarkdownString'
    | 'Uri'
    | 'ViewColumn'
  > &
    typeof api = {
    Disposable: HostDisposable,
    EventEmitter: HostEventEmitter,
    TreeItem: HostTreeItem,
    TreeItemCollapsibleState: TreeItemCollapsibleState as unknown as typeof vscode.TreeItemCollapsibleState,
    ThemeIcon: HostThemeIcon,
    ThemeColor: HostThemeColor,
    MarkdownString: HostMarkdownString,
    Uri: HostUri as unknown as typeof vscode.Uri,
    ViewColumn: ViewColumn as unknown as typeof vscode.ViewColumn,
    window: unmodelled.around('window.', api.window) as typeof api.window,
    commands: unmodelled.around('commands.', api.commands) as typeof api.commands,
    workspace: unmodelled.around('workspace.', api.workspace) as typeof api.workspace,
    env: unmodelled.around('env.', api.env) as typeof api.env,
    l10n: unmodelled.around('l10n.', api.l10n) as typeof api.l10n,
  };
  const extension: vscode.Extension<unknown> = {
    id: `${packageJSON.publisher}.${packageJSON.name}`,
    extensionUri: HostUri.file(extensionPath),
    extensionPath,
    isActive: true,
    packageJSON,
    extensionKind: 1 as vscode.ExtensionKind, // UI
    exports: undefined,
    activate: async () => undefined,
  };
  // The state's fields are the host's own (a test sets `trusted` and `answer` on it).
  return Object.assign(state, {
    module: unmodelled.around('', members, apiNames),
    context: new HostExtensionContext(extensionPath, extension, unmodelled),
    unmodelled,
  });
}
