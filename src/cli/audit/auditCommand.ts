import type { Command } from 'commander';
import { describeVariables } from '../environment';
import type { ExitCode } from '../exitCodes';
import type { CliCommand } from '../cliCommand';
import { auditOptionDefinitions, toAuditOptions, type AuditOptions } from './auditOptions';

const AFTER_HELP = `
Reads every account the extension would find (cloud CLI config files and environment variables;
no VS Code settings or secret storage) and judges each key by the policy.

Output: a table on a terminal, JSON when stdout is piped or redirected, unless --format says.
Progress goes to stderr, on a terminal only. Problems go to stderr, one line each.

Exit codes:
  0  every key meets the policy
  1  some key does not (older than --max-age-days, expired, or expiring within --expiry-warning-days)
  2  a bad flag or value, an unreadable config file, or no account found
  3  an account or a user's keys could not be read (what was read is still printed)
  When several apply: 2, then 3, then 1.

Environment (in place of the extension's settings):
${describeVariables()}

Examples:
  cloud-keys audit
  cloud-keys audit --cloud oci --max-age-days 60 --format csv > keys.csv
  cloud-keys audit --account prod --format sarif > cloud-keys.sarif`;

/** `cloud-keys audit`: every key of every account with state, age, expiry and policy status. */
export function auditCommand(run: (options: AuditOptions) => Promise<ExitCode>): CliCommand {
  return {
    name: 'audit',
    register(program: Command, finish: (code: ExitCode) => void) {
      const command = program.command('audit').description('list every key of every account with its state, age, expiry and policy status');
      for (const option of auditOptionDefinitions()) command.addOption(option);
      command.addHelpText('after', AFTER_HELP);
      command.action(async (_options: unknown, self: Command) => {
        finish(await run(toAuditOptions(self.optsWithGlobals())));
      });
      return command;
    },
  };
}
