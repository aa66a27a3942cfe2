/**
 * The command wrapper, as the user meets it: a failing command shows its message once (with Show
 * Logs), a cancelled one is not shown as a failure, a refused argument is named, Restricted Mode
 * refuses what it must; and the test API's CommandDriver rejects with what the wrapper showed.
 */
import { host, resetHost } from '../../support/vscodeHost/useHostDouble';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CommandDriver } from '../../../src/commands/commandDriver';
import { COMMAND_IDS } from '../../../src/commands/commandIds';
import { registerCommand, registerDrivenCommand, type CommandContext } from '../../../src/commands/registerCommand';
import { registerTreeCommands } from '../../../src/features/accounts/treeCommands';
import { CloudError } from '../../../src/model/cloudError';
import { RecordingLogger } from '../../support/testDoubles';

const REFRESH = COMMAND_IDS.refresh;
const EXPORT = COMMAND_IDS.exportKey;

describe('registerCommand', () => {
  let logger: RecordingLogger;
  let logsShown: number;
  let driver: CommandDriver;
  let ctx: CommandContext;
  const registered: { dispose(): unknown }[] = [];

  beforeEach(() => {
    resetHost();
    logger = new RecordingLogger();
    logsShown = 0;
    driver = new CommandDriver();
    ctx = { logger, showLogs: () => (logsShown += 1), driver };
  });

  afterEach(() => {
    for (const d of registered.splice(0)) d.dispose();
  });

  const register = (id: Parameters<typeof registerCommand>[0], handler: (...args: unknown[]) => unknown) =>
    registered.push(registerCommand(id, handler, ctx));
  const run = (id: string, ...args: unknown[]) => host.commands.get(id)!(...args);

  it('shows a failing command’s message once, as an error with Show Logs, logs it and tells the driver', async () => {
    register(REFRESH, () => {
      throw new Error('The profile DEFAULT has no region.');
    });
    assert.equal(await run(REFRESH), undefined, 'the failure does not reach VS Code as a generic "command failed"');
    assert.deepEqual(host.messages, [{ severity: 'error', message: 'The profile DEFAULT has no region.', items: ['Show Logs'] }]);
    assert.ok(
      logger.lines.some((line) => line.startsWith('error Command cloudKeys.refresh failed:') && line.includes('has no region')),
      logger.lines.join('\n'),
    );
    assert.deepEqual(driver.failures(), ['cloudKeys.refresh: The profile DEFAULT has no region.']);
  });

  it('names the request id of a cloud error, so the user can quote it to the cloud’s support', async () => {
    register(REFRESH, async () => {
      throw new CloudError('forbidden', 'Not allowed to list users.', { cloud: 'oci', requestId: 'req-42' });
    });
    await run(REFRESH);
    assert.equal(host.messages[0]?.message, 'Not allowed to list users. (request id req-42)');
  });

  it('opens the logs when the user clicks Show Logs, and not otherwise', async () => {
    register(REFRESH, () => {
      throw new Error('boom');
    });
    await run(REFRESH);
    await new Promise(setImmediate);
    assert.equal(logsShown, 0, 'a dismissed notification opened the logs');
    host.answer = (message) => message.items.find((item) => item === 'Show Logs');
    await run(REFRESH);
    await new Promise(setImmediate);
    assert.equal(logsShown, 1);
  });

  it('shows nothing for a command that succeeds, and returns its result', async () => {
    register(REFRESH, async () => 'done');
    assert.equal(await run(REFRESH), 'done');
    assert.deepEqual(host.messages, []);
    assert.deepEqual(driver.failures(), []);
  });

  it('does not show a cancelled command as a failure: a notice says what was not done', async () => {
    register(REFRESH, async () => {
      throw new CloudError('cancelled', 'Listing users was cancelled.', { cloud: 'outscale' });
    });
    assert.equal(await run(REFRESH), undefined);
    assert.deepEqual(host.messages, [{ severity: 'information', message: 'Listing users was cancelled.', items: [] }]);
    assert.deepEqual(driver.failures(), [], 'a cancellation counted as a failure');
    assert.ok(!logger.lines.some((line) => line.startsWith('error')), logger.lines.join('\n'));
  });

  it('refuses in Restricted Mode what writes into the workspace, with the way out, without running it', async () => {
    let ran = 0;
    register(EXPORT, () => (ran += 1));
    host.trusted = false;
    await run(EXPORT);
    assert.equal(ran, 0, 'the command ran in an untrusted workspace');
    assert.equal(host.messages[0]?.severity, 'warning');
    assert.match(host.messages[0]?.message ?? '', /^Restricted Mode: .*Trust the workspace/);
    assert.equal(driver.failures().length, 1);
    host.trusted = true;
    await run(EXPORT);
    assert.equal(ran, 1, 'a trusted workspace runs it');
  });

  it('lets other commands run in Restricted Mode', async () => {
    let ran = 0;
    register(REFRESH, () => (ran += 1));
    host.trusted = false;
    await run(REFRESH);
    assert.equal(ran, 1);
    assert.deepEqual(host.messages, []);
  });

  it('disposing the registration removes the command', () => {
    register(REFRESH, () => undefined);
    assert.ok(host.commands.has(REFRESH));
    for (const d of registered.splice(0)) d.dispose();
    assert.ok(!host.commands.has(REFRESH));
  });
});

