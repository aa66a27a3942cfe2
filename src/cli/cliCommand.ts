import type { Command } from 'commander';
import type { ExitCode } from './exitCodes';

/** A subcommand of `cloud-keys`. Each lives in its own folder (`audit/`, `scan/`, `uses/`) and registers itself here. */
export interface CliCommand {
  readonly name: string;
  /** Adds the subcommand to the program; its action hands its exit code to `finish`. */
  register(program: Command, finish: (code: ExitCode) => void): Command;
}
