import type { CredentialStore, UserPrompts } from '../clouds/cloudModule';
import { CloudError } from '../model/cloudError';
import { Secret } from '../model/secret';
import { PASSPHRASE_VARIABLE } from './environment';
import type { CliIo } from './io';

/**
 * The CLI keeps no credentials between runs. The only one an adapter asks its store for is the
 * passphrase of an encrypted OCI key file (after the profile's own `pass_phrase`): it comes from
 * CLOUD_KEYS_OCI_PASSPHRASE, or from what was typed at the prompt during this run.
 */
export class RunCredentials implements CredentialStore {
  readonly #typed = new Map<string, Secret>();

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  async get(name: string): Promise<Secret | undefined> {
    const typed = this.#typed.get(name);
    if (typed) return typed;
    const fromEnv = this.env[PASSPHRASE_VARIABLE];
    return name.startsWith('oci/passphrase/') && fromEnv ? new Secret(fromEnv) : undefined;
  }

  async store(name: string, value: Secret): Promise<void> {
    this.#typed.set(name, value);
  }

  async delete(name: string): Promise<void> {
    this.#typed.delete(name);
  }
}

/** Reads a line from a terminal without echoing it; Ctrl-C or Ctrl-D gives `undefined`. */
function readHidden(question: string, io: CliIo): Promise<string | undefined> {
  const stdin = process.stdin;
  io.err(question);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (answer: string | undefined) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      io.err('\n');
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish(undefined);
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** Asks for a passphrase only when a person is at a terminal; otherwise says which variable to set. */
export function terminalPrompts(io: CliIo): UserPrompts {
  return {
    async askPassphrase(account, keyFile) {
      if (!io.stdinIsTty || !io.stderrIsTty) {
        throw new CloudError(
          'auth',
          `${keyFile} is encrypted and needs a passphrase. Add pass_phrase to the profile ${account.label}, or set ${PASSPHRASE_VARIABLE}; cloud-keys asks for it only on a terminal.`,
          { cloud: 'oci' },
        );
      }
      const typed = await readHidden(`Passphrase for ${keyFile} (${account.label}): `, io);
      return typed === undefined ? undefined : new Secret(typed);
    },
  };
}
