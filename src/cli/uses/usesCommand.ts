import { InvalidArgumentError, type Command } from 'commander';
import type { ExitCode } from '../exitCodes';
import type { CliCommand } from '../cliCommand';
import { toUsesOptions, usesOptionDefinitions, type UsesOptions } from './usesOptions';

const AFTER_HELP = `
Finds one of your keys where "Find Uses of Key" looks, read-only: the current folder (honouring its
.gitignore files, yet still searching .env, *.tfvars, Terraform state and CI files), the cloud CLIs'
files, shell start-up files, and the folders given by --path. The key is looked up in the accounts
\`cloud-keys audit\` reads, by key id or OCI API key fingerprint.

The command line has no secret storage: it looks for the key's id (and, for an OCI API signing key,
its fingerprint and the private key files whose public half it is), never its secret. Whether a use
was written by an export of the extension is recorded in VS Code, so "managed" is unknown here.

Output: one line per use (file:line:column, what matched, the kind of file), or --format json.
Progress goes to stderr, on a terminal only. Nothing found is ever printed, only where it is.

Exit codes:
  0  no use found
  1  uses found (so \`cloud-keys uses KEY && …\` goes on only when the key is nowhere)
  2  a bad flag or value, no account found, or no key with that id or fingerprint
  3  no key with that id was found, and some account could not be read (it may be there)
  Accounts not read are named on stderr; when the key was found they do not change the exit code.

Examples:
  cloud-keys uses AKIDEXAMPLE0123456789
  cloud-keys uses 1a:2b:…:ff --path ~/deploy --no-shell-files
  cloud-keys uses ocid1.credential.oc1..example --format json`;

function keyArgument(text: string): string {
  if (text.trim() === '')
    throw new InvalidArgumentError('give the key id or OCI API key fingerprint to look for, as cloud-keys audit lists it.');
  return text;
}

/** `cloud-keys uses KEY`: the key-uses finder, read-only. */
export function usesCommand(run: (options: UsesOptions) => Promise<ExitCode>): CliCommand {
  return {
    name: 'uses',
    register(program: Command, finish: (code: ExitCode) => void) {
      const command = program
        .command('uses')
        .description('list the places one of your keys is used: files, line, what matched')
        .argument('<key>', 'the key id or OCI API key fingerprint', keyArgument);
      for (const option of usesOptionDefinitions()) command.addOption(option);
      command.addHelpText('after', AFTER_HELP);
      command.action(async (key: string, _options: unknown, self: Command) => {
        finish(await run(toUsesOptions(key, self.optsWithGlobals())));
      });
      return command;
    },
  };
}
