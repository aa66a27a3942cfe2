/** Shared set-up for the OCI adapter tests: a temporary home with an OCI config file pointed at the emulator. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';
import type { CloudContext, UserPrompts } from '../../../src/clouds/cloudModule';
import { discoverOciAccounts } from '../../../src/clouds/oci/discovery';
import { OciProvider, type OciProviderOptions } from '../../../src/clouds/oci/provider';
import type { RetryPolicy } from '../../../src/clouds/shared/retry';
import { CloudError } from '../../../src/model/cloudError';
import type { Secret } from '../../../src/model/secret';
import type { Account } from '../../../src/model/types';
import { MemoryCredentials, RecordingLogger } from '../../support/testDoubles';
import { startOciEmulator, type RunningOciEmulator } from '../../emulators/oci';

export const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, totalBudgetMs: 10_000 };

export { MemoryCredentials };

/** A logger that keeps its lines, formatted and redacted as the VS Code output channel does. */
export function recordingLogger(): RecordingLogger {
  return new RecordingLogger('redacted');
}

/**
 * Runs the 'test'-seeded emulator for the enclosing `describe`: started before its tests and closed
 * after them; before each test its seeded state is restored (faults cleared) and its call log emptied.
 * `started` receives the emulator once it runs.
 */
export function useOciEmulator(started: (emulator: RunningOciEmulator) => void): void {
  let emulator: RunningOciEmulator;
  before(async () => {
    emulator = await startOciEmulator({ seed: 'test' });
    started(emulator);
  });
  after(() => emulator.close());
  beforeEach(async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    emulator.calls.length = 0;
  });
}

/** For `assert.rejects`: the error is a `CloudError` with `code`, its message matching `pattern` when given. */
export function isCloudError(code: string, pattern?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

/** The `CloudError` that `work` fails with; fails the test if it succeeds or fails otherwise. */
export async function failure(work: Promise<unknown>): Promise<CloudError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ck-oci-'));
}

export interface PromptLog extends UserPrompts {
  readonly asked: string[];
}
export function prompts(answer: () => Secret | undefined): PromptLog {
  const asked: string[] = [];
  return {
    asked,
    askPassphrase: async (_account, keyFile) => {
      asked.push(keyFile);
      return answer();
    },
  };
}

export function context(
  home: string,
  overrides: Partial<CloudContext> = {},
): CloudContext & { logger: RecordingLogger; credentials: MemoryCredentials } {
  return {
    logger: recordingLogger(),
    credentials: new MemoryCredentials(),
    prompts: prompts(() => undefined),
    settings: {},
    env: {},
    homeDir: home,
    http: { timeoutMs: 5_000 },
    ...overrides,
  } as CloudContext & { logger: RecordingLogger; credentials: MemoryCredentials };
}

/** The caller's private key encrypted with `passphrase` (PKCS#8, AES-256-CBC). */
export function encryptedKey(privateKeyPem: string, passphrase: string): string {
  return createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}

export interface ProfileOptions {
  readonly profile?: string;
  readonly keyPem?: string;
  readonly fingerprint?: string;
  readonly extraLines?: readonly string[];
  /** The profile's region; the emulator's caller region (not home) by default. */
  readonly region?: string;
}

/** Writes `<home>/.oci/config` with one profile for the emulator's caller, and its key file. */
export function writeProfile(
  home: string,
  emulator: RunningOciEmulator,
  options: ProfileOptions = {},
): { configFile: string; keyFile: string } {
  const dir = path.join(home, '.oci');
  fs.mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'key.pem');
  fs.writeFileSync(keyFile, options.keyPem ?? emulator.caller.privateKeyPem, { mode: 0o600 });
  const configFile = path.join(dir, 'config');
  fs.writeFileSync(
    configFile,
    [
      `[${options.profile ?? 'DEFAULT'}]`,
      `user=${emulator.caller.userId}`,
      `fingerprint=${options.fingerprint ?? emulator.caller.fingerprint}`,
      `tenancy=${emulator.caller.tenancyId}`,
      `region=${options.region ?? emulator.caller.region}`,
      'key_file=~/.oci/key.pem',
      ...(options.extraLines ?? []),
      '',
    ].join('\n'),
  );
  return { configFile, keyFile };
}

export async function onlyAccount(ctx: CloudContext): Promise<Account> {
  const { accounts, problems } = await discoverOciAccounts(ctx);
  if (accounts.length !== 1) throw new Error(`expected one account, got ${accounts.length}: ${JSON.stringify(problems)}`);
  return accounts[0];
}

/** A provider for the emulator's caller, through a config file in a temporary home and the endpoint setting. */
export async function providerFor(
  emulator: RunningOciEmulator,
  options: OciProviderOptions = {},
  profile: ProfileOptions = {},
  overrides: Partial<CloudContext> = {},
) {
  const home = tempHome();
  writeProfile(home, emulator, profile);
  const ctx = context(home, { settings: { 'oci.endpoint': emulator.url }, ...overrides });
  const account = await onlyAccount(ctx);
  const provider = new OciProvider(account, ctx, { retryPolicy: FAST_RETRY, verifyAttempts: 1, verifyDelayMs: 1, ...options });
  return { provider, ctx, account, home };
}

/** The provider's caller is the seeded administrator, ck-admin, and it alone is marked the caller among the users. */
export async function assertCallerIsAdmin(provider: OciProvider): Promise<void> {
  const me = await provider.whoAmI();
  assert.equal(me.name, 'ck-admin');
  assert.equal(me.isCaller, true);
  const { items } = await provider.listUsers();
  assert.deepEqual(
    items.filter((user) => user.isCaller).map((user) => user.name),
    ['ck-admin'],
  );
}

export function userId(emulator: RunningOciEmulator, name: string): string {
  const user = emulator.state.users.find((candidate) => candidate.name === name);
  if (!user) throw new Error(`no seeded user ${name}`);
  return user.id;
}
