/**
 * The layers of docs/architecture.md and the ban on import cycles are enforced by the lint (and by
 * scripts/check-import-cycles.mjs for type imports): each rule, with the project's own config, fails
 * on a snippet that breaks it. A snippet is linted as if it were the file at `filePath`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { tempDir } from './rotation/support';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const VSCODE = "import * as vscode from 'vscode';\nexport const v = vscode;\n";
const importing = (specifier: string) => `import * as m from '${specifier}';\nexport const v = m;\n`;

describe('the layer lint', () => {
  for (const file of [
    'src/model/probe.ts',
    'src/util/probe.ts',
    'src/clouds/oci/probe.ts',
    'src/operations/probe.ts',
    'src/terraform/probe.ts',
  ]) {
    it(`refuses vscode in ${path.dirname(file)}`, async () => {
      assert.deepEqual(await ruleIds(file, VSCODE), ['no-restricted-imports']);
    });
  }

  it('allows vscode on the VS Code side (src/features/terraform, src/commands)', async () => {
    assert.deepEqual(await ruleIds('src/features/terraform/probe.ts', VSCODE), []);
    assert.deepEqual(await ruleIds('src/commands/probe.ts', VSCODE), []);
  });

  const upward: [string, string][] = [
    ['src/model/probe.ts', '../util/redact'],
    ['src/util/probe.ts', '../clouds/provider'],
    ['src/clouds/oci/probe.ts', '../../operations/keyHealth'],
    ['src/operations/probe.ts', '../terraform/hcl'],
    ['src/operations/probe.ts', '../commands/commandIds'],
    ['src/terraform/probe.ts', '../views/cloudNames'],
    ['src/terraform/probe.ts', '../features/terraform/generateCommand'],
    ['src/commands/probe.ts', '../features/rotation/rotationFeature'],
    ['src/views/probe.ts', '../features/keyAlerts/keyAlertsStatusBar'],
    ['src/commands/probe.ts', '../extension'],
    ['webview/probe.ts', '../src/util/redact'],
  ];
  for (const [file, specifier] of upward) {
    it(`refuses ${file} importing ${specifier}`, async () => {
      assert.deepEqual(await ruleIds(file, importing(specifier)), ['import-x/no-restricted-paths']);
    });
  }

  it('refuses a value import of zod/mini outside src/model/zodRuntime.ts, and allows a type import', async () => {
    const value = "import { string } from 'zod/mini';\nexport const v = string;\n";
    const typeOnly = "import type * as z from 'zod/mini';\nexport type V = z.ZodMiniString;\n";
    for (const file of ['src/operations/probe.ts', 'src/webview/probe.ts', 'webview/probe.ts']) {
      assert.deepEqual(await ruleIds(file, value), ['@typescript-eslint/no-restricted-imports'], file);
      assert.deepEqual(await ruleIds(file, typeOnly), [], file);
    }
  });

  it('allows a layer to import the layers below it', async () => {
    assert.deepEqual(await ruleIds('src/operations/probe.ts', importing('../clouds/provider')), []);
    assert.deepEqual(await ruleIds('src/terraform/probe.ts', importing('../operations/keyHealth')), []);
  });

  it('refuses an import that closes a cycle (createRecovery already imports createJournal)', async () => {
    const code = `${fs.readFileSync(path.join(root, 'src/operations/createJournal.ts'), 'utf8')}\n${importing('./createRecovery')}`;
    assert.deepEqual(await ruleIds('src/operations/createJournal.ts', code), ['import-x/no-cycle']);
  });
});

describe('scripts/check-import-cycles.mjs', () => {
  const check = (dir: string) =>
    spawnSync(process.execPath, [path.join(root, 'scripts/check-import-cycles.mjs'), dir], { encoding: 'utf8' });

  it('fails on a cycle made of type imports only, naming its files', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import type { A } from './a';\nexport interface B { a?: A }\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
    const run = check(dir);
    assert.equal(run.status, 1, run.stdout);
    const name = path.basename(dir);
    assert.match(run.stderr, new RegExp(`${name}/a\\.ts ↔ ${name}/b\\.ts\\n`));
    assert.doesNotMatch(run.stderr, /c\.ts/);
  });

  it('passes a folder without cycles, and src/', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export type B = string;\n');
    assert.equal(check(dir).status, 0);
    const src = check(path.join(root, 'src'));
    assert.equal(src.status, 0, src.stderr);
  });
});
