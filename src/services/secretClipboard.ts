import * as vscode from 'vscode';
import type { Secret } from '../model/secret';

/**
 * Copies a secret to the clipboard when the user asks, and clears it after a delay if the
 * clipboard still holds that secret (it leaves anything copied since alone).
 */
export class SecretClipboard implements vscode.Disposable {
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(private readonly clearAfterSeconds: () => number) {}

  async copy(secret: Secret): Promise<number> {
    const value = secret.reveal();
    await vscode.env.clipboard.writeText(value);
    const seconds = this.clearAfterSeconds();
    if (seconds > 0) {
      const timer = setTimeout(async () => {
        this.#timers.delete(timer);
        if ((await vscode.env.clipboard.readText()) === value) await vscode.env.clipboard.writeText('');
      }, seconds * 1000);
      this.#timers.add(timer);
    }
    return seconds;
  }

  dispose(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
