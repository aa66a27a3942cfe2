import assert from 'node:assert/strict';
import { parse } from '@cdktf/hcl2json';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators, waitFor } from './helpers';

async function callerKeys(t: TestApi, cloud: string): Promise<{ account: AccountNode; caller: UserNode; keys: KeyNode[] }> {
  const roots = await t.tree.getChildren();
  const account = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === cloud);
  assert.ok(account, `no ${cloud} account`);
  const [caller] = (await t.tree.getChildren(account)) as TreeNode[];
  assert.equal(caller?.kind, 'user');
  const keys = (await t.tree.getChildren(caller)).filter((n): n is KeyNode => n.kind === 'key');
  return { account, caller: caller as UserNode, keys };
}

function titles(lenses: readonly vscode.CodeLens[], line: number): string[] {
  return lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
}

/** The lenses of a document once every lens has its live state and its actions (they arrive in two passes). */
async function settledLenses(uri: vscode.Uri, expectedBlocks: number): Promise<vscode.CodeLens[]> {
  let lenses: vscode.CodeLens[] = [];
  await waitFor(
    async () => {
      lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
      const lines = new Set(lenses.map((l) => l.range.start.line));
      const statuses = lenses.filter((l) => /^\$\((key|question|warning|circle-outline)\)/.test(l.command?.title ?? ''));
      return lines.size === expectedBlocks && statuses.length === expectedBlocks && lenses.some((l) => l.command?.command !== '');
    },
    'the code lenses did not settle',
    20_000,
  );
  return lenses;
}

