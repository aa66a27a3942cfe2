// "Faults during operations": the extension host is killed (the window reloaded) while a
// create or a rotation is in flight at the cloud; after the restart nothing is lost and no key the
// user did not ask for is left active. The emulator holds the chosen call until the old extension
// host is seen to exit, then lets the cloud act, so the cloud acts while the old extension host is
// gone and before the new window looks for what was interrupted (3 s after it activates), however
// long the reload takes; then the test checks what the user sees in the new window and what the
// emulator holds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IonosEmulator } from '../emulators/ionos';
import type { RunningOciEmulator } from '../emulators/oci';
import type { RunningOutscaleEmulator } from '../emulators/outscale';
import { holdNextCall, releaseAllHeldCalls, type HeldCall } from './support/emulatorHold';
import {
  answerInputBox,
  answerNotification,
  cloudKeysLogs,
  collapseTree,
  latestLog,
  pickQuickItem,
  reloadWindow,
  showCloudKeysAgain,
  tooltipOf,
} from './support/reload';
import { contextMenu, expand, notification, openCloudKeys, revealRow, waitForNoRow } from './support/tree';
import { waitUntil } from './support/wait';
import { openWorkbench, resultsDir, screenshot, type Workbench } from './support/workbench';

function saveLogs(userDataDir: string, testName: string): void {
  const dir = path.join(resultsDir, 'reload-logs', testName.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60));
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, file] of cloudKeysLogs(userDataDir).entries()) fs.copyFileSync(file, path.join(dir, `exthost${i + 1}.log`));
}

type KeySnapshot = Record<string, string>;

