import assert from 'node:assert/strict';
import fs from 'node:fs';
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

/** One profile (section) of an INI file such as an OCI config or AWS credentials file, read plainly (not with the extension's parser); comment lines are skipped. */
export function readProfile(file: string, profile: string): Record<string, string> {
  const out: Record<string, string> = {};
  let inside = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) inside = header[1] === profile;
    else if (inside && line.includes('=') && !line.trim().startsWith('#')) out[line.slice(0, line.indexOf('=')).trim()] = line.slice(line.indexOf('=') + 1).trim();
  }
  return out;
}
