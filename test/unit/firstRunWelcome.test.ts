// What the empty Accounts view tells a new user (package.json `viewsWelcome`, package.nls.json).
// Its text is static, so it is checked here against what discovery really reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { CloudContext } from '../../src/clouds/cloudModule';
import { ociConfigFiles } from '../../src/clouds/oci/discovery';
import { configFiles as outscaleConfigFiles } from '../../src/clouds/outscale/discovery';
import { ENV as IONOS_ENV } from '../../src/clouds/ionos/credentials';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

interface Welcome {
  view: string;
  contents: string;
  when?: string;
}
const welcomes: Welcome[] = manifest.contributes.viewsWelcome;
const text = (welcome: Welcome | undefined): string => nls[welcome?.contents.slice(1, -1) ?? ''] ?? '';
const noAccounts = text(welcomes.find((w) => w.when === 'cloudKeys.accounts == none'));

/** The welcome's lines that are a single link: VS Code shows those as buttons. */
function buttons(content: string): string[] {
  return content.split('\n').flatMap((line) => /^\[([^\]]+)\]\([^)]+\)$/.exec(line)?.[1] ?? []);
}

describe('the Accounts view when no cloud is configured', () => {
  it('leads with Add Account… and Get Started, before Refresh, Open Settings and Show Logs', () => {
    assert.deepEqual(buttons(noAccounts), ['Add Account…', 'Get Started', 'Refresh', 'Open Settings', 'Show Logs']);
    assert.match(noAccounts, /\[Get Started\]\(command:workbench\.action\.openWalkthrough\?/);
  });

  it('names every file discovery reads when nothing points it elsewhere', () => {
    // An empty home, no variables, no settings: the situation in which the view is empty. (A file
    // named by a variable or a setting that is missing is reported as a problem row instead.)
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-keys-empty-home-'));
    try {
      const ctx = { env: {}, settings: {}, homeDir: home } as unknown as CloudContext;
      const files = [...ociConfigFiles(ctx), ...outscaleConfigFiles(ctx)].map(
        (file) => `~/${path.relative(home, file).split(path.sep).join('/')}`,
      );
      assert.ok(files.length >= 3, files.join(', '));
      for (const file of files) assert.ok(noAccounts.includes(file), `the welcome does not name ${file}`);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('names the environment variables discovery reads and how to point it at a file elsewhere', () => {
    assert.ok(Object.values(IONOS_ENV).every((name) => name.startsWith('IONOS_')) && noAccounts.includes('IONOS_*'));
    assert.ok(noAccounts.includes('OSC_*'));
    for (const variable of ['OCI_CONFIG_FILE', 'OSC_CONFIG_FILE']) assert.ok(noAccounts.includes(variable), `no ${variable}`);
  });

  it('says it is still looking, not that there is nothing, until the accounts are loaded', () => {
    const searching = welcomes.find((w) => w.when === '!cloudKeys.accounts');
    assert.match(text(searching), /^Looking for OCI, OUTSCALE and IONOS Cloud accounts/);
    assert.ok(
      welcomes.every((w) => w.when !== undefined),
      'a welcome without a when clause would show while loading',
    );
  });
});
