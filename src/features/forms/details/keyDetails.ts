import type { KeyCapabilities, AccessKey, Account, CloudUser } from '../../../model/types';
import { describeAge, describeExpiry, describeWarning, keyHealth, type KeyHealthPolicy } from '../../../operations/keyHealth';
import { formatDateTime } from '../../../util/formatDate';
import { CLOUD_NAMES, keyKindName } from '../../../views/cloudNames';
import type { DetailAction, Details } from '../../../webview/protocol';
import { ageStatus, toKeyView } from '../../../webview/shared/keyView';

export interface DetailsInput {
  readonly account: Account;
  readonly user: CloudUser;
  readonly key: AccessKey;
  readonly capabilities: KeyCapabilities;
  readonly secretStored: boolean;
  readonly policy: KeyHealthPolicy;
  readonly now: number;
}

/** Everything the Key Details page shows, and the actions this key allows on its cloud. */
export function keyDetails(input: DetailsInput): Details {
  const { account, user, key, capabilities, policy, now } = input;
  const health = keyHealth(key, policy, now);
  const status = ageStatus(key, policy, now);
  const secret = input.secretStored ? 'stored' : capabilities.secretReadableLater ? 'readable-from-cloud' : 'not-available';
  const attributes: [string, string][] = [
    [key.kind === 'api-signing-key' ? 'Key ID' : 'Access key ID', key.id],
    ['Name', key.displayName ?? ''],
    ['Kind', keyKindName(account.cloud, key.kind)],
    ['State', key.state],
    ['Created', formatDateTime(key.createdAt)],
    ['Age', health.ageDays === undefined ? '' : describeAge(health.ageDays)],
    ['Expires', key.expiresAt ? `${formatDateTime(key.expiresAt)} (${describeExpiry(key, now)})` : capabilities.canExpire ? 'never' : ''],
    ['Last used', formatDateTime(key.lastUsedAt)],
    ['Fingerprint', key.fingerprint ?? ''],
    ['User', `${user.name}${user.isCaller ? ' (you)' : ''}`],
    ['User ID', user.id],
    ['Account', account.label],
    ['Cloud', CLOUD_NAMES[account.cloud]],
    ['Region', account.region ?? ''],
    ['Account source', account.source],
    ['Key limit per user', String(capabilities.maxKeysPerUser)],
  ];
  const actions: DetailAction[] = ['copyId'];
  if (capabilities.canDeactivate) actions.push(key.state === 'inactive' ? 'activate' : 'deactivate');
  if (capabilities.canRename) actions.push('rename');
  if (capabilities.canExpire) actions.push('setExpiry');
  if (capabilities.maxKeysPerUser > 0) actions.push('rotate');
  actions.push('delete', 'refresh');
  const summary =
    health.warnings.length > 0
      ? health.warnings.map((w) => `This key ${describeWarning(w)}.`).join(' ')
      : status === 'inactive'
        ? 'inactive: not counted against the age policy'
        : health.ageDays === undefined
          ? 'the cloud gives no creation date'
          : `within the ${policy.maxAgeDays}-day policy (${health.ageDays} of ${policy.maxAgeDays} days)`;
  return {
    key: toKeyView(key, account),
    cloudName: CLOUD_NAMES[account.cloud],
    account: account.label,
    user: user.name,
    attributes: attributes.filter(([, value]) => value !== ''),
    secret,
    health: { status, summary, ageDays: health.ageDays ?? null, maxAgeDays: policy.maxAgeDays },
    actions,
  };
}
