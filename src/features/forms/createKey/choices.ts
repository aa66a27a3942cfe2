import { cloudDescriptor } from '../../../clouds/descriptors';
import type { CloudProvider } from '../../../clouds/provider';
import type { Account, CloudUser, KeyKind } from '../../../model/types';
import { CLOUD_NAMES, keyKindName } from '../../../views/cloudNames';
import type { AccountChoice, KindChoice, UserChoice } from '../../../webview/protocol';

const KINDS: readonly KeyKind[] = ['access-key', 'api-signing-key'];

/** The kinds of key an account's cloud offers (a per-user limit above zero), with what each takes. */
export function kindChoices(account: Account, provider: CloudProvider): KindChoice[] {
  return KINDS.flatMap((kind) => {
    const caps = provider.capabilities(kind);
    if (caps.maxKeysPerUser <= 0) return [];
    return [
      {
        kind,
        name: keyKindName(account.cloud, kind).replace(/^./, (c) => c.toUpperCase()),
        maxKeysPerUser: caps.maxKeysPerUser,
        ...(caps.canRename ? { nameLabel: cloudDescriptor(account.cloud).keyNameLabel } : {}),
        canExpire: caps.canExpire,
        takesPublicKey: kind === 'api-signing-key',
      },
    ];
  });
}

export function accountChoice(account: Account, provider: CloudProvider): AccountChoice {
  return {
    id: account.id,
    label: account.label,
    cloud: account.cloud,
    cloudName: CLOUD_NAMES[account.cloud],
    kinds: kindChoices(account, provider),
  };
}

export function userChoice(user: CloudUser): UserChoice {
  return {
    id: user.id,
    name: user.name,
    detail: [user.isCaller ? 'you' : '', user.email ?? ''].filter(Boolean).join(' · '),
    isCaller: user.isCaller,
  };
}

/** What the result view calls the secret half of a new key. */
export function secretLabel(account: Account, kind: KeyKind): string {
  if (kind === 'api-signing-key') return 'Private key';
  return cloudDescriptor(account.cloud).accessKeySecretLabel;
}
