import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension';
import type { AccessKey } from '../../../src/model/types';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators, readProfile } from './helpers';

async function ociCaller(t: TestApi): Promise<UserNode> {
  const roots = await t.tree.getChildren();
  const account = roots.find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === 'oci');
  assert.ok(account, 'no OCI account in the tree');
  const users = await t.tree.getChildren(account);
  assert.ok(users[0]?.kind === 'user', 'the OCI account lists no user');
  return users[0];
}

async function keyNode(t: TestApi, user: UserNode, keyId: string): Promise<KeyNode> {
  t.tree.refresh(user);
  const node = (await t.tree.getChildren(user)).find((n: TreeNode): n is KeyNode => n.kind === 'key' && n.key.id === keyId);
  assert.ok(node, `key ${keyId} is not in the tree`);
  return node;
}

/** OCI's fingerprint of the public half of a PEM private key: MD5 of the DER public key, colon-separated. */
function fingerprintOfKeyFile(file: string): string {
  const der = createPublicKey(createPrivateKey(fs.readFileSync(file, 'utf8'))).export({ type: 'spki', format: 'der' });
  return (createHash('md5').update(der).digest('hex').match(/../g) ?? []).join(':');
}

suite('Save Private Key and OCI Profile in VS Code', () => {
  suiteSetup(function () {
    if (!emulators.oci) this.skip();
  });

  test('a generated API key is saved to a key file (0600) and a profile, which rotation then switches to the new key', async () => {
    const t = await api();
    const caller = await ociCaller(t);
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', caller, {
      kind: 'api-signing-key',
      options: { keyBits: 2048 },
    })) as AccessKey;
    assert.ok(created?.id, 'Create Key returned no key');
    let node = await keyNode(t, caller, created.id);
    let cleanup: KeyNode | undefined = node;
    try {
      assert.equal(node.secretStored, true, 'the generated private key is in secret storage');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-it-oci-'));
      const configFile = path.join(dir, 'config');
      const keyFile = path.join(dir, 'keys', 'ck-it.pem');
      const existing = '# my profiles, keep this comment\n[other]\nregion=eu-paris-1\n';
      fs.writeFileSync(configFile, existing);

      const record = (await (
        await api()
      ).run('cloudKeys.saveOciProfile', [node, { profile: 'ck-it', keyFile, configFile }], { confirmed: true })) as
        { kind: string; keyFile: string } | undefined;
      assert.equal(record?.kind, 'oci-config', 'the command returned no export record');
      const secret = await t.secrets.getKeySecret(node.key);
      assert.ok(secret);
      assert.ok(!JSON.stringify(record).includes(secret.reveal().split('\n')[1]), 'the export record holds no private key');

      const profile = readProfile(configFile, 'ck-it');
      assert.deepEqual(profile, {
        user: node.key.userId,
        fingerprint: node.key.fingerprint,
        tenancy: node.account.details?.tenancy,
        region: node.account.region,
        key_file: keyFile,
      });
      assert.ok(fs.readFileSync(configFile, 'utf8').startsWith(existing), 'the other profile and the comment are kept');
      assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600, 'the key file is mode 0600');
      assert.equal(fs.statSync(configFile).mode & 0o777, 0o600, 'the config file is mode 0600');
      assert.equal(fingerprintOfKeyFile(keyFile), node.key.fingerprint, "the key file's public key is the key in the tree");

      // Saving again to the same key file is refused: nothing is overwritten.
      let refusal = '';
      const again = await (
        await api()
      )
        .run('cloudKeys.saveOciProfile', [node, { profile: 'ck-it-2', keyFile, configFile }], { confirmed: true })
        .catch((error: Error) => ((refusal = error.message), undefined));
      assert.equal(again, undefined);
      assert.match(refusal, /already exists; choose another file name so no key is overwritten/);
      assert.equal(fingerprintOfKeyFile(keyFile), node.key.fingerprint);
      assert.deepEqual(readProfile(configFile, 'ck-it-2'), {});

      // Rotating the key switches the profile to the new key, in a new file next to the old one.
      const outcome = (await (await api()).run('cloudKeys.rotateKey', [node, { grace: { kind: 'now' } }], { confirmed: true })) as {
        items?: { status: string; newKeyId?: string; step?: string }[];
      };
      const item = outcome.items?.[0];
      assert.equal(item?.status, 'done', `rotation ended ${item?.status} at ${item?.step}`);
      cleanup = undefined;
      node = await keyNode(t, caller, item.newKeyId!);
      cleanup = node;
      const rotated = readProfile(configFile, 'ck-it');
      assert.equal(rotated.fingerprint, node.key.fingerprint, 'the profile holds the new fingerprint');
      assert.equal(path.dirname(rotated.key_file), path.dirname(keyFile));
      assert.notEqual(rotated.key_file, keyFile);
      assert.equal(fingerprintOfKeyFile(rotated.key_file), node.key.fingerprint, 'the new key file holds the new key');
      assert.equal(fs.statSync(rotated.key_file).mode & 0o777, 0o600);
      assert.ok(fs.existsSync(keyFile), 'the old key file is left in place');
    } finally {
      if (cleanup) await (await api()).run('cloudKeys.deleteKey', [cleanup], { confirmed: true });
    }
  });
});
