/**
 * The demo IONOS account: IONOS keeps no credentials file, so an account is its environment
 * (IONOS_USERNAME, IONOS_PASSWORD, IONOS_API_URL, IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT). Nothing secret is written to `dir`.
 */
import fs from 'node:fs';
import type { IonosEmulator } from './index';

export function writeDemoConfig(dir: string, emulator: IonosEmulator): { env: Record<string, string>; settings: Record<string, string> } {
  fs.mkdirSync(dir, { recursive: true });
  return {
    env: {
      IONOS_USERNAME: emulator.caller.username,
      IONOS_PASSWORD: emulator.caller.password,
      // The host-only form, as the Terraform provider documents it; the adapter appends /cloudapi/v6.
      IONOS_API_URL: emulator.url,
      // The Object Storage Management API has its own host, overridden as the Terraform provider reads it.
      IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT: emulator.objectStorage.url,
    },
    settings: { 'cloudKeys.ionos.apiUrl': emulator.apiUrl, 'cloudKeys.ionos.objectStorageApiUrl': emulator.objectStorage.url },
  };
}
