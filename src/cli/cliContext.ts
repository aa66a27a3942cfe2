import path from 'node:path';
import type { CloudContext, CloudModule } from '../clouds/cloudModule';
import { CloudModuleLoader } from '../clouds/cloudModuleLoader';
import type { CloudId } from '../model/types';
import { AccountBrowser } from '../operations/accountBrowser';
import { AccountRegistry, type AccountPreferences } from '../operations/accountRegistry';
import { CLOUD_CALL_CONCURRENCY, createLimiter } from '../util/limiter';
import type { Logger } from '../util/logger';
import { formatLogLine } from '../util/redact';
import { httpFromEnv, settingsFromEnv } from './environment';
import type { CliIo } from './io';
import { RunCredentials, terminalPrompts } from './passphrase';

/** The CLI has no hand-added or hidden accounts: those live in VS Code's state. */
const NO_PREFERENCES: AccountPreferences = {
  manualAccounts: () => [],
  addManualAccount: async () => undefined,
  removeManualAccount: async () => undefined,
  hiddenAccountIds: () => new Set(),
  setHidden: async () => undefined,
};

/** Writes redacted log lines to stderr: errors always, the rest with `--verbose`. */
export function stderrLogger(io: CliIo, verbose: boolean): Logger {
  const line =
    (level: string) =>
    (message: unknown, ...args: unknown[]) =>
      io.err(`cloud-keys [${level}] ${formatLogLine(message, args)}\n`);
  const quiet = () => undefined;
  return {
    trace: verbose ? line('trace') : quiet,
    debug: verbose ? line('debug') : quiet,
    info: verbose ? line('info') : quiet,
    warn: verbose ? line('warn') : quiet,
    error: line('error'),
  };
}

/** The adapters' context from the environment: settings from CLOUD_KEYS_* variables, no VS Code. */
export function cliCloudContext(io: CliIo, logger: Logger): CloudContext {
  return {
    logger,
    credentials: new RunCredentials(io.env),
    prompts: terminalPrompts(io),
    settings: settingsFromEnv(io.env),
    env: io.env,
    homeDir: io.homeDir,
    http: httpFromEnv(io.env, (message) => io.err(`cloud-keys: warning: ${message}\n`)),
  };
}

export interface Engine {
  readonly registry: AccountRegistry;
  readonly browser: AccountBrowser;
}

/** Loads `dist/clouds/<cloud>.js` beside the CLI bundle, as the extension does. */
export function bundledModules(): (cloud: CloudId) => CloudModule {
  const loader = new CloudModuleLoader<{ cloudModule: CloudModule }>(path.join(__dirname, 'clouds'));
  return (cloud) => loader.load(cloud).cloudModule;
}

/** The extension's engine (account registry, listing layer, one limiter) over the given clouds. */
export function createEngine(
  ctx: CloudContext,
  clouds: readonly CloudId[],
  loadModule: (cloud: CloudId) => CloudModule = bundledModules(),
): Engine {
  const registry = new AccountRegistry(loadModule, () => ctx, NO_PREFERENCES, clouds);
  const browser = new AccountBrowser((account) => registry.provider(account), createLimiter(CLOUD_CALL_CONCURRENCY));
  return { registry, browser };
}
