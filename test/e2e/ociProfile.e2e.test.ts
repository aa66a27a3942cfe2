// "Save Private Key and OCI Profile": in the browser, a user generates an OCI API signing
// key from the tree, saves it from the key's context menu (the profile name in an input box, the key
// file in code-server's own save dialog), sees the change to the OCI config file as a diff in a modal
// and writes it. The test then reads what landed in the workbench's temporary home.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningOciEmulator } from '../emulators/oci';
import { pickQuickItem } from './support/reload';
import { allRows, contextMenu, expand, notification, openCloudKeys } from './support/tree';
import { waitUntil } from './support/wait';
import { openWorkbench, screenshot, type Workbench } from './support/workbench';

/** OCI's fingerprint of a PEM private key's public half: MD5 of the DER public key, colon-separated. */
function fingerprintOfKeyFile(file: string): string {
  const der = createPublicKey(createPrivateKey(fs.readFileSync(file, 'utf8'))).export({ type: 'spki', format: 'der' });
  return (createHash('md5').update(der).digest('hex').match(/../g) ?? []).join(':');
}

/** The entries of `[profile]` in an OCI config file's text ({} when it has no such section). */
function profileEntries(text: string, profile: string): Record<string, string> {
  const entries: Record<string, string> = {};
  let inside = false;
  for (const line of text.split('\n')) {
    const section = /^\s*\[(.+)\]\s*$/.exec(line);
    if (section) inside = section[1] === profile;
    else if (inside && line.includes('=')) {
      const at = line.indexOf('=');
      entries[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return entries;
}

describe('Save Private Key and OCI Profile, in the browser', () => {
  let workbench: Workbench & { emulators: Record<string, unknown>; home: string };
  let oci: RunningOciEmulator;

  before(async () => {
    workbench = await openWorkbench({ emulators: true });
    oci = workbench.emulators.oci as RunningOciEmulator;
    await openCloudKeys(workbench.page);
  });

  after(async () => {
    await workbench?.close();
  });

  /** Leaves a screenshot of the workbench as it was when a step failed. */
  const test = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      try {
        await body();
      } catch (error) {
        if (workbench) await screenshot(workbench.page, 'oci-profile-failed').catch(() => undefined);
        throw error;
      }
    });

  test('a generated API key is saved through the profile name, the save dialog and the diff modal: the profile is in the config file, the key file is 0600', async () => {
    const { page, home } = workbench;
    // The demo account's config file: the one the account signs with, so the profile is added there.
    const configFile = path.join(home, 'oci', '.oci', 'config');
    const configBefore = fs.readFileSync(configFile, 'utf8');
    const frank = oci.state.users.find((u) => u.name === 'frank.ops');
    assert.ok(frank, 'the demo tenancy has frank.ops');
    const frankKeys = () =>
      oci.state.apiKeys.filter((k) => k.userId === frank.id && k.lifecycleState !== 'DELETED').map((k) => k.fingerprint);
    assert.deepEqual(frankKeys(), [], 'frank.ops starts without API keys');

    // Create Key… on the user: an API signing key, generated here (the private key goes to secret storage).
    await expand(page, /OCI/, /frank\.ops/);
    await contextMenu(page, /frank\.ops/, 'Create Key…');
    await pickQuickItem(page, 'API signing key');
    await pickQuickItem(page, 'Generate a 2048-bit RSA key pair');
    const fingerprint = await waitUntil('the API key to exist at the emulator', () => frankKeys()[0]);
    await notification(page, new RegExp(`Created key ${fingerprint}`));

    // The key's context menu: Save Private Key and OCI Profile…
    // The row shows the fingerprint's last characters (the tooltip has it whole).
    const shownFingerprint = fingerprint.slice(-11);
    await expand(page, /frank\.ops/, shownFingerprint);
    await contextMenu(page, shownFingerprint, 'Save Private Key and OCI Profile…');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: `OCI profile name for key ${fingerprint}` }).waitFor();
    await input.fill('frank-e2e');
    await input.press('Enter');

    // code-server's save dialog is a quick input holding a path: type where the key goes.
    const keyFile = path.join(home, 'oci', '.oci', 'frank-e2e-typed.pem');
    await page.locator('.quick-input-widget', { hasText: `Where to save the private key of ${fingerprint}` }).waitFor();
    await waitUntil('the save dialog to show its suggested path', async () => (await input.inputValue()).endsWith('.pem'));
    await input.fill(keyFile);
    await input.press('Enter');

    // The modal shows the diff of the config file, without the private key; nothing is written yet.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const shown = (await dialog.innerText()).replace(/\u00a0/g, ' ');
    assert.match(shown, /Add profile \[frank-e2e\]/);
    assert.ok(shown.includes('+[frank-e2e]'), `the diff adds the section:\n${shown}`);
    assert.ok(shown.includes(`+fingerprint=${fingerprint}`), `the diff names the fingerprint:\n${shown}`);
    assert.ok(shown.includes(`+key_file=${keyFile}`), `the diff names the typed key file:\n${shown}`);
    assert.ok(!shown.includes('PRIVATE KEY'), 'the modal shows no private key');
    assert.equal(fs.readFileSync(configFile, 'utf8'), configBefore, 'nothing is written before Write');
    assert.equal(fs.existsSync(keyFile), false, 'no key file before Write');
    await screenshot(page, 'oci-profile-diff');
    await dialog.locator('.monaco-button', { hasText: /^Write$/ }).click();

    await notification(page, /Saved profile \[frank-e2e\]/);
    const configAfter = fs.readFileSync(configFile, 'utf8');
    assert.ok(configAfter.startsWith(configBefore), 'the demo profile is kept as it was');
    assert.deepEqual(profileEntries(configAfter, 'frank-e2e'), {
      user: frank.id,
      fingerprint,
      tenancy: oci.state.tenancyId,
      region: oci.caller.region,
      key_file: keyFile,
    });
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600, 'the key file is readable by its owner only');
    assert.equal(fingerprintOfKeyFile(keyFile), fingerprint, 'the key file holds the private half of the new key');
    // The config file changed, so the tree reloads that account: wait for it to settle with the key once.
    await waitUntil(
      'the key to show once in the tree',
      async () => (await allRows(page)).filter((text) => text.includes(shownFingerprint)).length === 1,
    );
    await screenshot(page, 'oci-profile-saved');
  });
});
