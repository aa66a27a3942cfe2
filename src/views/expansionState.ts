import path from 'node:path';
import type * as vscode from 'vscode';
import * as z from 'zod/mini';
import { lazySchema } from '../model/lazySchema';
import '../util/zodLocale';
import { jsonListFile, type ListStorage } from '../util/jsonListFile';

const STATE_KEY = 'cloudKeys.tree.expanded';
const IdsSchema = lazySchema(() => z.array(z.string()));

/**
 * Where the tree keeps the ids of its expanded rows (account and user ids, never a secret), so they
 * come back after a window reload: a file in the workspace's storage folder, on disk as soon as it
 * is written (the workspace state is flushed later, and a quick reload can lose it), or the
 * workspace state where there is no such folder.
 */
export function expansionStorage(context: Pick<vscode.ExtensionContext, 'storageUri' | 'workspaceState'>): ListStorage<string> {
  const state = context.workspaceState;
  if (context.storageUri?.scheme !== 'file')
    return { read: () => state.get<unknown>(STATE_KEY), write: async (ids) => state.update(STATE_KEY, ids) };
  return jsonListFile<string>(path.join(context.storageUri.fsPath, 'tree-expanded.json'));
}

/** The ids read back; anything else (a hand-edited or corrupt file) counts as nothing expanded. */
export function readExpanded(storage: ListStorage<string> | undefined): Set<string> {
  try {
    const parsed = IdsSchema.safeParse(storage?.read());
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}