describe('CommandDriver through the wrapper (the test API’s run)', () => {
  const logger = new RecordingLogger();

  it('rejects with what the wrapper showed when the command fails, so a test of a command can fail', async () => {
    resetHost();
    const driver = new CommandDriver();
    const d = registerCommand(
      REFRESH,
      () => {
        throw new Error('no accounts');
      },
      { logger, showLogs: () => undefined, driver },
    );
    try {
      await assert.rejects(driver.run(REFRESH), /^Error: cloudKeys\.refresh failed: no accounts$/);
    } finally {
      d.dispose();
    }
  });

  it('hands the driven options to the command and resolves with its result', async () => {
    resetHost();
    const driver = new CommandDriver();
    const d = registerDrivenCommand(EXPORT, (driven, arg) => `${String(driven.confirmed)} ${String(arg)}`, {
      logger,
      showLogs: () => undefined,
      driver,
    });
    try {
      assert.equal(await driver.run(EXPORT, ['x'], { confirmed: true }), 'true x');
      assert.equal(await host.commands.get(EXPORT)!('x'), 'undefined x', 'a run not driven got the test options');
    } finally {
      d.dispose();
    }
  });
});

describe('a command’s arguments (Refresh, as registered for the tree)', () => {
  const account = { id: 'oci:DEFAULT', label: 'DEFAULT', cloud: 'oci', source: '~/.oci/config', origin: { kind: 'manual' } };

  function registerRefresh(): { refreshed: unknown[]; driver: CommandDriver; dispose(): void } {
    resetHost();
    const refreshed: unknown[] = [];
    const driver = new CommandDriver();
    const services = { tree: { refresh: (node: unknown) => refreshed.push(node) } } as unknown as Parameters<
      typeof registerTreeCommands
    >[1];
    const disposables = registerTreeCommands({ logger: new RecordingLogger(), showLogs: () => undefined, driver }, services);
    return { refreshed, driver, dispose: () => disposables.forEach((d) => d.dispose()) };
  }

  it('refreshes the account node it is given', async () => {
    const { refreshed, driver, dispose } = registerRefresh();
    try {
      const node = { kind: 'account', account };
      await driver.run(REFRESH, [node]);
      assert.deepEqual(refreshed, [node]);
    } finally {
      dispose();
    }
  });

  it('refuses an argument that is not a tree node, naming the command and the argument, and refreshes nothing', async () => {
    const { refreshed, dispose } = registerRefresh();
    try {
      await host.commands.get(REFRESH)!('DEFAULT');
      assert.deepEqual(refreshed, []);
      assert.equal(host.messages.length, 1);
      assert.equal(host.messages[0]?.severity, 'error');
      assert.match(
        host.messages[0]?.message ?? '',
        /^cloudKeys\.refresh: the first argument is a string, not a node of the Cloud Keys tree/,
      );
    } finally {
      dispose();
    }
  });

  it('refuses an account node that lacks what the command reads, saying what is missing', async () => {
    const { refreshed, driver, dispose } = registerRefresh();
    try {
      await assert.rejects(driver.run(REFRESH, [{ kind: 'account', account: { id: 'x' } }]), /cloudKeys\.refresh: .*account\.label/);
      assert.deepEqual(refreshed, []);
    } finally {
      dispose();
    }
  });
});
