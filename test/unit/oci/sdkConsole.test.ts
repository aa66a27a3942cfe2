import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOciEmulator, type RunningOciEmulator } from '../../emulators/oci';
import { encryptedKey, providerFor } from './harness';

type Method = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const METHODS: Method[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

describe('the OCI SDK’s own console output', () => {
  let emulator: RunningOciEmulator;
  const printed: string[] = [];
  const originals = new Map<Method, (...args: unknown[]) => void>();

  before(async () => {
    emulator = await startOciEmulator({ seed: 'test' });
    // Stand in for the extension host's console before the adapter loads, as in VS Code.
    for (const method of METHODS) {
      originals.set(method, console[method]);
      console[method] = (...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      };
    }
  });
  after(async () => {
    for (const [method, original] of originals) console[method] = original;
    await emulator.close();
  });

  it('reaches our redacting logger instead of the console, and carries no secret', async () => {
    const passphrase = 'correct horse battery staple';
    const { provider, ctx } = await providerFor(
      emulator,
      {},
      { keyPem: encryptedKey(emulator.caller.privateKeyPem, passphrase), extraLines: [`pass_phrase=${passphrase}`] },
    );
    const created = await provider.createKey(emulator.state.users.find((user) => user.name === 'ck-plain')!.id, 'access-key', {
      displayName: 'k',
    });
    const secretValue = created.secret!.reveal();
    const privateKeyBody = emulator.caller.privateKeyPem.split('\n')[1];
    // A service error whose message carries secrets: the SDK's retrier console.warns such messages.
    emulator.faults.add({
      route: 'GET /users/*',
      kind: 'status',
      status: 500,
      body: {
        code: 'InternalServerError',
        message: `boom ${emulator.caller.privateKeyPem} pass_phrase=${passphrase} secret_key=${secretValue}`,
      },
      times: 3,
    });
    const error: unknown = await provider.whoAmI().catch((failure: unknown) => failure);
    assert.ok(error instanceof Error);
    assert.match(error.message, /OCI said: boom/);
    const printedBefore = printed.length;
    assert.equal(printedBefore, 0, `nothing printed to the console, got: ${printed.join(' | ')}`);
    const logged = ctx.logger.lines.join('\n');
    assert.match(
      logged,
      /oci-sdk warn: .*Request cannot be retried|oci-sdk warn: .*retry attempts/,
      'the SDK’s warning was routed to our logger',
    );
    for (const secret of [passphrase, privateKeyBody, secretValue]) {
      assert.ok(!logged.includes(secret), 'a secret reached the log');
      assert.ok(!error.message.includes(secret), 'a secret reached the error message');
    }
  });

  it('leaves console output outside the adapter’s calls alone', () => {
    printed.length = 0;
    console.warn('someone else’s warning');
    assert.deepEqual(printed, ['someone else’s warning']);
  });
});