describe('Reloading the window in the middle of a create or a rotation', () => {
  let workbench: Workbench & { emulators: Record<string, unknown>; userDataDir: string };
  let outscale: RunningOutscaleEmulator;
  let ionos: IonosEmulator;
  let oci: RunningOciEmulator;

  /** Every OUTSCALE key of the account, id → "owner state". */
  const outscaleKeys = (): KeySnapshot =>
    Object.fromEntries([...outscale.state.keys.values()].map((k) => [k.accessKeyId, `${k.owner || '(account)'} ${k.state}`]));
  const ionosKeys = (): KeySnapshot =>
    Object.fromEntries([...ionos.state.keys.values()].map((k) => [k.id, `${k.userId} ${k.active ? 'active' : 'inactive'}`]));
  /** Every live OCI customer secret key of the tenancy, id → "user name state" (a deleted key stays listed as DELETED for a while, as on OCI). */
  const ociSecretKeys = (): KeySnapshot =>
    Object.fromEntries(
      oci.state.secretKeys
        .filter((k) => k.lifecycleState !== 'DELETED')
        .map((k) => [k.id, `${oci.state.users.find((u) => u.id === k.userId)?.name ?? k.userId} ${k.lifecycleState}`]),
    );
  const ociUserId = (name: string): string => {
    const user = oci.state.users.find((u) => u.name === name);
    assert.ok(user, `the OCI emulator has no user ${name}`);
    return user.id;
  };
  const added = (before: KeySnapshot, now: KeySnapshot) => Object.keys(now).filter((id) => !(id in before));

  before(async () => {
    workbench = await openWorkbench({ emulators: true });
    outscale = workbench.emulators.outscale as RunningOutscaleEmulator;
    ionos = workbench.emulators.ionos as IonosEmulator;
    oci = workbench.emulators.oci as RunningOciEmulator;
    await openCloudKeys(workbench.page);
  });

  /** A test that, when it fails, leaves Cloud Keys' log of each extension host for the reader (logs never hold a secret). */
  const test = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      try {
        await collapseTree(workbench.page);
        await body();
      } catch (error) {
        releaseAllHeldCalls();
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

  /**
   * Reloads while `held` is held at the emulator, lets the emulator answer once the old extension
   * host has exited, and checks the cloud had not acted before.
   */
  async function reloadWhileHeld(held: HeldCall, answered: () => boolean, what: string) {
    const { page, userDataDir } = workbench;
    await waitUntil(`${what} to reach the emulator`, held.arrived);
    assert.equal(answered(), false, `${what} was answered before the reload`);
    let answeredWhenHostGone: boolean | undefined;
    const reload = await reloadWindow(page, userDataDir, () => {
      answeredWhenHostGone = answered();
      held.release();
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
    const held = holdNextCall(outscale.faults, 'CreateAccessKey');

    await contextMenu(page, /terraform/, 'Create Key…');
    await answerInputBox(page, 'Expiration date'); // the default expiry
    await reloadWhileHeld(held, () => added(before, outscaleKeys()).length > 0, 'CreateAccessKey');

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
    await page
      .locator('.notification-toast .monaco-button', { hasText: /^Delete$/ })
      .first()
      .waitFor();
    await screenshot(page, 'reload-create-outscale-ask');
    await answerNotification(page, /Cloud Keys stopped while creating/, 'Delete');

    await waitUntil(`key ${orphan} to be deleted at the emulator`, () => !outscale.state.keys.has(orphan));
    assert.deepEqual(outscaleKeys(), before, "every other key of the account is as it was, terraform's included");
    await waitUntil('the recovery to be logged', () =>
      /Interrupted creates: 1 record\(s\), 0 secret\(s\) stored, 1 key\(s\) deleted/.test(latestLog(userDataDir)),
    );
    await expand(page, 'OUTSCALE', /terraform/);
    await expand(page, /terraform/, /state backend/);
    await waitForNoRow(page, orphan); // the deleted key is not in the tree
    await screenshot(page, 'reload-create-outscale-deleted');
  });

  test('IONOS: a create cut off by a reload has its secret read back and stored at the next start, without a question', async () => {
    const { page, userDataDir } = workbench;
    const claire = ionos.caller.userId;
    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    await expand(page, /Claire Dubois/, /created/);
    const before = ionosKeys();
    const held = holdNextCall(ionos.faults, `POST /um/users/${claire}/s3keys`);

    await contextMenu(page, /Claire Dubois/, 'Create Key…');
    await reloadWhileHeld(held, () => added(before, ionosKeys()).length > 0, 'the S3 key creation');
    const [created, ...more] = await waitUntil('the held create to finish at the emulator', () => {
      const fresh = added(before, ionosKeys());
      return fresh.length > 0 ? fresh : undefined;
    });
    assert.deepEqual(more, [], 'exactly one key was created');

    const message = await notification(page, /Saved the secret of 1 key\(s\) whose creation was interrupted/);
    assert.match(message, new RegExp(created));
    assert.equal(
      await page.locator('.notification-toast', { hasText: /Cloud Keys stopped while creating/ }).count(),
      0,
      'nothing is asked',
    );
    assert.match(latestLog(userDataDir), /Interrupted creates: 1 record\(s\), 1 secret\(s\) stored, 0 key\(s\) deleted/);
    assert.equal(ionos.state.keys.get(created)?.active, true, 'the key the user asked for exists');
    assert.deepEqual(Object.fromEntries(Object.entries(ionosKeys()).filter(([id]) => id !== created)), before, 'no other key changed');

    await expand(page, 'IONOS Cloud', /Claire Dubois/);
    await expand(page, /Claire Dubois/, created);
    const tooltip = await tooltipOf(page, await revealRow(page, created));
    assert.match(tooltip, /stored in VS Code secret storage/);
    await screenshot(page, 'reload-create-ionos-stored');
  });

  test('OCI: a customer secret key create cut off by a reload is named at the next start, and Delete removes only that key', async () => {
    const { page, userDataDir } = workbench;
    const grace = ociUserId('grace.analytics');
    await expand(page, /OCI/, /grace\.analytics/);
    await expand(page, /grace\.analytics/, /notebooks/);
    const before = ociSecretKeys();
    // The emulator's route key: the path without region and API version.
    const held = holdNextCall(oci.faults, `POST /users/${grace}/customerSecretKeys`);

    await contextMenu(page, /grace\.analytics/, 'Create Key…');
    await pickQuickItem(page, 'customer secret key');
    await answerInputBox(page, 'Name of the new customer secret key', 'reload-e2e');
    await reloadWhileHeld(held, () => added(before, ociSecretKeys()).length > 0, 'the customer secret key creation');

    const [orphan, ...more] = await waitUntil('the held create to finish at the emulator', () => {
      const fresh = added(before, ociSecretKeys());
      return fresh.length > 0 ? fresh : undefined;
    });
    assert.deepEqual(more, [], 'exactly one key was created');
    assert.equal(ociSecretKeys()[orphan], 'grace.analytics ACTIVE');

    const message = await notification(page, /Cloud Keys stopped while creating/);
    assert.match(message, new RegExp(`${orphan} \\(OCI\\)`), 'the question names the key and its cloud');
    assert.match(message, /secrets were never saved/);
    await page
      .locator('.notification-toast .monaco-button', { hasText: /^Delete$/ })
      .first()
      .waitFor();
    await screenshot(page, 'reload-create-oci-ask');
    await answerNotification(page, /Cloud Keys stopped while creating/, 'Delete');

    await waitUntil(`key ${orphan} to be deleted at the emulator`, () => !(orphan in ociSecretKeys()));
    assert.deepEqual(ociSecretKeys(), before, "every other key of the tenancy is as it was, grace's notebooks key included");
    await waitUntil('the recovery to be logged', () =>
      /Interrupted creates: 1 record\(s\), 0 secret\(s\) stored, 1 key\(s\) deleted/.test(latestLog(userDataDir)),
    );
    await expand(page, /OCI/, /grace\.analytics/);
    await expand(page, /grace\.analytics/, /notebooks/);
    await waitForNoRow(page, /reload-e2e/); // the deleted key is not in the tree
    await screenshot(page, 'reload-create-oci-deleted');
  });

  test('OCI: a rotation cut off at its create step offers the lost key after the reload; Delete, then Resume finishes with one new key', async () => {
    const { page, userDataDir } = workbench;
    const alice = ociUserId('alice.admin');
    const old = oci.state.secretKeys.find((k) => k.userId === alice && k.displayName === 'terraform-state');
    assert.ok(old);
    const aliceKeys = () => oci.state.secretKeys.filter((k) => k.userId === alice && k.lifecycleState !== 'DELETED').map((k) => k.id);
    assert.deepEqual(aliceKeys(), [old.id], 'alice.admin starts with one customer secret key');
    const before = ociSecretKeys();
    await expand(page, /OCI/, /alice\.admin/);
    await expand(page, /alice\.admin/, /terraform-state/);
    const held = holdNextCall(oci.faults, `POST /users/${alice}/customerSecretKeys`);

    await contextMenu(page, /terraform-state/, 'Rotate Key…');
    await pickQuickItem(page, 'Delete the old key as soon as the new one works');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Rotate key ${old.id}`));
    await dialog.locator('.monaco-button', { hasText: /^Rotate$/ }).click();
    await reloadWhileHeld(held, () => aliceKeys().length > 1, "the rotation's create");

    // The cloud made the new key, but its secret died with the old extension host.
    const [lost, ...more] = await waitUntil('the held create to finish at the emulator', () => {
      const fresh = added(before, ociSecretKeys());
      return fresh.length > 0 ? fresh : undefined;
    });
    assert.deepEqual(more, [], 'exactly one key was created');
    const message = await notification(page, /Cloud Keys stopped while creating/);
    assert.match(message, new RegExp(`${lost} \\(OCI\\)`), 'the recovery offers the key the rotation lost');
    await notification(page, /1 key rotation\(s\) did not finish/);
    await screenshot(page, 'reload-rotation-oci-create-offered');
    await answerNotification(page, /Cloud Keys stopped while creating/, 'Delete');
    await waitUntil(`key ${lost} to be deleted at the emulator`, () => !(lost in ociSecretKeys()));
    assert.deepEqual(ociSecretKeys(), before, 'only the lost key was deleted; the key being rotated is still there');
    await waitUntil('the recovery to be logged', () =>
      /Interrupted creates: 1 record\(s\), 0 secret\(s\) stored, 1 key\(s\) deleted/.test(latestLog(userDataDir)),
    );

    await answerNotification(page, /did not finish/, 'Resume Rotations');
    await pickQuickItem(page, old.id);
    await pickQuickItem(page, 'Resume from where it stopped');
    await notification(page, new RegExp(`Rotated ${old.id}`));

    // Exactly one key, new: neither the old key nor the lost one.
    const [newKey, ...others] = aliceKeys();
    assert.deepEqual(others, [], `alice.admin holds exactly one customer secret key, not ${aliceKeys().join(', ')}`);
    assert.notEqual(newKey, old.id, 'the old key is gone');
    assert.notEqual(newKey, lost, 'the key lost in the reload is not the one kept');
    const expected = { ...before, [newKey]: 'alice.admin ACTIVE' };
    delete expected[old.id];
    assert.deepEqual(ociSecretKeys(), expected, "no other user's key changed");
    await expand(page, /OCI/, /alice\.admin/);
    // An OCI row shows the id's last characters (the tooltip has it whole).
    await expand(page, /alice\.admin/, newKey.slice(-11));
    assert.match(
      await tooltipOf(page, await revealRow(page, newKey.slice(-11))),
      /stored in VS Code secret storage/,
      'the new secret is stored',
    );
    await screenshot(page, 'reload-rotation-oci-finished');
  });

  /** Starts the rotation of `keyId` from the tree, grace "now", and reloads while the deactivation of the old key is held. */
  async function rotateAndReloadAtDeactivate(user: RegExp, keyRow: string | RegExp, keyId: string): Promise<string> {
    const { page } = workbench;
    await expand(page, 'OUTSCALE', user);
    await expand(page, user, keyRow);
    const before = outscaleKeys();
    const held = holdNextCall(outscale.faults, 'UpdateAccessKey');

    await contextMenu(page, keyRow, 'Rotate Key…');
    await pickQuickItem(page, 'Delete the old key as soon as the new one works');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Rotate key ${keyId}`));
    await dialog.locator('.monaco-button', { hasText: /^Rotate$/ }).click();

    await reloadWhileHeld(held, () => outscale.state.keys.get(keyId)?.state === 'INACTIVE', 'the deactivation of the old key');
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
    assert.match(await tooltipOf(page, await revealRow(page, newKey)), /stored in VS Code secret storage/, 'the new secret is stored');
    await waitForNoRow(page, old.accessKeyId); // the old key is gone from the tree
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
