import { lazySchema } from '../model/lazySchema';
import type { CloudSettings } from '../clouds/cloudModule';
import { DEFAULT_TIMEOUT_MS, type HttpOptions } from '../util/httpClient';
import { UsageError } from './exitCodes';

/**
 * The environment variables that stand for the extension's machine-scoped settings: the CLI reads
 * no VS Code settings. Each cloud's own variables (OCI_CONFIG_FILE, OSC_*, IONOS_*) are read by the
 * adapters as in the extension. Messages that name a setting (`cloudKeys.oci.endpoint`) mean the
 * variable beside it here.
 */
export const SETTING_VARIABLES: readonly { readonly variable: string; readonly setting: string; readonly what: string }[] = [
  {
    variable: 'CLOUD_KEYS_OCI_CONFIG_FILE',
    setting: 'oci.configFile',
    what: 'an OCI config file read after OCI_CONFIG_FILE and ~/.oci/config',
  },
  { variable: 'CLOUD_KEYS_OCI_ENDPOINT', setting: 'oci.endpoint', what: 'send every OCI Identity call here instead of the home region' },
  {
    variable: 'CLOUD_KEYS_OUTSCALE_CONFIG_FILE',
    setting: 'outscale.configFile',
    what: 'an OUTSCALE config.json read besides ~/.osc/config.json',
  },
  { variable: 'CLOUD_KEYS_IONOS_API_URL', setting: 'ionos.apiUrl', what: 'the IONOS Cloud API URL (IONOS_API_URL wins)' },
  {
    variable: 'CLOUD_KEYS_IONOS_OBJECT_STORAGE_API_URL',
    setting: 'ionos.objectStorageApiUrl',
    what: 'the IONOS Object Storage Management API URL',
  },
  { variable: 'CLOUD_KEYS_HTTP_CA_FILE', setting: 'http.caFile', what: 'a PEM file of extra certificate authorities' },
];

/** Variables that are not settings of an adapter but of the CLI's network and key handling. */
export const OTHER_VARIABLES: readonly { readonly variable: string; readonly what: string }[] = [
  { variable: 'CLOUD_KEYS_HTTP_TIMEOUT_SECONDS', what: 'the deadline of every cloud API request, 5–600 (30)' },
  { variable: 'CLOUD_KEYS_HTTP_ALLOW_UNVERIFIED_TLS', what: '"true" sends calls without verifying certificates (warns at every request)' },
  { variable: 'HTTPS_PROXY, NO_PROXY', what: 'the proxy for cloud API calls, and hosts that bypass it' },
  { variable: 'CLOUD_KEYS_OCI_PASSPHRASE', what: 'the passphrase of encrypted OCI key files whose profile has no pass_phrase' },
];

export const PASSPHRASE_VARIABLE = 'CLOUD_KEYS_OCI_PASSPHRASE';

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** The adapters' settings, from the CLOUD_KEYS_* variables. */
export function settingsFromEnv(env: Env): CloudSettings {
  return Object.fromEntries(SETTING_VARIABLES.map(({ variable, setting }) => [setting, value(env, variable)]));
}

const TimeoutSeconds = lazySchema((z) => z.int().check(z.minimum(5), z.maximum(600)));

/** Network options from the environment; a bad timeout or flag value is a usage error naming the variable. */
export function httpFromEnv(env: Env, warn: (message: string) => void): HttpOptions {
  const timeoutText = value(env, 'CLOUD_KEYS_HTTP_TIMEOUT_SECONDS');
  const timeout = timeoutText === undefined ? undefined : TimeoutSeconds.safeParse(Number(timeoutText));
  if (timeout && !timeout.success) {
    throw new UsageError(`CLOUD_KEYS_HTTP_TIMEOUT_SECONDS is "${timeoutText}": give a whole number of seconds from 5 to 600.`);
  }
  const unverified = value(env, 'CLOUD_KEYS_HTTP_ALLOW_UNVERIFIED_TLS');
  if (unverified !== undefined && unverified !== 'true' && unverified !== 'false') {
    throw new UsageError(`CLOUD_KEYS_HTTP_ALLOW_UNVERIFIED_TLS is "${unverified}": set it to true or false.`);
  }
  const proxy = value(env, 'HTTPS_PROXY') ?? value(env, 'https_proxy');
  return {
    ...(proxy ? { proxy } : {}),
    strictSSL: unverified !== 'true',
    caFile: settingsFromEnv(env)['http.caFile'],
    timeoutMs: timeout?.success ? timeout.data * 1000 : DEFAULT_TIMEOUT_MS,
    env,
    warnUnverified: warn,
  };
}

/** The help text's list of variables, aligned. */
export function describeVariables(): string {
  const rows = [
    ...SETTING_VARIABLES.map(({ variable, what }) => [variable, what]),
    ...OTHER_VARIABLES.map(({ variable, what }) => [variable, what]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, what]) => `  ${name.padEnd(width)}  ${what}`).join('\n');
}
