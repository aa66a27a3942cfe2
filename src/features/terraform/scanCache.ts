import type * as vscode from 'vscode';
import { scanTerraform, type ScannedBlock } from '../../terraform/scanner';

/** The scan of each open Terraform document, computed once per document version. */
export class ScanCache {
  readonly #scans = new Map<string, { version: number; blocks: readonly ScannedBlock[] }>();

  blocks(document: vscode.TextDocument): readonly ScannedBlock[] {
    const key = document.uri.toString();
    const known = this.#scans.get(key);
    if (known && known.version === document.version) return known.blocks;
    const blocks = scanTerraform(document.getText());
    this.#scans.set(key, { version: document.version, blocks });
    return blocks;
  }

  forget(document: vscode.TextDocument): void {
    this.#scans.delete(document.uri.toString());
  }
}
