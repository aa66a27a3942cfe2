import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { KeyNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, callerOf, emulators, keysOf, waitFor } from './helpers';

/** Files this suite writes secrets into: saved after each edit (no unsaved backup holds a secret) and deleted at the end, for the canary search. */
const written: string[] = [];

function workspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  written.push(file);
  return vscode.Uri.file(file);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Cloud Keys');

async function emulatorCalls(cloud: string): Promise<number> {
  return ((await (await fetch(`${emulators[cloud]}/__emulator/calls`)).json()) as { count: number }).count;
}

async function quickFix(uri: vscode.Uri, range: vscode.Range, title: RegExp): Promise<vscode.CodeAction> {
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no quick fix ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

suite('Leaked keys in code, in VS Code', () => {
  let t: TestApi;
  let caller: UserNode;
  let key: KeyNode['key'];
  let secret: string;

  suiteSetup(async function () {
    if (!emulators.outscale) this.skip();
    t = await api();
    caller = await callerOf(t, 'outscale');
    key = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, { kind: 'access-key', options: {} })) as KeyNode['key'];
    assert.ok(key?.id);
    assert.ok((await keysOf(t, caller)).some((k) => k.key.id === key.id));
    secret = (await t.secrets.getKeySecret(key))!.reveal();
  });

  suiteTeardown(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && written.includes(d.uri.fsPath))) await document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of written) fs.rmSync(file, { force: true });
  });

  test("a secret of the user's key appears in the Problems panel as an error naming the owner, offline, with a hover", async () => {
    const before = await emulatorCalls('outscale');
    const uri = workspaceFile('leak-owner.ts', `const accessKey = "${key.id}";\nconst secretKey = "${secret}";\n`);
    await vscode.window.showTextDocument(uri);
    await waitFor(() => ours(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'no error diagnostic for the secret');
    const [idFinding, secretFinding] = ours(uri);
    assert.ok(
      secretFinding.message.startsWith(`Secret key of ${caller.user.name}'s active OUTSCALE access key ${key.id}, 0 days old, in account`),
      secretFinding.message,
    );
    assert.equal(idFinding.severity, vscode.DiagnosticSeverity.Warning);
    for (const d of ours(uri)) {
      assert.ok(
        !d.message.includes(secret) && !JSON.stringify(d.relatedInformation ?? []).includes(secret),
        'a diagnostic holds the secret',
      );
    }
    assert.equal(await emulatorCalls('outscale'), before, 'detection called the emulator');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      secretFinding.range.start.translate(0, 3),
    );
    // Markdown, with its punctuation escaped: read as shown.
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/\\(.)/g, '$1');
    assert.ok(text.includes(caller.user.name), text);
    assert.match(text, /Show the key in Cloud Keys/);
    assert.ok(!text.includes(secret));
  });

  test("'Move the secret to an environment variable' replaces the literal with process.env", async () => {
    const uri = workspaceFile('leak-move.ts', `export const osc = { secretKey: "Q${'w8E'.repeat(13)}" };\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await waitFor(() => ours(uri).length > 0, 'no diagnostic');
    const action = await quickFix(uri, ours(uri)[0].range, /^Move the secret to the environment variable SECRET_KEY/);
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(document.getText(), 'export const osc = { secretKey: process.env.SECRET_KEY };\n');
    await document.save();
    await waitFor(() => ours(uri).length === 0, 'the finding stayed after the fix');
  });

  test("'Ignore here' adds a cloud-keys:ignore comment and the finding goes", async () => {
    // A value of OUTSCALE's shape that is nobody's key: saving it puts it in VS Code's local history, which must never hold an emulator secret.
    const uri = workspaceFile('leak-ignore.py', `OSC_SECRET_KEY = "Q${'w8E'.repeat(13)}"\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await waitFor(() => ours(uri).length > 0, 'no diagnostic');
    const action = await quickFix(uri, ours(uri)[0].range, /^Ignore here/);
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(document.getText(), /^# cloud-keys:ignore\nOSC_SECRET_KEY = /);
    await document.save();
    await waitFor(() => ours(uri).length === 0, 'the finding stayed after the comment');
  });

  test("'Scan Workspace for Keys' reports a file that is not open, as not a key of the configured accounts", async () => {
    const uri = workspaceFile('deploy/.env.staging', `OSC_ACCESS_KEY=ZZ99YY88XX77WW66VV55\nOSC_SECRET_KEY=Q${'w8E'.repeat(13)}\n`);
    const summary = (await vscode.commands.executeCommand('cloudKeys.scanWorkspaceForKeys')) as { findings: number; filesScanned: number };
    assert.ok(summary.filesScanned >= 1 && summary.findings >= 2, JSON.stringify(summary));
    const messages = ours(uri).map((d) => d.message);
    assert.ok(
      messages.some((m) => /OUTSCALE secret key: not a key of your configured accounts/.test(m)),
      messages.join(' | '),
    );
  });

  test("'Rotate this key' rotates it (the emulator no longer lists the old key) and puts the env reference where the secret was", async () => {
    const uri = workspaceFile('leak-rotate.ts', `const secretKey = "${secret}";\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await waitFor(() => ours(uri).length > 0, 'no diagnostic');
    const action = await quickFix(uri, ours(uri)[0].range, /^Rotate this key/);
    const outcome = (await t.run(action.command!.command, [...action.command!.arguments!, { grace: { kind: 'now' } }], {
      confirmed: true,
    })) as { items?: { status: string; newKeyId?: string }[]; rewired?: boolean };
    assert.equal(outcome?.items?.[0]?.status, 'done');
    assert.equal(outcome.rewired, true);
    const keys = await keysOf(t, caller);
    assert.ok(!keys.some((k) => k.key.id === key.id), 'the old key is still listed by the emulator');
    assert.equal(document.getText(), 'const secretKey = process.env.SECRET_KEY;\n');
    await document.save();
    const fresh = keys.find((k) => k.key.id === outcome.items![0].newKeyId);
    if (fresh) await t.run('cloudKeys.deleteKey', [fresh], { confirmed: true });
  });
});
