import * as os from 'node:os';
import * as vscode from 'vscode';
import type { LabelledKeyAddress } from '../../keyMatching';
import type { ExportRecords } from '../../operations/exports/records';
import type { SecretStore } from '../../secrets/secretStore';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { loadKeyUsesModule } from '../../services/lazyToolModules';
import type { FindSummary, KeyUse } from '../../keyUses/finder';
import { exportedFiles } from '../../keyUses/managed';
import { maxFileBytes, placeChoice } from './keyUsesSettings';

/** One search for one key: what it found so far, never a secret. */
export interface KeyUsesResult {
  readonly target: KeyNode;
  readonly uses: KeyUse<LabelledKeyAddress>[];
  /** False when Cloud Keys never stored the key's secret: only its id or fingerprint was looked for. */
  readonly secretKnown: boolean;
  /** Files an export of Cloud Keys wrote this key to. */
  readonly managedFiles: ReadonlySet<string>;
  /** Set when the search ended (or was cancelled). */
  summary?: FindSummary;
  finishedAt?: number;
  /** Searched only the workspace and the CLI files (before a delete or rotation). */
  readonly bounded: boolean;
}

function keyOf(node: KeyNode): string {
  return `${node.account.id}|${node.key.kind}|${node.key.id}`;
}

/** Runs searches and keeps the last result per key, so a delete or rotation can name the uses found. */
export class KeyUsesSearches implements vscode.Disposable {
  readonly #results = new Map<string, KeyUsesResult>();
  readonly #onDidChange = new vscode.EventEmitter<KeyUsesResult>();
  /** Fired as uses stream in and when a search ends. */
  readonly onDidChange = this.#onDidChange.event;

  constructor(
    private readonly secrets: SecretStore,
    /** The window's one set of export records (the rotation's), so a search sees an export written a moment ago. */
    private readonly records: Pick<ExportRecords, 'ofKey'>,
  ) {}

  last(node: KeyNode): KeyUsesResult | undefined {
    return this.#results.get(keyOf(node));
  }

  /** Searches for one key's uses; the secret, when stored, is read, hashed into the index and dropped. */
  async search(node: KeyNode, options: { bounded: boolean; signal: AbortSignal }): Promise<KeyUsesResult> {
    const { KeyIndex, indexKey, labelledKeyAddressOf, findKeyUses, placesFor } = loadKeyUsesModule();
    const index = new KeyIndex<LabelledKeyAddress>();
    const secret = node.key.kind === 'api-signing-key' ? undefined : await this.secrets.getKeySecret(node.key);
    indexKey(index, node.key, labelledKeyAddressOf(node.key), secret);
    const records = this.records.ofKey(node.account.id, node.key.id);
    const result: KeyUsesResult = {
      target: node,
      uses: [],
      secretKnown: secret !== undefined || node.key.kind === 'api-signing-key',
      managedFiles: exportedFiles(records),
      bounded: options.bounded,
    };
    this.#results.set(keyOf(node), result);
    this.#onDidChange.fire(result);
    const places = await placesFor(placeChoice(options.bounded), os.homedir(), process.env);
    result.summary = await findKeyUses(index, places, {
      signal: options.signal,
      maxFileBytes: maxFileBytes(),
      onUses: (uses) => {
        result.uses.push(...uses);
        this.#onDidChange.fire(result);
      },
    });
    result.finishedAt = Date.now();
    this.#onDidChange.fire(result);
    return result;
  }

  dispose(): void {
    this.#onDidChange.dispose();
  }
}
