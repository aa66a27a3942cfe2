import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';

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
