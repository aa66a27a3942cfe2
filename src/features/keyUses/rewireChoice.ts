import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { LabelledKeyAddress } from '../../keyMatching';
import type { ExportRepointer } from '../../operations/rotation';
import type { SecretStore } from '../../secrets/secretStore';
import type { Logger } from '../../util/logger';
import { loadKeyUsesModule } from '../../services/lazyToolModules';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { isManagedFile } from '../../keyUses/managed';
import type { NotRewritable, RewireTarget } from '../../keyUses/rewire';
import { UseRewirer } from '../../keyUses/useRewirer';
import type { KeyUsesResult } from './keyUsesSearches';
import { displayPath } from './keyUsesView';
import { sharedSlot } from '../../util/sharedSlot';

/** Set where the rotation engine is built, read by the rotation commands (a lazy bundle): shared across bundles. */
const rewirerSlot = sharedSlot<UseRewirer>('keyUses.rewirer');

/** Wraps the rotation engine's export updater so a rotation also rewrites the uses the user chose. */
export function withUseRewiring(inner: ExportRepointer, logger: Logger): ExportRepointer {
  const rewirer = new UseRewirer(inner, logger);
  rewirerSlot.set(rewirer);
  return rewirer;
}

/** The uses a rotation could rewrite, and those left to the user. */
export interface RewireOffer {
  readonly targets: readonly RewireTarget[];
  readonly byHand: readonly NotRewritable[];
}

/**
 * Plans the rewrite of every file where the search found the key, except those Cloud Keys' own
 * exports manage (the rotation updates them anyway). The key's secret, when stored, is read, hashed
 * into the index and dropped.
 */
export async function rewireOffer(node: KeyNode, result: KeyUsesResult, secrets: SecretStore): Promise<RewireOffer> {
  const { KeyIndex, indexKey, planRewire } = loadKeyUsesModule();
  if (node.key.kind === 'api-signing-key') {
    // A new API signing key needs a new private key file too: only Cloud Keys' own OCI profiles follow it.
    const files = [...new Set(result.uses.filter((u) => !isManagedFile(u.file, result.managedFiles)).map((u) => u.file))];
    return { targets: [], byHand: files.map((file) => ({ file, why: 'an API signing key (its private key file changes too)' })) };
  }
  const index = new KeyIndex<LabelledKeyAddress>();
  indexKey(
    index,
    node.key,
    { accountId: node.account.id, userId: node.user.id, keyId: node.key.id, kind: node.key.kind, label: node.key.id },
    await secrets.getKeySecret(node.key),
  );
  const targets: RewireTarget[] = [];
  const byHand: NotRewritable[] = [];
  for (const file of new Set(result.uses.map((u) => u.file))) {
    if (isManagedFile(file, result.managedFiles)) continue;
    let planned: RewireTarget | NotRewritable;
    try {
      planned = planRewire(index, file, fs.readFileSync(file));
    } catch {
      planned = { file, why: 'unreadable now' };
    }
    if ('sha256' in planned) targets.push(planned);
    else byHand.push(planned);
  }
  return { targets, byHand };
}

/** Lines for the rotation's confirmation: the files it can update, and those to update by hand. */
export function describeOffer(offer: RewireOffer): string[] {
  const home = os.homedir();
  return [
    offer.targets.length
      ? vscode.l10n.t(
          'Can update {0} files for you: {1}',
          offer.targets.length,
          offer.targets.map((t) => displayPath(t.file, home)).join(', '),
        )
      : '',
    offer.byHand.length
      ? vscode.l10n.t('Update by hand: {0}', offer.byHand.map((b) => `${displayPath(b.file, home)} (${b.why})`).join('; '))
      : '',
  ].filter(Boolean);
}

/**
 * Shows the diff of every file (secrets masked) and asks; on yes, the rotation of this key rewrites
 * them. A file changed after this is refused at the write.
 */
export async function confirmRewire(node: KeyNode, offer: RewireOffer): Promise<boolean> {
  const { maskedDiff } = loadKeyUsesModule();
  const name = node.key.displayName ?? node.key.id;
  const diff = offer.targets
    .map((t) =>
      maskedDiff(t, fs.readFileSync(t.file), {
        old: name,
        new: vscode.l10n.t('the new key'),
        newKeyId: vscode.l10n.t('‹id of the new key›'),
      }),
    )
    .join('\n');
  const document = await vscode.workspace.openTextDocument({ language: 'diff', content: diff });
  await vscode.window.showTextDocument(document, { preview: true });
  const write = vscode.l10n.t('Write and Rotate');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Rotate {0} and write the new key into these {1} files?', name, offer.targets.length),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The diff is open beside (secrets masked). A file changed after now is left as it is. Rolling the rotation back restores them.',
      ),
    },
    write,
  );
  const rewirer = rewirerSlot.get();
  if (answer !== write || !rewirer) return false;
  rewirer.plan(node.account.id, node.key.id, offer.targets);
  return true;
}

/** Files the last rotations could not rewrite because they changed after the diff (and clears the list). */
export function refusedRewires(): string[] {
  return rewirerSlot.get()?.refused.splice(0) ?? [];
}
