/**
 * Where IONOS's Object Storage Management API (the contract's access keys) lives for an account.
 * It has its own host, `https://s3.ionos.com` (sdk-go-bundle objectstoragemanagement v2.0.0,
 * AccesskeysApi.md), and the Terraform provider overrides it with
 * `IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT` alone: `IONOS_API_URL` and `endpoint` do not apply
 * (terraform-provider-ionoscloud docs/resources/object_storage_accesskey.md).
 */
import type { CloudContext } from '../cloudModule';
import type { Account } from '../../model/types';
import { checkedApiAddress } from './endpoint';

export const OBJECT_STORAGE_URL_ENV = 'IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT';
export const OBJECT_STORAGE_URL_SETTING = 'ionos.objectStorageApiUrl';
export const DEFAULT_OBJECT_STORAGE_URL = 'https://s3.ionos.com';

function normalise(raw: string, source: string): string {
  const url = checkedApiAddress(raw, source, DEFAULT_OBJECT_STORAGE_URL);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The API base: `IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT` for the account found in the environment,
 * else the `cloudKeys.ionos.objectStorageApiUrl` setting, else the public endpoint. Throws a
 * `config` CloudError naming the variable or setting for an unusable URL.
 */
export function objectStorageUrlFor(account: Account, ctx: CloudContext): string {
  const fromEnv = account.origin.kind === 'environment' ? ctx.env[OBJECT_STORAGE_URL_ENV] : undefined;
  if (fromEnv?.trim()) return normalise(fromEnv, OBJECT_STORAGE_URL_ENV);
  const setting = ctx.settings[OBJECT_STORAGE_URL_SETTING];
  if (setting?.trim()) return normalise(setting, `The setting cloudKeys.${OBJECT_STORAGE_URL_SETTING}`);
  return DEFAULT_OBJECT_STORAGE_URL;
}
