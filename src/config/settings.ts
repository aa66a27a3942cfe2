import * as vscode from 'vscode';
import type { CloudSettings } from '../clouds/cloudModule';
import { DEFAULT_TIMEOUT_MS, type HttpOptions } from '../util/httpOptions';
import { lazySchema } from '../model/lazySchema';
import type { KeyHealthPolicy } from '../operations/keyHealth';

const SECTION = 'cloudKeys';

/**
 * Settings that choose an endpoint or where credentials come from. They are declared
 * machine-scoped; on top of that, only the user (global) value is ever read, so no workspace can
 * redirect keys to another server, in Restricted Mode or not.
 */
export const MACHINE_SETTINGS = [
  'oci.configFile',
  'oci.endpoint',
  'outscale.configFile',
  'ionos.apiUrl',
  'ionos.objectStorageApiUrl',
  'http.caFile',
] as const;
export type MachineSetting = (typeof MACHINE_SETTINGS)[number];

function userValue<T>(key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

const CloudPolicySchema = lazySchema((z) =>
  z.object({ maxAgeDays: z.optional(z.int().check(z.minimum(1))), expiryWarningDays: z.optional(z.int().check(z.minimum(0))) }),
);
const PerCloudPolicySchema = lazySchema((z) =>
  z.object({ oci: z.optional(CloudPolicySchema), outscale: z.optional(CloudPolicySchema), ionos: z.optional(CloudPolicySchema) }),
);

/** `cloudKeys.http.timeoutSeconds` in ms, within the bounds package.json declares; the default for anything else. */
const TimeoutSecondsSchema = lazySchema((z) => z.int().check(z.minimum(5), z.maximum(600)));
function requestDeadlineMs(value: unknown): number {
  const parsed = TimeoutSecondsSchema.safeParse(value);
  return parsed.success ? parsed.data * 1000 : DEFAULT_TIMEOUT_MS;
}

/** The one typed accessor for Cloud Keys settings. */
export const settings = {
  cloud(): CloudSettings {
    const out: Record<string, string | undefined> = {};
    for (const key of MACHINE_SETTINGS) {
      const value = userValue<string>(key);
      out[key] = value && value.trim() !== '' ? value.trim() : undefined;
    }
    const outscaleLimit = vscode.workspace.getConfiguration(SECTION).get<number>('outscale.maxKeysPerUser');
    out['outscale.maxKeysPerUser'] = outscaleLimit === undefined ? undefined : String(outscaleLimit);
    return out;
  },

  /**
   * Network options. Certificates are verified unless the machine-scoped
   * `cloudKeys.http.allowUnverifiedTls` is true (`http.proxyStrictSSL: false` alone does not turn
   * verification off for cloud API calls).
   */
  http(): HttpOptions {
    const http = vscode.workspace.getConfiguration('http');
    const proxy = http.inspect<string>('proxy')?.globalValue;
    const noProxy = http.inspect<string[]>('noProxy')?.globalValue;
    return {
      proxy: proxy && proxy.trim() !== '' ? proxy.trim() : undefined,
      strictSSL: userValue<boolean>('http.allowUnverifiedTls') !== true,
      caFile: userValue<string>('http.caFile') || undefined,
      timeoutMs: requestDeadlineMs(userValue<unknown>('http.timeoutSeconds')),
      ...(Array.isArray(noProxy) ? { noProxy: noProxy.filter((entry) => typeof entry === 'string') } : {}),
    };
  },

  keyHealth(): KeyHealthPolicy {
    const config = vscode.workspace.getConfiguration(SECTION);
    const perCloud = PerCloudPolicySchema.safeParse(config.get<unknown>('keys.perCloud', {}));
    return {
      maxAgeDays: config.get<number>('keys.maxAgeDays', 90),
      expiryWarningDays: config.get<number>('keys.expiryWarningDays', 14),
      ...(perCloud.success ? { perCloud: perCloud.data } : {}),
    };
  },

  /** Days until a new OUTSCALE key expires by default; 0 for no default expiry. */
  outscaleDefaultKeyExpiryDays(): number {
    return vscode.workspace.getConfiguration(SECTION).get<number>('outscale.defaultKeyExpiryDays', 0);
  },

  clipboardClearSeconds(): number {
    return vscode.workspace.getConfiguration(SECTION).get<number>('clipboard.clearAfterSeconds', 30);
  },

  /** Whether a configuration change touches anything that changes accounts or their endpoints. */
  affectsAccounts(event: vscode.ConfigurationChangeEvent): boolean {
    return (
      MACHINE_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`)) ||
      event.affectsConfiguration(`${SECTION}.outscale.maxKeysPerUser`) ||
      event.affectsConfiguration('http.proxy') ||
      event.affectsConfiguration('http.proxyStrictSSL') ||
      event.affectsConfiguration('http.noProxy') ||
      event.affectsConfiguration(`${SECTION}.http.allowUnverifiedTls`) ||
      event.affectsConfiguration(`${SECTION}.http.timeoutSeconds`)
    );
  },

  affectsTree(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(`${SECTION}.keys`) || event.affectsConfiguration(`${SECTION}.outscale.maxKeysPerUser`);
  },
};
