import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';

export const EXTENSION_ID = 'cloud-keys.cloud-keys';

/** Polls `condition` until it holds, failing with `message` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${message} (waited ${timeoutMs} ms)`);
}

/** The emulators the driver started, by cloud: `{"oci":"http://127.0.0.1:…", …}`. */
export const emulators: Record<string, string> = JSON.parse(process.env.CLOUD_KEYS_EMULATORS ?? '{}');

/** The extension's test API, activating it if needed (the driver sets CLOUD_KEYS_TEST_API=1). */
export async function api(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID)!;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  assert.ok(exports, 'the extension exposes its test API (CLOUD_KEYS_TEST_API=1)');
  return exports;
}

/** One profile (section) of an INI file such as an OCI config or AWS credentials file, read plainly (not with the extension's parser); comment lines are skipped. */
export function readProfile(file: string, profile: string): Record<string, string> {
  const out: Record<string, string> = {};
  let inside = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) inside = header[1] === profile;
    else if (inside && line.includes('=') && !line.trim().startsWith('#'))
      out[line.slice(0, line.indexOf('=')).trim()] = line.slice(line.indexOf('=') + 1).trim();
  }
  return out;
}

/** The first user (the caller) of the cloud's first account in the tree. */
export async function callerOf(t: TestApi, cloud: string): Promise<UserNode> {
  const account = (await t.tree.getChildren()).find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(account, `no ${cloud} account`);
  const users = await t.tree.getChildren(account);
  assert.ok(users[0]?.kind === 'user');
  return users[0];
}

/** A user's keys, read again from the cloud. */
export async function keysOf(t: TestApi, user: UserNode): Promise<KeyNode[]> {
  t.tree.refresh(user);
  return (await t.tree.getChildren(user)).filter((n: TreeNode): n is KeyNode => n.kind === 'key');
}
