// Issue 11, "Faults during operations": the extension host is killed (the window reloaded) while a
// create or a rotation is in flight at the cloud; after the restart nothing is lost and no key the
// user did not ask for is left active. The emulators hold the chosen call (a latency fault) so that
// the cloud acts while the old extension host is already gone, then the test checks what the user
// sees in the new window and what the emulator holds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IonosEmulator } from '../emulators/ionos';
import type { RunningOutscaleEmulator } from '../emulators/outscale';
import { acceptInputBox, answerNotification, cloudKeysLogs, collapseTree, latestLog, pickQuickItem, reloadWindow, showCloudKeysAgain, tooltipOf, waitUntil } from './support/reload';
import { contextMenu, expand, notification, openCloudKeys, row } from './support/tree';
import { openWorkbench, resultsDir, screenshot, type Workbench } from './support/workbench';

function saveLogs(userDataDir: string, testName: string): void {
  const dir = path.join(resultsDir, 'reload-logs', testName.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60));
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, file] of cloudKeysLogs(userDataDir).entries()) fs.copyFileSync(file, path.join(dir, `exthost${i + 1}.log`));
}

/**
 * How long the emulator holds the call. Shorter than the 3 s the new window waits after activation
 * before it looks for interrupted creates, so the cloud has acted by the time it looks; long enough
 * for the old extension host to be gone before the answer (the test checks that order).
 */
const HOLD_MS = 2_800;

type KeySnapshot = Record<string, string>;

