import * as vscode from 'vscode';
import { TERRAFORM_COMMAND_IDS } from '../../commands/ids/terraform';
import { keyLookups, type KeyLookup } from '../../terraform/keyLookup';
import type { LiveKeys, LiveStatus } from './liveKeys';
import type { ScanCache } from './scanCache';

/** The command another feature registers to rotate a key node; its lens appears only when it exists. */
export const ROTATE_COMMAND = 'cloudKeys.rotateKey';

class StatusLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly lookup: KeyLookup,
  ) {
    super(range);
  }
}

/**
 * Lenses above each key resource of a Terraform file: the live key's state, age and expiry (or why
 * there is none), then "Rotate", "Show in Cloud Keys" and "Import existing key" where they apply.
 *
 * Providing is a scan of the text (cached per document version); the live state is looked up only
 * when VS Code resolves a lens it shows, and remembered by lookup, so typing never waits for, nor
 * repeats, a request. Once a state arrives the lenses are provided again, with its actions.
 */
export class KeyCodeLenses implements vscode.CodeLensProvider<vscode.CodeLens>, vscode.Disposable {
  readonly #onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.#onDidChange.event;
  readonly #subscription: vscode.Disposable;
  #refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly scans: ScanCache,
    private readonly live: LiveKeys,
  ) {
    this.#subscription = live.onDidChange(() => this.#onDidChange.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const lookups = keyLookups(this.scans.blocks(document));
    if (lookups.length === 0) return [];
    const canRotate = (await vscode.commands.getCommands(true)).includes(ROTATE_COMMAND);
    const lenses: vscode.CodeLens[] = [];
    for (const lookup of lookups) {
      const start = document.positionAt(lookup.block.start);
      const range = new vscode.Range(start, start);
      const known = await settledOrUndefined(this.live.peek(lookup));
      if (!known) {
        lenses.push(new StatusLens(range, lookup));
        continue;
      }
      lenses.push(...this.#lensesFor(document, range, lookup, known, canRotate));
    }
    return lenses;
  }

  async resolveCodeLens(lens: vscode.CodeLens): Promise<vscode.CodeLens> {
    if (!(lens instanceof StatusLens)) return lens;
    const status = await this.live.status(lens.lookup);
    lens.command = { title: statusTitle(status), command: '' };
    this.#scheduleRefresh();
    return lens;
  }

  /** Provides the lenses again (with their actions) once, shortly after states arrived. */
  #scheduleRefresh(): void {
    if (this.#refreshTimer) return;
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = undefined;
      this.#onDidChange.fire();
    }, 50);
  }

  #lensesFor(
    document: vscode.TextDocument,
    range: vscode.Range,
    lookup: KeyLookup,
    status: LiveStatus,
    canRotate: boolean,
  ): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    const showKey = status.kind === 'found' ? { command: TERRAFORM_COMMAND_IDS.showKeyInTree, arguments: [status.node] } : undefined;
    lenses.push(
      new vscode.CodeLens(range, {
        title: statusTitle(status),
        command: showKey?.command ?? '',
        arguments: showKey?.arguments,
        tooltip: vscode.l10n.t('Live state from Cloud Keys'),
      }),
    );
    if (status.kind === 'found') {
      if (canRotate)
        lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Rotate'), command: ROTATE_COMMAND, arguments: [status.node] }));
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Show in Cloud Keys'),
          command: TERRAFORM_COMMAND_IDS.showKeyInTree,
          arguments: [status.node],
        }),
      );
    }
    const importable = status.kind === 'found' ? !lookup.importBlock : status.kind !== 'unknown' && status.candidates.length > 0;
    if (importable) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Import existing key'),
          command: TERRAFORM_COMMAND_IDS.importExistingKey,
          arguments: [document.uri, lookup.address],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    this.#subscription.dispose();
    this.#onDidChange.dispose();
  }
}

function statusTitle(status: LiveStatus): string {
  const icon =
    status.kind === 'found'
      ? status.flagged
        ? '$(warning)'
        : '$(key)'
      : status.kind === 'unknown'
        ? '$(question)'
        : status.kind === 'missing'
          ? '$(warning)'
          : '$(circle-outline)';
  return `${icon} ${status.text}`;
}

/** The value of a promise that has already settled, without waiting for one that has not. */
async function settledOrUndefined<T>(promise: Promise<T> | undefined): Promise<T | undefined> {
  if (!promise) return undefined;
  const pending = Symbol('pending');
  const first = await Promise.race([promise, Promise.resolve(pending)]);
  return first === pending ? undefined : (first as T);
}
