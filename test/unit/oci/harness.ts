/** Shared set-up for the OCI adapter tests: a temporary home with an OCI config file pointed at the emulator. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import type { CloudContext, UserPrompts } from '../../../src/clouds/cloudModule';
import { discoverOciAccounts } from '../../../src/clouds/oci/discovery';
import { OciProvider, type OciProviderOptions } from '../../../src/clouds/oci/provider';
import type { RetryPolicy } from '../../../src/clouds/shared/retry';
import type { Secret } from '../../../src/model/secret';
import type { Account } from '../../../src/model/types';
import { MemoryCredentials, RecordingLogger } from '../../support/testDoubles';
import type { RunningOciEmulator } from '../../emulators/oci';

export const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, totalBudgetMs: 10_000 };

export { MemoryCredentials };

/** A logger that keeps its lines, formatted and redacted as the VS Code output channel does. */
export function recordingLogger(): RecordingLogger {
  return new RecordingLogger('redacted');
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

export function context(home: string, overrides: Partial<CloudContext> = {}): CloudContext & { logger: RecordingLogger; credentials: MemoryCredentials } {
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
  return createPrivateKey(privateKeyPem)
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    .toString();
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
export function writeProfile(home: string, emulator: RunningOciEmulator, options: ProfileOptions = {}): { configFile: string; keyFile: string } {
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

export function userId(emulator: RunningOciEmulator, name: string): string {
  const user = emulator.state.users.find((candidate) => candidate.name === name);
  if (!user) throw new Error(`no seeded user ${name}`);
  return user.id;
}
