import { Command, CommanderError } from 'commander';
import { isCloudError } from '../model/cloudError';
import { auditCommand } from './audit/auditCommand';
import type { AuditOptions } from './audit/auditOptions';
import { runAudit } from './audit/runAudit';
import { runScan, type ScanDependencies } from './scan/runScan';
import { scanCommand } from './scan/scanCommand';
import { runUses } from './uses/runUses';
import { usesCommand } from './uses/usesCommand';
import { EXIT, UsageError, type ExitCode } from './exitCodes';
import { complain, safeText, type CliIo } from './io';
import type { CliCommand } from './cliCommand';

export type { CliCommand } from './cliCommand';

export interface CliDependencies extends ScanDependencies {
  /** The subcommands; by default the real ones. Tests pass commands whose actions record what they were given. */
  readonly commands?: readonly CliCommand[];
}

/** The subcommands `cloud-keys` offers. */
export function defaultCommands(io: CliIo, deps: ScanDependencies): CliCommand[] {
  return [
    auditCommand((options: AuditOptions) => runAudit(options, io, deps)),
    scanCommand((options) => runScan(options, io, deps)),
    usesCommand((options) => runUses(options, io, deps)),
  ];
}

/** The commander program: global options, help and errors written to `io`, and never `process.exit`. */
export function buildProgram(io: CliIo, version: string, commands: readonly CliCommand[], finish: (code: ExitCode) => void): Command {
  const program = new Command('cloud-keys')
    .description(
      'Audit the access keys of your OCI, OUTSCALE and IONOS Cloud accounts, find them in files, and scan files for leaked keys, from the command line.',
    )
    .version(version, '-V, --version', 'print the version')
    .option('--verbose', 'log cloud calls and retries to stderr (redacted)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError('(run the command with --help for its options)')
    .showSuggestionAfterError(true);
  program.addHelpText('after', '\nRun cloud-keys <command> --help for the options and exit codes of a command.');
  for (const command of commands) command.register(program, finish).exitOverride();
  return program;
}

/**
 * Runs `cloud-keys` with `argv` (the arguments after the executable) and returns its exit code.
 * Usage errors print commander's message (naming the flag and value) or ours, and give 2; an error
 * from a cloud gives 3. Every message is redacted.
 */
export async function runCli(argv: readonly string[], io: CliIo, deps: CliDependencies): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, deps.version, deps.commands ?? defaultCommands(io, deps), (result) => (code = result));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a CommanderError too; so does `cloud-keys` alone (help on stderr).
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      complain(io, error.message);
      return EXIT.usage;
    }
    complain(io, isCloudError(error) ? error.describe() : `unexpected failure: ${safeText(error)}`);
    return EXIT.unreadable;
  }
}
