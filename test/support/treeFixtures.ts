/**
 * Nodes of the Accounts tree for each cloud and key state, at a fixed time, presented with each
 * cloud's real key capabilities (the adapters' own tables): the tree items' and menus' unit tests.
 */
import { ionosCapabilities } from '../../src/clouds/ionos/capabilities';
import { OCI_CAPABILITIES } from '../../src/clouds/oci/limits';
import { OutscaleProvider, type OutscaleProviderOptions } from '../../src/clouds/outscale/provider';
import type { AccessKey, Account, CloudId, CloudUser, KeyCapabilities, KeyKind } from '../../src/model/types';
import type { AccountNode, KeyNode, UserNode } from '../../src/views/nodes/treeNodes';
import type { PresentationContext } from '../../src/views/treeItems';

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-06-01T12:00:00Z');

export const ACCOUNTS: Readonly<Record<CloudId, Account>> = {
  oci: {
    id: 'oci:/home/me/.oci/config#DEFAULT',
    cloud: 'oci',
    label: 'DEFAULT',
    source: '/home/me/.oci/config',
    origin: { kind: 'config-file', path: '/home/me/.oci/config', profile: 'DEFAULT' },
    region: 'eu-frankfurt-1',
  },
  outscale: {
    id: 'outscale:manual-1',
    cloud: 'outscale',
    label: 'prod',
    source: 'entered by hand',
    origin: { kind: 'manual' },
    region: 'eu-west-2',
    endpoint: 'https://api.eu-west-2.outscale.com/api/v1',
  },
  ionos: {
    id: 'ionos:env',
    cloud: 'ionos',
    label: 'IONOS_TOKEN',
    source: 'environment',
    origin: { kind: 'environment', variables: ['IONOS_TOKEN'] },
  },
};

/** The key capabilities each cloud's adapter declares, for a key of `kind`. */
export function capabilitiesOf(cloud: CloudId, kind: KeyKind): KeyCapabilities {
  if (cloud === 'oci') return OCI_CAPABILITIES[kind];
  if (cloud === 'ionos') return ionosCapabilities(kind);
  // `capabilities` reads no client: the provider is built for its answer only.
  return new OutscaleProvider(ACCOUNTS.outscale, {} as OutscaleProviderOptions).capabilities(kind);
}

export function presentation(extra: Partial<PresentationContext> = {}): PresentationContext {
  return {
    policy: { maxAgeDays: 90, expiryWarningDays: 14 },
    now: NOW,
    capabilities: (node) => capabilitiesOf(node.account.cloud, node.key.kind),
    usersSummary: () => undefined,
    expanded: () => false,
    ...extra,
  };
}

export function accountNode(cloud: CloudId, extra: Partial<Account> = {}): AccountNode {
  return { kind: 'account', account: { ...ACCOUNTS[cloud], ...extra } };
}

export function userNode(cloud: CloudId, extra: Partial<CloudUser> = {}): UserNode {
  const account = ACCOUNTS[cloud];
  return { kind: 'user', account, user: { id: `${cloud}-u1`, accountId: account.id, name: 'alice', isCaller: false, ...extra } };
}

const KEY_IDS: Readonly<Record<CloudId, string>> = {
  oci: 'ocid1.credential.oc1..aaaaaaaa4kq2lmbxyz0123456789',
  outscale: 'AKOSC0123456789ABCDEF',
  ionos: '0f3c1d2e4b5a69788796a5b4c3d2e1f0',
};

/** A key of `cloud` created `ageDays` before NOW; active access key unless `extra` says otherwise. */
export function keyNode(cloud: CloudId, ageDays: number | undefined, extra: Partial<AccessKey> = {}, secretStored = false): KeyNode {
  const user = userNode(cloud).user;
  const key: AccessKey = {
    id: KEY_IDS[cloud],
    accountId: user.accountId,
    userId: user.id,
    kind: 'access-key',
    state: 'active',
    ...(ageDays === undefined ? {} : { createdAt: new Date(NOW - ageDays * DAY) }),
    ...extra,
  };
  return { kind: 'key', account: ACCOUNTS[cloud], user, key, secretStored };
}