describe('Reloading the window in the middle of a create or a rotation', () => {
  let workbench: Workbench & { emulators: Record<string, unknown>; userDataDir: string };
  let outscale: RunningOutscaleEmulator;
  let ionos: IonosEmulator;

  /** Every OUTSCALE key of the account, id → "owner state". */
  const outscaleKeys = (): KeySnapshot =>
    Object.fromEntries([...outscale.state.keys.values()].map((k) => [k.accessKeyId, `${k.owner || '(account)'} ${k.state}`]));
  const ionosKeys = (): KeySnapshot => Object.fromEntries([...ionos.state.keys.values()].map((k) => [k.id, `${k.userId} ${k.active ? 'active' : 'inactive'}`]));
  const added = (before: KeySnapshot, now: KeySnapshot) => Object.keys(now).filter((id) => !(id in before));

  before(async () => {
    workbench = await openWorkbench({ emulators: true });
    outscale = workbench.emulators.outscale as RunningOutscaleEmulator;
    ionos = workbench.emulators.ionos as IonosEmulator;
    await openCloudKeys(workbench.page);
  });

  /** A test that, when it fails, leaves Cloud Keys' log of each extension host for the reader (logs never hold a secret). */
  const test = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      try {
        await collapseTree(workbench.page);
        await body();
      } catch (error) {
        if (workbench) {
          saveLogs(workbench.userDataDir, name);
          await screenshot(workbench.page, `reload-failed-${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}`).catch(() => undefined);
        }
        throw error;
      }
    });

  after(async () => {
    await workbench?.close();
  });

  /** Reloads while `held` is in flight at the emulator, and checks the old host was gone before the cloud answered. */
  async function reloadWhileHeld(held: () => boolean, answered: () => boolean, what: string) {
    const { page, userDataDir } = workbench;
    await waitUntil(`${what} to reach the emulator`, held, 30_000);
    assert.equal(answered(), false, `${what} was answered before the reload: make HOLD_MS longer`);
    let answeredWhenHostGone: boolean | undefined;
    const reload = await reloadWindow(page, userDataDir, () => {
      answeredWhenHostGone = answered();
    });
    assert.notEqual(reload.newHost, reload.oldHost);
    assert.equal(answeredWhenHostGone, false, `the old extension host lived until the cloud answered ${what}, so it was not interrupted`);
    await showCloudKeysAgain(page);
    return reload;
  }

  test('OUTSCALE: a create cut off by a reload is found at the next start, and Delete removes the key it left', async () => {
    const { page, userDataDir } = workbench;
    await expand(page, 'OUTSCALE', /terraform/);
    await expand(page, /terraform/, /state backend/);
    const before = outscaleKeys();
    const callsBefore = outscale.calls.length;
    outscale.faults.add({ route: 'CreateAccessKey', kind: 'latency', ms: HOLD_MS, times: 1 });

    await contextMenu(page, /terraform/, 'Create Key…');
    await acceptInputBox(page); // the default expiry
    await reloadWhileHeld(
      () => outscale.calls.slice(callsBefore).includes('CreateAccessKey'),
      () => added(before, outscaleKeys()).length > 0,
      'CreateAccessKey',
    );

    // The cloud made the key, but nobody saw its secret.
    const [orphan, ...more] = await waitUntil('the held create to finish at the emulator', () => {
      const fresh = added(before, outscaleKeys());
      return fresh.length > 0 ? fresh : undefined;
    });
    assert.deepEqual(more, [], 'exactly one key was created');
    assert.equal(outscale.state.keys.get(orphan)?.owner, 'terraform');

    const message = await notification(page, /Cloud Keys stopped while creating/);
    assert.match(message, new RegExp(`${orphan} \\(OUTSCALE\\)`), 'the question names the key and its cloud');
    assert.match(message, /secrets were never saved/);
    await page.locator('.notification-toast .monaco-button', { hasText: /^Delete$/ }).first().waitFor();
    await screenshot(page, 'reload-create-outscale-ask');
    await answerNotification(page, /Cloud Keys stopped while creating/, 'Delete');

    await waitUntil(`key ${orphan} to be deleted at the emulator`, () => !outscale.state.keys.has(orphan));
    assert.deepEqual(outscaleKeys(), before, "every other key of the account is as it was, terraform's included");
    await waitUntil('the recovery to be logged', () => /Interrupted creates: 1 record\(s\), 0 secret\(s\) stored, 1 key\(s\) deleted/.test(latestLog(userDataDir)));
    await expand(page, 'OUTSCALE', /terraform/);
    await expand(page, /terraform/, /state backend/);
    assert.equal(await row(page, orphan).count(), 0, 'the deleted key is not in the tree');
    await screenshot(page, 'reload-create-outscale-deleted');
  });

  test('IONOS: a create cut off by a reload has its secret read back and stored at the next start, without a question', async () => {
    const { page, userDataDir } = workbench;
    const claire = ionos.caller.userId;
    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    await expand(page, /Claire Dubois/, /created/);
    const before = ionosKeys();
    const callsBefore = ionos.calls.length;
    const createRoute = `POST /um/users/${claire}/s3keys`;
    ionos.faults.add({ route: createRoute, kind: 'latency', ms: HOLD_MS, times: 1 });

    await contextMenu(page, /Claire Dubois/, 'Create Key…');
    await reloadWhileHeld(
      () => ionos.calls.slice(callsBefore).includes(createRoute),
      () => added(before, ionosKeys()).length > 0,
      'the S3 key creation',
    );
    const [created, ...more] = await waitUntil('the held create to finish at the emulator', () => {
      const fresh = added(before, ionosKeys());
      return fresh.length > 0 ? fresh : undefined;
    });
    assert.deepEqual(more, [], 'exactly one key was created');

    const message = await notification(page, /Saved the secret of 1 key\(s\) whose creation was interrupted/);
    assert.match(message, new RegExp(created));
    assert.equal(await page.locator('.notification-toast', { hasText: /Cloud Keys stopped while creating/ }).count(), 0, 'nothing is asked');
    assert.match(latestLog(userDataDir), /Interrupted creates: 1 record\(s\), 1 secret\(s\) stored, 0 key\(s\) deleted/);
    assert.equal(ionos.state.keys.get(created)?.active, true, 'the key the user asked for exists');
    assert.deepEqual(Object.fromEntries(Object.entries(ionosKeys()).filter(([id]) => id !== created)), before, 'no other key changed');

    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    await expand(page, /Claire Dubois/, created);
    const tooltip = await tooltipOf(page, row(page, created));
    assert.match(tooltip, /stored in VS Code secret storage/);
    await screenshot(page, 'reload-create-ionos-stored');
  });

  /** Starts the rotation of `keyId` from the tree, grace "now", and reloads while the deactivation of the old key is held. */
  async function rotateAndReloadAtDeactivate(user: RegExp, keyRow: string | RegExp, keyId: string): Promise<string> {
    const { page } = workbench;
    await expand(page, 'OUTSCALE', user);
    await expand(page, user, keyRow);
    const before = outscaleKeys();
    const callsBefore = outscale.calls.length;
    outscale.faults.add({ route: 'UpdateAccessKey', kind: 'latency', ms: HOLD_MS, times: 1 });

    await contextMenu(page, keyRow, 'Rotate Key…');
    await pickQuickItem(page, 'Delete the old key as soon as the new one works');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    assert.match(await dialog.innerText(), new RegExp(`Rotate key ${keyId}`));
    await dialog.locator('.monaco-button', { hasText: /^Rotate$/ }).click();

    await reloadWhileHeld(
      () => outscale.calls.slice(callsBefore).includes('UpdateAccessKey'),
      () => outscale.state.keys.get(keyId)?.state === 'INACTIVE',
      'the deactivation of the old key',
    );
    // The rotation had created and verified the new key before the deactivation was held.
    const [newKey, ...more] = added(before, outscaleKeys());
    assert.ok(newKey, 'the new key was created before the reload');
    assert.deepEqual(more, [], 'one new key only');
    await waitUntil('the held deactivation to finish at the emulator', () => outscale.state.keys.get(keyId)?.state === 'INACTIVE');

    await notification(page, /1 key rotation\(s\) did not finish/);
    return newKey;
  }

  test('OUTSCALE: a rotation cut off at the deactivation is offered again after the reload and finishes', async () => {
    const { page } = workbench;
    const old = [...outscale.state.keys.values()].find((k) => k.owner === 'terraform' && k.tag === 'state backend');
    assert.ok(old);
    const before = outscaleKeys();
    const newKey = await rotateAndReloadAtDeactivate(/terraform/, /state backend/, old.accessKeyId);
    await screenshot(page, 'reload-rotation-offered');

    await answerNotification(page, /did not finish/, 'Resume Rotations');
    await pickQuickItem(page, old.accessKeyId);
    await pickQuickItem(page, 'Resume from where it stopped');
    const done = await notification(page, new RegExp(`Rotated ${old.accessKeyId}`));
    assert.match(done, new RegExp(`the new key ${newKey} works, its secret is in secret storage`));

    // Exactly what the user asked for: the old key gone, the new one active, nothing else changed.
    const expected = { ...before, [newKey]: 'terraform ACTIVE' };
    delete expected[old.accessKeyId];
    assert.deepEqual(outscaleKeys(), expected);
    await expand(page, 'OUTSCALE', /terraform/);
    await expand(page, /terraform/, newKey);
    assert.match(await tooltipOf(page, row(page, newKey)), /stored in VS Code secret storage/, 'the new secret is stored');
    assert.equal(await row(page, old.accessKeyId).count(), 0, 'the old key is gone from the tree');
    await screenshot(page, 'reload-rotation-finished');
  });

  test('OUTSCALE: a rotation cut off at the deactivation can be rolled back after the reload: the old key works again, the new one is gone', async () => {
    const { page } = workbench;
    const old = [...outscale.state.keys.values()].find((k) => k.owner === 'backup-agent' && k.state === 'ACTIVE');
    assert.ok(old);
    const before = outscaleKeys();
    await rotateAndReloadAtDeactivate(/backup-agent/, old.accessKeyId, old.accessKeyId);

    await answerNotification(page, /did not finish/, 'Resume Rotations');
    await pickQuickItem(page, old.accessKeyId);
    await pickQuickItem(page, 'Roll back: keep the old key, delete the new one');
    await notification(page, new RegExp(`Rolled back the rotation of ${old.accessKeyId}; it is still the working key`));

    assert.deepEqual(outscaleKeys(), before, 'the old key is active again, the new one deleted, nothing else changed');
    await screenshot(page, 'reload-rotation-rolled-back');
  });
});
