import type { Command } from 'commander';
import type { ExitCode } from '../exitCodes';
import type { CliCommand } from '../cliCommand';
import { scanOptionDefinitions, toScanOptions, type ScanOptions } from './scanOptions';

const AFTER_HELP = `
Runs the editor's leak detectors over files: OCI, OUTSCALE and IONOS Cloud key ids, secrets,
fingerprints, unencrypted PEM private keys and IONOS API tokens. A folder is walked honouring its
.gitignore files; --staged scans what \`git commit\` would record (git's index, not the working tree).
A line with "cloud-keys:ignore" (or the line above it) is not reported.

Owners: the accounts are read as \`cloud-keys audit\` reads them, and a finding that is one of their
keys names its owner, state and age. The command line has no secret storage, so it knows the ids and
API key fingerprints of your keys, never their secrets: a secret is found by its shape and its line
(\`OSC_SECRET_KEY=…\`, \`secret_key = "…"\`), and written next to one of your key ids it is named as
probably that key's. --offline (or --no-inventory) reads no account: every finding is by shape.

Severity (as in the editor): error for the secret, token or private key of a live key of yours;
warning for a secret whose key is unknown or inactive, and for the id of a live key; info for the id
of an inactive key and anything of a deleted key. Without secrets, most secrets are warnings: a
pre-commit hook should use --fail-on warning.

Output: text by default (file:line:column: severity: message, and the line with the value masked),
or --format json or sarif (file locations relative to the repository, for GitHub code scanning). No
value found is ever printed. Progress goes to stderr, on a terminal only.

Exit codes:
  0  no finding at or above --fail-on
  1  a finding at or above --fail-on (error by default)
  2  a bad flag or value, a path that does not exist, --staged outside a git repository
  3  an account or config file could not be read (the findings are still printed)
  When several apply: 2, then 3, then 1.

Examples:
  cloud-keys scan                                   # the current folder
  cloud-keys scan --staged --fail-on warning        # in a pre-commit hook
  cloud-keys scan src deploy/.env --offline
  cloud-keys scan --format sarif > cloud-keys.sarif`;

/** `cloud-keys scan`: the leak detectors over files or git's index. */
export function scanCommand(run: (options: ScanOptions) => Promise<ExitCode>): CliCommand {
  return {
    name: 'scan',
    register(program: Command, finish: (code: ExitCode) => void) {
      const command = program
        .command('scan')
        .description('find access keys, secrets and tokens of the three clouds written in files, with their owners')
        .argument('[paths...]', 'files and folders to scan (default: the current folder)');
      for (const option of scanOptionDefinitions()) command.addOption(option);
      command.addHelpText('after', AFTER_HELP);
      command.action(async (paths: string[], _options: unknown, self: Command) => {
        finish(await run(toScanOptions(paths, self.optsWithGlobals())));
      });
      return command;
    },
  };
}
