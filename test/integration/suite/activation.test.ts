import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, waitFor } from './helpers';

suite('Cloud Keys in a real VS Code', () => {
  test('is installed but not activated at start-up', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
    assert.equal(extension.isActive, false, 'the extension activated before anyone used it');
  });

  test('activates on its first command without loading any cloud adapter or SDK', async () => {
    await vscode.commands.executeCommand('cloudKeys.showLogs');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(() => extension.isActive, 'running a Cloud Keys command did not activate the extension');
    const loaded = Object.keys(require.cache).filter((file) =>
      /[\\/]dist[\\/]clouds[\\/]|[\\/]node_modules[\\/](oci-[\w-]+|axios|aws4)[\\/]/.test(file),
    );
    assert.deepEqual(loaded, []);
    // The key, account, rotation and export commands are stand-ins until one of them first runs.
    assert.ok(!Object.keys(require.cache).some((file) => /[\\/]dist[\\/]lazy[\\/]commands\.js$/.test(file)));
  });

  test('opens its Accounts view, which loads the adapters of the clouds it lists', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.cloudKeys');
    await waitFor(
      () => Object.keys(require.cache).some((file) => /[\\/]dist[\\/]clouds[\\/]/.test(file)),
      'opening the Accounts view loaded no cloud adapter',
    );
  });

  test('registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  test('Show Logs opens the Cloud Keys log', async () => {
    await vscode.commands.executeCommand('cloudKeys.showLogs');
    await waitFor(
      () => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && /Cloud Keys/i.test(d.uri.toString(true))),
      'no output document for the Cloud Keys channel appeared',
    );
    const log = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /Cloud Keys/i.test(d.uri.toString(true)))!;
    await waitFor(() => /Cloud Keys .* activated/.test(log.getText()), 'the log does not say the extension activated');
  });

  test('Refresh runs without an error', async () => {
    // Through the test API: it rejects with what the command showed if it failed, which a plain
    // executeCommand never does (registerCommand catches every failure and shows it instead).
    const t = await api();
    const before = t.commandFailures().length;
    await t.run('cloudKeys.refresh');
    assert.deepEqual(t.commandFailures().slice(before), []);
  });

  test('a command given a bad argument refuses it by name, and the test API reports it', async () => {
    await assert.rejects(
      (await api()).run('cloudKeys.deleteKey', ['not a key']),
      /cloudKeys\.deleteKey: the first argument is a string, not a node of the Cloud Keys tree/,
    );
    await assert.rejects((await api()).run('cloudKeys.exportKey', [undefined, { confirmed: true }]), /Unrecognized key: "confirmed"/);
  });

  test('once the commands bundle is loaded, its commands run their real code and every contributed command stays registered', async () => {
    // Rename Key given a number: the real command (in dist/lazy/commands.js) refuses the argument by name.
    await assert.rejects((await api()).run('cloudKeys.renameKey', [42]), /cloudKeys\.renameKey: the first argument is a number/);
    assert.ok(Object.keys(require.cache).some((file) => /[\\/]dist[\\/]lazy[\\/]commands\.js$/.test(file)));
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
    );
  });
});
