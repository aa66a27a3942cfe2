/**
 * A typed double of the VS Code host for timing `activate` under plain Node: the `vscode` module
 * members activation uses, and an ExtensionContext. Each class `implements` the real API interface,
 * so the compiler catches drift; members activation touches that are not modelled are answered by
 * stand-ins and listed (see UnmodelledApi).
 */
import fs from 'node:fs';
import type * as vscode from 'vscode';
import { UnmodelledApi } from './standIn';

/** The `vscode` module's top-level names, read from the API's own declarations (`@types/vscode`). */
export function vscodeApiNames(declarations: string): string[] {
  const text = fs.readFileSync(declarations, 'utf8');
  return [...new Set([...text.matchAll(/^\t?export (?:namespace|class|enum|const|function) (\w+)/gm)].map((m) => m[1]))];
}

export class HostDisposable implements vscode.Disposable {
  static from(...items: { dispose(): unknown }[]): HostDisposable {
    return new HostDisposable(() => items.forEach((item) => item.dispose()));
  }

  constructor(private readonly callOnDispose: () => unknown) {}

  dispose(): unknown {
    return this.callOnDispose();
  }
}

export class HostEventEmitter<T> implements vscode.EventEmitter<T> {
  readonly #listeners = new Set<(event: T) => unknown>();

  readonly event: vscode.Event<T> = (listener, thisArgs?, disposables?) => {
    const bound = (event: T) => listener.call(thisArgs, event);
    this.#listeners.add(bound);
    const disposable = new HostDisposable(() => this.#listeners.delete(bound));
    disposables?.push(disposable);
    return disposable;
  };

  fire(data: T): void {
    for (const listener of [...this.#listeners]) listener(data);
  }

  dispose(): void {
    this.#listeners.clear();
  }
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

/** The `window`, `commands`, `workspace` and `l10n` members activation uses, typed against the real API. */
function namespaces(log: HostLogOutputChannel[], commands: Map<string, (...args: unknown[]) => unknown>) {
  const window: Pick<typeof vscode.window, 'createOutputChannel' | 'createTreeView'> = {
    createOutputChannel: ((name: string) => {
      const channel = new HostLogOutputChannel(name);
      log.push(channel);
      return channel;
    }) as CreateOutputChannel,
    createTreeView: <T>() => new HostTreeView<T>(),
  };
  const commandsApi: Pick<typeof vscode.commands, 'registerCommand' | 'executeCommand'> = {
    registerCommand: (command, callback) => {
      if (commands.has(command)) throw new Error(`command ${command} registered twice`);
      commands.set(command, callback);
      return new HostDisposable(() => commands.delete(command));
    },
    executeCommand: async <T>(): Promise<T> => undefined as T,
  };
  const workspace: Pick<typeof vscode.workspace, 'onDidChangeConfiguration' | 'getConfiguration'> = {
    onDidChangeConfiguration: new HostEventEmitter<vscode.ConfigurationChangeEvent>().event,
    getConfiguration: () => new HostConfiguration(),
  };
  const l10n: Pick<typeof vscode.l10n, 't'> = {
    t: ((message: string | { message: string }) => (typeof message === 'string' ? message : message.message)) as typeof vscode.l10n.t,
  };
  return { window, commands: commandsApi, workspace, l10n };
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
    return this.#standIn('extensionUri');
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

export interface HostDouble {
  /** What `require('vscode')` returns. */
  readonly module: unknown;
  readonly context: vscode.ExtensionContext;
  readonly channels: HostLogOutputChannel[];
  readonly commands: ReadonlyMap<string, unknown>;
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
  const channels: HostLogOutputChannel[] = [];
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const api = namespaces(channels, commands);
  const members: Pick<typeof vscode, 'Disposable' | 'EventEmitter'> & typeof api = {
    Disposable: HostDisposable,
    EventEmitter: HostEventEmitter,
    window: unmodelled.around('window.', api.window) as typeof api.window,
    commands: unmodelled.around('commands.', api.commands) as typeof api.commands,
    workspace: unmodelled.around('workspace.', api.workspace) as typeof api.workspace,
    l10n: unmodelled.around('l10n.', api.l10n) as typeof api.l10n,
  };
  const extension: vscode.Extension<unknown> = {
    id: `${packageJSON.publisher}.${packageJSON.name}`,
    extensionUri: unmodelled.standIn('extension.extensionUri') as vscode.Uri,
    extensionPath,
    isActive: true,
    packageJSON,
    extensionKind: 1 as vscode.ExtensionKind, // UI
    exports: undefined,
    activate: async () => undefined,
  };
  return {
    module: unmodelled.around('', members, apiNames),
    context: new HostExtensionContext(extensionPath, extension, unmodelled),
    channels,
    commands,
    unmodelled,
  };
}
