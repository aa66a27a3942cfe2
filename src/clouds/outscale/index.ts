/**
 * The OUTSCALE cloud module, bundled as `dist/clouds/outscale.js` and required the first time an
 * OUTSCALE account is used.
 *
 * Users: the account itself has the fixed id `#account` (ACCOUNT_USER_ID; its keys come from
 * ReadAccessKeys without `UserName`); each EIM user's id is its user name. An account that signs in
 * with its login and password lists and manages only its own keys (see basicAuth.ts).
 */
import type { Account } from '../../model/types';
import type { CloudContext, CloudModule } from '../cloudModule';
import type { CloudProvider } from '../provider';
import type { RetryPolicy } from '../shared/retry';
import { OutscaleApiClient } from './apiClient';
import { DEFAULT_MAX_KEYS_PER_USER } from './constants';
import { accountLocation, loadCredentials, MANUAL_FIELDS, type AccountCredentials } from './credentials';
import { configFiles, discoverAccounts } from './discovery';
import { OutscaleProvider } from './provider';

export { ACCOUNT_USER_ID } from './constants';
export { parseExpiryInput } from './dates';

/** `outscale.maxKeysPerUser` overrides the documented 10 (an older OUTSCALE page says 2 per EIM user). */
function maxKeysSetting(ctx: CloudContext): number {
  const value = Number(ctx.settings['outscale.maxKeysPerUser']);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_KEYS_PER_USER;
}

/** Knobs tests turn to stay fast: retry policy, ReadUsers page size, waits while verifying a key. */
export interface ProviderTuning {
  readonly retryPolicy?: RetryPolicy;
  readonly pageSize?: number;
  readonly verifyDelaysMs?: readonly number[];
}

export function createOutscaleProvider(account: Account, ctx: CloudContext, tuning: ProviderTuning = {}): CloudProvider {
  let credentials: Promise<AccountCredentials> | undefined;
  const load = () => {
    credentials ??= loadCredentials(account, ctx).catch((error: unknown) => {
      credentials = undefined;
      throw error;
    });
    return credentials;
  };
  // Location problems surface on the first call, as the contract asks, not from the constructor.
  let location: { region: string; endpoint: string } | Error;
  try {
    location = accountLocation(account);
  } catch (error) {
    location = error as Error;
  }
  const failed = location instanceof Error ? location : undefined;
  const { region, endpoint } = location instanceof Error ? { region: 'invalid', endpoint: 'http://invalid.invalid' } : location;
  const client = new OutscaleApiClient(
    { endpoint, region, accountLabel: account.label, http: ctx.http, logger: ctx.logger, now: ctx.now, retryPolicy: tuning.retryPolicy },
    () => (failed ? Promise.reject(failed) : load()),
  );
  return new OutscaleProvider(account, {
    client,
    logger: ctx.logger,
    maxKeysPerUser: maxKeysSetting(ctx),
    memory: ctx.memory,
    now: ctx.now,
    pageSize: tuning.pageSize,
    verifyDelaysMs: tuning.verifyDelaysMs,
    signIn: async () => {
      if (failed) throw failed;
      const loaded = await load();
      return loaded.kind === 'password'
        ? { kind: 'password', login: loaded.login }
        : { kind: 'access-key', accessKeyId: loaded.accessKeyId };
    },
  });
}

export const cloudModule: CloudModule = {
  cloud: 'outscale',
  discoverAccounts,
  configFiles,
  manualFields: MANUAL_FIELDS,
  createProvider: (account, ctx) => createOutscaleProvider(account, ctx),
};
