import * as vscode from 'vscode';
import { settings } from '../../config/settings';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import type { ExportRecord } from '../../operations/exports/records';
import { planRotation, type GracePeriod, type RoomCandidate, type RoomNeeded, type RotationPlan } from '../../operations/rotation';
import { knownUses } from '../../operations/rotation/knownUses';
import type { RotationMode } from '../../operations/rotation/types';
import type { FeatureServices } from '../../services/featureServices';

export interface PlanRequest {
  readonly account: Account;
  readonly user: Pick<CloudUser, 'id' | 'name'>;
  readonly keys: readonly AccessKey[];
  readonly keysOfUser: readonly AccessKey[];
  readonly grace: GracePeriod;
  /** The user's choice, per key to rotate, of the key to delete to make room at the per-user limit. */
  readonly makeRoom?: Readonly<Record<string, string>>;
  /** Renew the keys whose cloud can, instead of replacing them (`replace` when absent). */
  readonly mode?: RotationMode;
}

/** Plans a rotation with the settings, the known uses of each key and the key the account signs with; the same for the command and the Rotate form. */
export function planFor(
  s: Pick<FeatureServices, 'registry'>,
  exportsOf: (accountId: string, keyId: string) => readonly ExportRecord[],
  request: PlanRequest,
): RotationPlan {
  const provider = s.registry.provider(request.account);
  return planRotation({
    ...request,
    capabilities: (kind) => provider.capabilities(kind),
    outscaleExpiryDays: settings.outscaleDefaultKeyExpiryDays(),
    usesOf: knownUses(exportsOf, request.account.id),
    signsWith: (key) => provider.signsWith?.(key) ?? false,
    now: Date.now(),
  });
}

const ICONS: Record<RoomCandidate['choice'], string> = {
  inactive: '$(circle-slash)',
  'rotated-key': '$(debug-restart)',
  'other-active': '$(warning)',
};

/** What stops working, short enough for a Quick Pick row; the plan then says it in full. */
function stopsInShort(choice: RoomCandidate['choice']): string {
  switch (choice) {
    case 'inactive':
      return vscode.l10n.t('Inactive: nothing that works now stops working.');
    case 'rotated-key':
      return vscode.l10n.t('Everything using it stops until you switch it to the new key; no rollback.');
    case 'other-active':
      return vscode.l10n.t('Everything using it stops working, for good.');
  }
}

function candidateItem(candidate: RoomCandidate): vscode.QuickPickItem & { keyId?: string } {
  // The name leads; the (long) id follows only where there is no name.
  const name = candidate.key.displayName ?? candidate.key.id;
  const label =
    candidate.choice === 'rotated-key'
      ? vscode.l10n.t('Delete {0}, the key being rotated, first', name)
      : vscode.l10n.t('Delete {0} first', name);
  const uses = candidate.uses.length === 0 ? vscode.l10n.t('no known uses') : vscode.l10n.t('used by {0}', candidate.uses.join('; '));
  return {
    label: `${ICONS[candidate.choice]} ${label}`,
    description: [candidate.state, candidate.age, uses].filter(Boolean).join(' · '),
    detail: stopsInShort(candidate.choice),
    keyId: candidate.key.id,
  };
}

/**
 * Asks which key to delete to make room, safest first; the first item, and so the default, is
 * Cancel, which deletes nothing. Returns the chosen key's id.
 */
export async function askRoom(userName: string, needed: RoomNeeded): Promise<string | undefined> {
  const name = needed.key.displayName ?? needed.key.id;
  const items: (vscode.QuickPickItem & { keyId?: string })[] = [
    { label: `$(close) ${vscode.l10n.t('Cancel: delete nothing, rotate nothing')}` },
    ...needed.candidates.map(candidateItem),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Rotating {0}: {1} has {2} of {3} keys allowed', name, userName, needed.used, needed.limit),
    placeHolder: vscode.l10n.t('Which key should be deleted first to make room? Nothing is deleted unless you choose.'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.keyId;
}