function lineOf(document: vscode.TextDocument, needle: string): number {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the file`);
  return document.positionAt(offset).line;
}

async function writeWorkspaceFile(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, 'terraform');
  return document;
}

suite('Terraform: lenses, quick fix, snippets and generation in real VS Code', () => {
  suiteSetup(function () {
    if (!emulators.oci || !emulators.outscale || !emulators.ionos) this.skip();
  });

  teardown(async () => {
    // Revert first: closing an untitled or changed editor would otherwise wait on a "Save?" dialog.
    for (let i = 0; i < 20 && vscode.window.activeTextEditor; i += 1) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('lenses show the live state of each key resource, with their actions, and "Import existing key" writes the import block', async () => {
    const t = await api();
    const oci = await callerKeys(t, 'oci');
    const ociKey = oci.keys.find((k) => k.key.kind === 'access-key' && k.key.displayName);
    assert.ok(ociKey, 'the OCI caller has no named customer secret key');
    const osc = await callerKeys(t, 'outscale');
    const oscKey = osc.keys.find((k) => k.key.displayName);
    assert.ok(oscKey, 'the OUTSCALE account has no tagged key');
    const ionos = await callerKeys(t, 'ionos');
    const ionosKey = ionos.keys[0];
    assert.ok(ionosKey, 'the IONOS caller has no key');

    const document = await writeWorkspaceFile(
      'keys.tf',
      [
        'resource "oci_identity_customer_secret_key" "live" {',
        `  display_name = "${ociKey.key.displayName}"`,
        `  user_id      = "${oci.caller.user.id}"`,
        '}',
        '',
        'resource "oci_identity_customer_secret_key" "planned" {',
        '  display_name = "not-created-yet"',
        `  user_id      = "${oci.caller.user.id}"`,
        '}',
        '',
        'resource "outscale_access_key" "account" {',
        `  tag = "${oscKey.key.displayName}"`,
        '}',
        '',
        'resource "ionoscloud_s3_key" "imported" {',
        `  user_id = "${ionos.caller.user.id}"`,
        '}',
        '',
        'import {',
        '  to = ionoscloud_s3_key.imported',
        `  id = "${ionos.caller.user.id}/${ionosKey.key.id}"`,
        '}',
        '',
        'resource "ionoscloud_s3_key" "gone" {',
        `  user_id = "${ionos.caller.user.id}"`,
        '}',
        '',
        'import {',
        '  to = ionoscloud_s3_key.gone',
        `  id = "${ionos.caller.user.id}/NO-SUCH-KEY"`,
        '}',
        '',
        'resource "oci_identity_api_key" "from_variable" {',
        '  key_value = file("key.pem")',
        '  user_id   = var.user_id',
        '}',
        '',
      ].join('\n'),
    );
    const lenses = await settledLenses(document.uri, 6);
    const canRotate = (await vscode.commands.getCommands(true)).includes('cloudKeys.rotateKey');

    const live = titles(lenses, lineOf(document, '"live"'));
    assert.match(live[0], new RegExp(`^\\$\\((key|warning)\\) ${ociKey.key.state.toUpperCase()} · \\d+ days?`), live.join(' | '));
    assert.deepEqual(live.slice(1), [...(canRotate ? ['Rotate'] : []), 'Show in Cloud Keys', 'Import existing key']);
    const show = lenses.find((l) => l.range.start.line === lineOf(document, '"live"') && l.command?.title === 'Show in Cloud Keys')!;
    assert.equal(show.command!.command, 'cloudKeys.terraform.showKey');
    assert.equal((show.command!.arguments![0] as KeyNode).key.id, ociKey.key.id, 'Show in Cloud Keys points at another key');

    assert.match(titles(lenses, lineOf(document, '"planned"'))[0], /not yet created/);
    assert.match(titles(lenses, lineOf(document, '"account"'))[0], /^\$\((key|warning)\) (ACTIVE|INACTIVE) · /);
    const imported = titles(lenses, lineOf(document, '"imported"'));
    assert.match(imported[0], /^\$\((key|warning)\) /);
    assert.ok(!imported.includes('Import existing key'), 'a resource with an import block is offered another import');
    assert.match(
      titles(lenses, lineOf(document, '"gone"'))[0],
      new RegExp(`not found in ${ionos.account.account.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    assert.match(titles(lenses, lineOf(document, '"from_variable"'))[0], /live state unknown: user_id is not a literal value/);

    // Show in Cloud Keys runs without an error message (it reveals the key in the view).
    await vscode.commands.executeCommand(show.command!.command, ...show.command!.arguments!);

    // Import existing key writes the import block with OCI's id format, and the lens stops offering it.
    const importLens = lenses.find((l) => l.range.start.line === lineOf(document, '"live"') && l.command?.title === 'Import existing key')!;
    const id = await vscode.commands.executeCommand<string>(importLens.command!.command, ...importLens.command!.arguments!);
    assert.equal(id, `users/${oci.caller.user.id}/customerSecretKeys/${ociKey.key.id}`);
    assert.ok(document.getText().includes(`import {\n  to = oci_identity_customer_secret_key.live\n  id = "${id}"\n}`), document.getText());
    await waitFor(async () => {
      const again = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? [];
      const row = titles(again, lineOf(document, '"live"'));
      return row.length > 1 && !row.includes('Import existing key');
    }, 'the lens still offers to import a key that has an import block');
    await document.save();
  });

  test('lenses can be turned off by their setting', async () => {
    const document = await writeWorkspaceFile('off.tf', 'resource "outscale_access_key" "x" {\n  tag = "x"\n}\n');
    const config = vscode.workspace.getConfiguration('cloudKeys.terraform');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        async () =>
          ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).length === 0,
        'lenses still shown with cloudKeys.terraform.codeLens.enabled off',
      );
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      async () =>
        ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).length > 0,
      'lenses did not come back with the setting on',
    );
  });

  test('warns about an output that exposes a secret, and the quick fix adds sensitive = true', async () => {
    const document = await writeWorkspaceFile('outputs.tf', 'output "leak" {\n  value = outscale_access_key.account.secret_key\n}\n');
    await vscode.window.showTextDocument(document);
    let diagnostics: vscode.Diagnostic[] = [];
    await waitFor(
      () => (diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Cloud Keys')).length === 1,
      'no warning on the leaking output',
    );
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostics[0].message, /outscale_access_key\.account\.secret_key flows into output "leak"/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostics[0].range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Mark output "leak" sensitive');
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), 'output "leak" {\n  value = outscale_access_key.account.secret_key\n  sensitive = true\n}\n');
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Cloud Keys').length === 0,
      'the warning stayed after the fix',
    );
    await document.save();
  });

  test('offers the snippets for the terraform language, unless their setting is off', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'terraform', content: 'outscale_acc' });
    const at = new vscode.Position(0, 12);
    const labels = async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
      return list.items
        .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const offered = await labels();
    assert.ok(offered.includes('outscale_access_key') && offered.includes('outscale_access_key_import'), offered.join(', '));
    // Each suggestion says what it writes, and previews it as inserted: placeholders read as their defaults.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      at,
      undefined,
      100,
    );
    const item = list.items.find((i) => typeof i.label !== 'string' && i.label.label === 'outscale_access_key');
    assert.ok(item, 'no outscale_access_key suggestion');
    assert.match(item.detail ?? '', /OUTSCALE access key for an EIM user/);
    const preview = item.documentation instanceof vscode.MarkdownString ? item.documentation.value : String(item.documentation);
    assert.doesNotMatch(preview, /\$\{\d|\$\d/, preview);
    assert.match(preview, /user_name {7}= outscale_user\.user\.user_name\n {2}state {11}= "ACTIVE"/, preview);
    const config = vscode.workspace.getConfiguration('cloudKeys.terraform');
    await config.update('snippets.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        async () => !(await labels()).includes('outscale_access_key'),
        'snippets still offered with cloudKeys.terraform.snippets.enabled off',
      );
    } finally {
      await config.update('snippets.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('"Generate Terraform" on a key of each cloud opens HCL that parses, with the import id of that key', async () => {
    const t = await api();
    const types: Record<string, string> = {
      oci: 'oci_identity_customer_secret_key',
      outscale: 'outscale_access_key',
      ionos: 'ionoscloud_s3_key',
    };
    for (const cloud of ['oci', 'outscale', 'ionos']) {
      const { keys } = await callerKeys(t, cloud);
      const node = keys.find((k) => k.key.kind === 'access-key');
      assert.ok(node, `no access key for ${cloud}`);
      const hcl = await vscode.commands.executeCommand<string>('cloudKeys.generateTerraform', node, { target: 'new' });
      assert.ok(hcl, `${cloud}: the command returned nothing`);
      assert.equal(vscode.window.activeTextEditor?.document.getText(), hcl, `${cloud}: the HCL is not in the active editor`);
      assert.equal(vscode.window.activeTextEditor?.document.languageId, 'terraform');
      const json = (await parse(`${cloud}.tf`, hcl)) as { resource: Record<string, object>; import: { id: string }[] };
      assert.deepEqual(Object.keys(json.resource), [types[cloud]]);
      assert.ok(json.import[0].id.includes(node.key.id), `${cloud}: import id ${json.import[0].id}`);
    }
    const osc = await callerKeys(t, 'outscale');
    const { account } = osc;
    const provider = await vscode.commands.executeCommand<string>('cloudKeys.generateTerraform', account, { target: 'new' });
    const json = (await parse('provider.tf', provider)) as { provider: Record<string, Record<string, unknown>[]> };
    assert.equal(json.provider.outscale[0].profile, (account.account.origin as { profile: string }).profile);
  });

  test('"Generate Terraform" with a Terraform file active asks where, and by default opens a new untitled document, the file untouched', async () => {
    const t = await api();
    const osc = await callerKeys(t, 'outscale');
    const header = 'terraform {\n  required_providers {\n    outscale = {\n      source = "outscale/outscale"\n    }\n  }\n}\n';
    const file = await writeWorkspaceFile('generate-default.tf', header);
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(file.positionAt(header.length), file.positionAt(header.length));
    let result: string | undefined;
    let settled = false;
    void Promise.resolve(vscode.commands.executeCommand<string>('cloudKeys.generateTerraform', osc.keys[0])).then((hcl) => {
      result = hcl;
      settled = true;
    });
    // The question's default (its first, active item) is accepted as Enter would.
    await waitFor(async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the command did not ask where the HCL goes, or did not finish');
    assert.ok(result, 'the command returned nothing');
    const active = vscode.window.activeTextEditor?.document;
    assert.equal(active?.isUntitled, true, `the HCL went to ${active?.uri.toString()}`);
    assert.equal(active?.languageId, 'terraform');
    assert.equal(active?.getText(), result);
    assert.match(result, /required_providers/, 'a new document declares its providers');
    assert.equal(file.getText(), header, 'the Terraform file changed');
    assert.equal(file.isDirty, false);
  });

  test('"Append to <file>" merges the providers into required_providers, puts the key after the last resource, and leaves the file unsaved', async () => {
    const t = await api();
    const osc = await callerKeys(t, 'outscale');
    const original = [
      'terraform {',
      '  required_providers {',
      '    oci = {',
      '      source = "oracle/oci"',
      '    }',
      '  }',
      '}',
      '',
      'resource "oci_objectstorage_bucket" "state" {',
      '  name = "state"',
      '}',
      '',
      'output "bucket" {',
      '  value = oci_objectstorage_bucket.state.name',
      '}',
      '',
    ].join('\n');
    const file = await writeWorkspaceFile('append.tf', original);
    await vscode.window.showTextDocument(file);
    const appendKey = () =>
      vscode.commands.executeCommand<string>('cloudKeys.generateTerraform', osc.keys[0], { target: 'append', rotationDays: 0 });
    const body = await appendKey();
    assert.ok(body && !body.includes('required_providers'), body);
    const text = file.getText();
    const json = (await parse('append.tf', text)) as {
      terraform: { required_providers: Record<string, unknown>[] }[];
      resource: Record<string, Record<string, unknown>>;
    };
    assert.equal(json.terraform.length, 1, `a second terraform block:\n${text}`);
    assert.equal(json.terraform[0].required_providers.length, 1, `a second required_providers:\n${text}`);
    assert.deepEqual(Object.keys(json.terraform[0].required_providers[0]).sort(), ['oci', 'outscale']);
    const at = text.indexOf('resource "outscale_access_key"');
    assert.ok(
      at > text.indexOf('resource "oci_objectstorage_bucket"') && at < text.indexOf('output "bucket"'),
      `the key is not after the last resource:\n${text}`,
    );
    assert.equal(file.isDirty, true, 'the edit was saved');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file.uri)), original, 'the file on disk changed');

    // Again: the provider is declared now, and the new resource takes another name.
    await appendKey();
    const again = (await parse('append.tf', file.getText())) as typeof json;
    assert.equal(again.terraform[0].required_providers.length, 1);
    assert.deepEqual(Object.keys(again.terraform[0].required_providers[0]).sort(), ['oci', 'outscale']);
    assert.equal(Object.keys(again.resource.outscale_access_key).length, 2, file.getText());
  });

  test('"Append to <file>" adds a missing provider to the module\'s required_providers in another file, never a second block', async () => {
    const t = await api();
    const osc = await callerKeys(t, 'outscale');
    const versions = 'terraform {\n  required_providers {\n    oci = {\n      source = "oracle/oci"\n    }\n  }\n}\n';
    const main = 'resource "oci_objectstorage_bucket" "state" {\n  name = "state"\n}\n';
    const versionsDocument = await writeWorkspaceFile('module/versions.tf', versions);
    const mainDocument = await writeWorkspaceFile('module/main.tf', main);
    await vscode.window.showTextDocument(mainDocument);
    await vscode.commands.executeCommand('cloudKeys.generateTerraform', osc.keys[0], { target: 'append', rotationDays: 0 });
    const mainJson = (await parse('main.tf', mainDocument.getText())) as { terraform?: unknown; resource: Record<string, unknown> };
    assert.equal(mainJson.terraform, undefined, `main.tf got a terraform block:\n${mainDocument.getText()}`);
    assert.ok(mainJson.resource.outscale_access_key, mainDocument.getText());
    const versionsJson = (await parse('versions.tf', versionsDocument.getText())) as {
      terraform: { required_providers: Record<string, unknown>[] }[];
    };
    assert.deepEqual(Object.keys(versionsJson.terraform[0].required_providers[0]).sort(), ['oci', 'outscale']);
    assert.ok(versionsDocument.isDirty && mainDocument.isDirty, 'an edited file was saved');
    await versionsDocument.save();
  });

  test("lenses say what the tree's key-age policy says, per cloud, and follow its settings", async () => {
    const t = await api();
    const roots = await t.tree.getChildren();
    const account = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === 'oci');
    assert.ok(account, 'no oci account');
    // An active customer secret key older than the default 90 days, whose name is its user's only key of that name.
    let found: { owner: UserNode; key: KeyNode } | undefined;
    for (const owner of ((await t.tree.getChildren(account)) as TreeNode[]).filter((n): n is UserNode => n.kind === 'user')) {
      const keys = (await t.tree.getChildren(owner)).filter((n): n is KeyNode => n.kind === 'key' && n.key.kind === 'access-key');
      const old = keys.find(
        (k) =>
          k.key.state === 'active' &&
          k.key.displayName &&
          k.key.createdAt &&
          Date.now() - k.key.createdAt.getTime() > 100 * 86_400_000 &&
          keys.filter((o) => o.key.displayName === k.key.displayName).length === 1,
      );
      if (old) {
        found = { owner, key: old };
        break;
      }
    }
    assert.ok(found, 'the OCI demo tenancy has no active customer secret key older than 100 days');
    const { owner } = found;
    const legacy = found.key.key;
    const age = Math.floor((Date.now() - legacy.createdAt!.getTime()) / 86_400_000);
    const document = await writeWorkspaceFile(
      'policy.tf',
      `resource "oci_identity_customer_secret_key" "legacy" {\n  display_name = "${legacy.displayName}"\n  user_id      = "${owner.user.id}"\n}\n`,
    );
    const statusLine = async () => titles(await settledLenses(document.uri, 1), 0)[0];

    // The default policy (90 days), as the tree applies it.
    assert.equal(await statusLine(), `$(warning) ACTIVE · ${age} days · overdue: older than 90 days`);
    const config = vscode.workspace.getConfiguration('cloudKeys.keys');
    await config.update('perCloud', { oci: { maxAgeDays: age + 10 } }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => (await statusLine()) === `$(key) ACTIVE · ${age} days`, 'the lens did not follow cloudKeys.keys.perCloud');
    } finally {
      await config.update('perCloud', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(async () => /overdue/.test(await statusLine()), 'the lens did not come back to the default policy');
  });
});
