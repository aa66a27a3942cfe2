import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { COMMAND_IDS } from '../../src/commands/commandIds';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

describe('extension manifest', () => {
  it('contributes exactly the commands the code registers', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMAND_IDS).sort());
  });

  it('names only contributed commands in menus and welcome content', () => {
    const known = new Set(Object.values(COMMAND_IDS) as string[]);
    for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) assert.ok(known.has(item.command), `${menu} names unknown ${item.command}`);
    }
    const walkthroughs = new Set(
      manifest.contributes.walkthroughs.map((w: { id: string }) => `${manifest.publisher}.${manifest.name}#${w.id}`),
    );
    for (const welcome of manifest.contributes.viewsWelcome) {
      const text = nls[welcome.contents.slice(1, -1)] ?? welcome.contents;
      for (const [, id, args] of text.matchAll(/command:([\w.]+)(?:\?([^)\s]+))?/g)) {
        if (id === 'workbench.action.openWalkthrough') {
          // VS Code's command: its first argument is `<publisher>.<name>#<walkthrough id>`.
          const [walkthrough] = JSON.parse(decodeURIComponent(args ?? '[]')) as unknown[];
          assert.ok(walkthroughs.has(String(walkthrough)), `welcome opens unknown walkthrough ${String(walkthrough)}`);
        } else {
          assert.ok(known.has(id), `welcome names unknown ${id}`);
        }
      }
    }
  });

  it('resolves every %placeholder% from package.nls.json', () => {
    const placeholders = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(placeholders.length >= 5);
    for (const key of placeholders) assert.ok(nls[key], `package.nls.json lacks "${key}"`);
  });

  it('activates only on its view, its commands and Terraform files', () => {
    const events: string[] = manifest.activationEvents;
    assert.ok(!events.includes('*'));
    assert.ok(!events.includes('onStartupFinished'));
    for (const event of events) assert.match(event, /^(onView:cloudKeys\.|onCommand:cloudKeys\.|onLanguage:terraform$)/);
    assert.ok(manifest.contributes.views.cloudKeys.some((v: { id: string }) => v.id === 'cloudKeys.accounts'));
  });

  it('declares limited support for untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(nls[manifest.capabilities.untrustedWorkspaces.description.slice(1, -1)]);
  });

  it('keeps every setting that chooses an endpoint or credentials out of workspace scope', () => {
    const properties = manifest.contributes.configuration?.properties ?? {};
    for (const [name, schema] of Object.entries(properties as Record<string, { scope?: string }>)) {
      if (/endpoint|url|configFile|credential|proxy|caFile|profile/i.test(name)) {
        assert.ok(schema.scope === 'machine' || schema.scope === 'application', `${name} must be machine- or application-scoped`);
      }
    }
  });

  it('packages only dist, media, snippets, the manifest and the documents', () => {
    const out = execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
      cwd: root,
      encoding: 'utf8',
    });
    const files = out.split('\n').filter(Boolean);
    assert.ok(files.includes('package.json'), out);
    assert.ok(files.includes('README.md') && files.includes('CHANGELOG.md') && files.includes('LICENSE'), out);
    for (const bundle of [
      'dist/extension.js',
      'dist/webview/main.js',
      'dist/clouds/oci.js',
      'dist/lazy/ociProfile.js',
      'dist/lazy/terraformGenerate.js',
      'dist/lazy/commands.js',
    ]) {
      assert.ok(files.includes(bundle), `${bundle} is not packaged: build first`);
    }
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map')),
      [],
      'source maps are not packaged',
    );
    for (const file of files) {
      assert.match(
        file,
        /^(dist\/|media\/|snippets\/|l10n\/|package\.json$|package\.nls(\.[\w-]+)?\.json$|README\.md$|CHANGELOG\.md$|LICENSE$)/,
        `unexpected packaged file ${file}`,
      );
    }
  });
});
