/** Shared pieces of the IONOS adapter tests: a logger that keeps every line, an in-memory credential store, contexts. */
import { inspect } from 'node:util';
import type { CloudContext, CredentialStore } from '../../../src/clouds/cloudModule';
import type { IonosProviderOptions } from '../../../src/clouds/ionos/provider';
import { Secret } from '../../../src/model/secret';
import { manualCredentialName, type Account } from '../../../src/model/types';
import type { Logger } from '../../../src/util/logger';
import type { IonosEmulator } from '../../emulators/ionos';

/**
 * Keeps every line exactly as the adapter logged it, without redaction, so a test can prove the
 * adapter itself never hands a secret to the logger.
 */
export class CollectingLogger implements Logger {
  readonly lines: string[] = [];
  #add(level: string, message: unknown, args: unknown[]): void {
    const text = [message, ...args].map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 8 }))).join(' ');
    this.lines.push(`${level} ${text}`);
  }
  trace(message: string, ...args: unknown[]): void {
    this.#add('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.#add('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.#add('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.#add('warn', message, args);
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.#add('error', message, args);
  }
}

export class MemoryCredentialStore implements CredentialStore {
  readonly values = new Map<string, Secret>();
  async get(name: string): Promise<Secret | undefined> {
    return this.values.get(name);
  }
  async store(name: string, value: Secret): Promise<void> {
    this.values.set(name, value);
  }
  async delete(name: string): Promise<void> {
    this.values.delete(name);
  }
}

export function makeContext(options: { logger?: Logger; env?: Record<string, string>; settings?: Record<string, string>; credentials?: CredentialStore } = {}): CloudContext {
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

/** The environment of an account signed in with Basic auth as the emulator's administrator. */
export function basicEnv(emulator: IonosEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return { IONOS_USERNAME: emulator.caller.username, IONOS_PASSWORD: emulator.caller.password, IONOS_API_URL: emulator.url, ...extra };
}

export function tokenEnv(emulator: IonosEmulator, token = emulator.caller.token): Record<string, string> {
  return { IONOS_TOKEN: token, IONOS_API_URL: emulator.apiUrl };
}

/** A hand-entered account whose secret fields are stored the way the VS Code layer stores them. */
export async function manualAccount(
  store: CredentialStore,
  details: Record<string, string>,
  secrets: Record<string, string>,
): Promise<Account> {
  const account: Account = { id: 'ionos:manual:test', cloud: 'ionos', label: 'typed in', source: 'entered by hand', origin: { kind: 'manual' }, details };
  await store.store(manualCredentialName(account.id), new Secret(JSON.stringify(secrets)));
  return account;
}
