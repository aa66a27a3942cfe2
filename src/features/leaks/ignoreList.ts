import { createHash, randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';
import type { Leak } from '../../leaks/types';

const LIST_KEY = 'cloudKeys.leaks.ignored';
const SALT_KEY = 'cloudKeys.leaks.ignoreSalt';

/**
 * Findings the user chose to ignore in this workspace, kept in its workspace state. A finding of
 * one of the user's keys is kept as account, key and part; any other as a salted SHA-256 of the
 * value (the salt is this workspace's), so the state never holds a secret.
 */
export class WorkspaceIgnoreList {
  constructor(private readonly state: vscode.Memento) {}

  /** Whether `leak`, whose value in the text is `value`, is on the list. */
  has(leak: Leak, value: string): boolean {
    const list = this.state.get<string[]>(LIST_KEY, []);
    return list.length > 0 && list.includes(this.#entry(leak, value));
  }

  async add(leak: Leak, value: string): Promise<void> {
    const list = this.state.get<string[]>(LIST_KEY, []);
    const entry = this.#entry(leak, value);
    if (!list.includes(entry)) await this.state.update(LIST_KEY, [...list, entry]);
  }

  async clear(): Promise<void> {
    await this.state.update(LIST_KEY, undefined);
  }

  #entry(leak: Leak, value: string): string {
    if (leak.owner) return `key:${leak.owner.accountId}|${leak.owner.keyId}|${leak.part}`;
    let salt = this.state.get<string>(SALT_KEY);
    if (!salt) {
      salt = randomBytes(16).toString('hex');
      void this.state.update(SALT_KEY, salt);
    }
    return `value:${createHash('sha256').update(salt).update(value).digest('hex').slice(0, 32)}`;
  }
}
