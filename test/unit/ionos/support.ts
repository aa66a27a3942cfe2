/** Shared pieces of the IONOS adapter tests: a logger that keeps every line, an in-memory credential store, contexts. */
import { MemoryCredentials, RecordingLogger } from '../../support/testDoubles';
import type { CloudContext, CredentialStore } from '../../../src/clouds/cloudModule';
import type { IonosProviderOptions } from '../../../src/clouds/ionos/provider';
import { Secret } from '../../../src/model/secret';
import { manualCredentialName, type Account } from '../../../src/model/types';
import type { Logger } from '../../../src/util/logger';
import type { IonosEmulator } from '../../emulators/ionos';

/** Keeps every line exactly as the adapter logged it, without redaction, so a test can prove the adapter itself never hands a secret to the logger. */
export class CollectingLogger extends RecordingLogger {
  constructor() {
    super('raw');
  }
}

export class MemoryCredentialStore extends MemoryCredentials {}

export function makeContext(
  options: { logger?: Logger; env?: Record<string, string>; settings?: Record<string, string>; credentials?: CredentialStore } = {},
): CloudContext {
  return {
    logger: options.logger ?? new CollectingLogger(),
    credentials: options.credentials ?? new MemoryCredentialStore(),
    prompts: { askPassphrase: async () => undefined },
    settings: options.settings ?? {},
    env: options.env ?? {},
    homeDir: '/nonexistent-home',
    http: { timeoutMs: 5_000 },
  };
}

/** Short waits so the suite stays fast; the behaviour under test is the same as with the defaults. */
export const FAST: IonosProviderOptions = {
  retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 5_000 },
  poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000 },
  privilegeWait: { totalMs: 300, intervalMs: 10 },
};

/**
 * The environment of an account signed in with Basic auth as the emulator's administrator. The
 * Object Storage Management API is the emulator's too, so no test reaches https://s3.ionos.com.
 */
export function basicEnv(emulator: IonosEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    IONOS_USERNAME: emulator.caller.username,
    IONOS_PASSWORD: emulator.caller.password,
    IONOS_API_URL: emulator.url,
    IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT: emulator.objectStorage.url,
    ...extra,
  };
}

export function tokenEnv(emulator: IonosEmulator, token = emulator.caller.token): Record<string, string> {
  return { IONOS_TOKEN: token, IONOS_API_URL: emulator.apiUrl, IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT: emulator.objectStorage.url };
}

/** A hand-entered account whose secret fields are stored the way the VS Code layer stores them. */
export async function manualAccount(
  store: CredentialStore,
  details: Record<string, string>,
  secrets: Record<string, string>,
): Promise<Account> {
  const account: Account = {
    id: 'ionos:manual:test',
    cloud: 'ionos',
    label: 'typed in',
    source: 'entered by hand',
    origin: { kind: 'manual' },
    details,
  };
  await store.store(manualCredentialName(account.id), new Secret(JSON.stringify(secrets)));
  return account;
}
