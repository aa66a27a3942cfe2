import { formatLogLine } from '../../util/redact';
import { sdkScope } from './sdkScope';

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const METHODS: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
let installed = false;

/**
 * The OCI SDK writes to the console by itself (its retrier `console.warn`s the service's error
 * message on every failed call; config and region code `console.info`/`warn`). In VS Code that
 * lands in the extension-host log, unredacted. Inside an SDK call made by this adapter, console
 * output is taken instead to the call's own logger, redacted, at debug level; outside such a call
 * (other code, other extensions) the console behaves exactly as before.
 */
export function routeSdkConsoleOutput(): void {
  if (installed) return;
  installed = true;
  // The one place in src that touches the console: to take the SDK's output away from it.
  const target = console;
  for (const method of METHODS) {
    const original = target[method];
    target[method] = function routed(this: unknown, ...args: unknown[]): void {
      const scope = sdkScope.getStore();
      if (!scope) {
        original.apply(target, args);
        return;
      }
      scope.logger.debug(`oci-sdk ${method}: ${formatLogLine(args[0] ?? '', args.slice(1))}`);
    };
  }
}
