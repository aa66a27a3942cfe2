/** A CloudContext for the benchmarks: a temporary home, in-memory credentials, a logger that only counts. */
import type { CloudContext } from '../../../src/clouds/cloudModule';
import type { Logger } from '../../../src/util/logger';
import { MemoryCredentials } from '../../support/testDoubles';
import type { EmulatorEndpoint } from './emulatorHost';

/** Counts lines by level and keeps none: benchmark output must stay free of anything an adapter logs. */
export class CountingLogger implements Logger {
  readonly counts = { trace: 0, debug: 0, info: 0, warn: 0, error: 0 };

  trace(): void {
    this.counts.trace += 1;
  }

  debug(): void {
    this.counts.debug += 1;
  }

  info(): void {
    this.counts.info += 1;
  }

  warn(): void {
    this.counts.warn += 1;
  }

  error(): void {
    this.counts.error += 1;
  }
}

const SETTING_PREFIX = 'cloudKeys.';

/** The context the extension would build for a machine whose config points at the emulator. */
export function benchContext(endpoint: EmulatorEndpoint, home: string, logger: Logger = new CountingLogger()): CloudContext {
  const settings = Object.fromEntries(
    Object.entries(endpoint.settings).map(([key, value]) => [
      key.startsWith(SETTING_PREFIX) ? key.slice(SETTING_PREFIX.length) : key,
      value,
    ]),
  );
  return {
    logger,
    credentials: new MemoryCredentials(),
    prompts: { askPassphrase: async () => undefined },
    settings,
    env: endpoint.env,
    homeDir: home,
    http: {},
  };
}
