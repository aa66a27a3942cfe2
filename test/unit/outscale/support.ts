/** Shared helpers of the OUTSCALE tests: a context with a temporary home, an in-memory secret store, a recording logger. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { OutscaleApiClient } from '../../../src/clouds/outscale/apiClient';
import { createOutscaleProvider, type ProviderTuning } from '../../../src/clouds/outscale/index';
import type { CloudContext } from '../../../src/clouds/cloudModule';
import type { CloudProvider } from '../../../src/clouds/provider';
import { Secret } from '../../../src/model/secret';
import { manualCredentialName, type Account } from '../../../src/model/types';
import { MemoryCredentials, RecordingLogger } from '../../support/testDoubles';
import type { RunningOutscaleEmulator } from '../../emulators/outscale/index';

const homes: string[] = [];
process.on('exit', () => {
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

/** A temporary home directory, removed when the test process exits. */
export function tempHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-osc-'));
  homes.push(home);
  return home;
}

export { MemoryCredentials, RecordingLogger };

export interface TestContext extends CloudContext {
  readonly logger: RecordingLogger;
  readonly credentials: MemoryCredentials;
}

export function makeContext(overrides: Partial<Omit<CloudContext, 'logger' | 'credentials'>> = {}): TestContext {
  return {
    logger: new RecordingLogger(),
    credentials: new MemoryCredentials(),
    prompts: { askPassphrase: async () => undefined },
    settings: {},
    env: {},
    homeDir: overrides.homeDir ?? tempHome(),
    http: { timeoutMs: 5_000 },
    ...overrides,
  };
}

/** Quick retries, so fault tests take milliseconds. */
export const FAST: ProviderTuning = {
  retryPolicy: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 5_000 },
  verifyDelaysMs: [5, 5],
};

/** A hand-entered account for the emulator, its secret in the context's credential store. */
export async function manualAccount(
  ctx: TestContext,
  emulator: RunningOutscaleEmulator,
  keys: { accessKeyId: string; secretKey: string } = emulator.caller,
  id = `outscale:manual:${keys.accessKeyId}`,
): Promise<Account> {
  await ctx.credentials.store(manualCredentialName(id), new Secret(JSON.stringify({ secretKey: keys.secretKey })));
  return {
    id,
    cloud: 'outscale',
    label: 'emulated account',
    source: 'entered by hand',
    origin: { kind: 'manual' },
    details: { accessKeyId: keys.accessKeyId, region: emulator.region, endpoint: emulator.url },
  };
}

export async function providerFor(
  emulator: RunningOutscaleEmulator,
  options: { keys?: { accessKeyId: string; secretKey: string }; tuning?: ProviderTuning; ctx?: TestContext } = {},
): Promise<{ provider: CloudProvider; ctx: TestContext; account: Account }> {
  const ctx = options.ctx ?? makeContext();
  const account = await manualAccount(ctx, emulator, options.keys);
  return { provider: createOutscaleProvider(account, ctx, options.tuning ?? FAST), ctx, account };
}

/** Fails (without printing any secret) if a log line holds one of the secrets. */
export function assertNoSecretIn(lines: readonly string[], secrets: readonly string[]): void {
  for (const secret of secrets) {
    if (lines.some((line) => line.includes(secret))) throw new Error('a secret value reached the log');
  }
}

/** One signed call outside the provider, for requests the provider would never send (bad dates, unknown ids). */
export async function rawCall(
  emulator: RunningOutscaleEmulator,
  action: string,
  body: Record<string, unknown>,
  keys: { accessKeyId: string; secretKey: string } = emulator.caller,
): Promise<unknown> {
  const client = new OutscaleApiClient(
    {
      endpoint: emulator.url,
      region: emulator.region,
      accountLabel: 'raw',
      http: { timeoutMs: 5_000 },
      logger: new RecordingLogger(),
      retryPolicy: NO_RETRY,
    },
    async () => ({ kind: 'access-key' as const, accessKeyId: keys.accessKeyId, secretKey: new Secret(keys.secretKey) }),
  );
  return client.call(action, body, z.unknown());
}

const NO_RETRY = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, totalBudgetMs: 5_000 };
