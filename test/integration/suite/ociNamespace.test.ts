import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AccountNode, KeyNode, TreeNode, UserNode } from '../../../src/views/nodes/treeNodes';
import { api, emulators } from './helpers';

/**
 * The demo seed's Object Storage namespace (`SEED_NAMESPACES.demo` in test/emulators/oci/state.ts).
 * Written out here because this suite runs inside VS Code, apart from the emulator's code; the demo
 * account's details hold no namespace, so only the emulator's GetNamespace can have supplied it.
 */
const DEMO_NAMESPACE = 'ckdemo7x2kq4';

/** A user of the demo tenancy with room for one more customer secret key, whom no other suite uses. */
const USER = 'grace.analytics';

/** The keys and values of `[name]` in an INI file. */
function section(file: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  let inside = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) inside = header[1].trim() === name;
    else if (inside && line.includes('=')) out[line.slice(0, line.indexOf('=')).trim()] = line.slice(line.indexOf('=') + 1).trim();
  }
  return out;
}

async function ociUser(name: string): Promise<UserNode> {
  const t = await api();
  const account = (await t.tree.getChildren()).find((n): n is AccountNode => n.kind === 'account' && n.account.cloud === 'oci');
  assert.ok(account, 'no OCI account');
  const user = (await t.tree.getChildren(account)).find((n): n is UserNode => n.kind === 'user' && n.user.name === name);
  assert.ok(user, `no OCI user ${name}`);
  return user;
}

async function keyNode(user: UserNode, keyId: string): Promise<KeyNode> {
  const t = await api();
  t.tree.refresh(user);
  const node = (await t.tree.getChildren(user)).find((n: TreeNode): n is KeyNode => n.kind === 'key' && n.key.id === keyId);
  assert.ok(node, `key ${keyId} is not in the tree`);
  return node;
}

suite('OCI exports read the Object Storage namespace from the cloud', () => {
  suiteSetup(function () {
    if (!emulators.oci) this.skip();
  });

  test('an AWS-profile export of an OCI key gets endpoint_url with the tenancy namespace, without asking for it', async function () {
    this.timeout(30_000);
    const user = await ociUser(USER);
    const created = (await vscode.commands.executeCommand('cloudKeys.createKey', user, {
      kind: 'access-key',
      options: { displayName: 'namespace-export' },
    })) as KeyNode['key'];
    assert.ok(created?.id, 'Create Key returned no key');
    const node = await keyNode(user, created.id);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-it-oci-ns-'));
    const credentialsFile = path.join(dir, 'credentials');
    const configFile = path.join(dir, 'config');
    try {
      // No region or endpoint in the preset: the export works them out (and would hang on a prompt if it asked).
      const exported = (await (
        await api()
      ).run('cloudKeys.exportKey', [node, { format: 'aws-profile', profile: 'oci-namespace', credentialsFile, configFile }], {
        confirmed: true,
      })) as { endpointUrl?: string; region?: string } | undefined;
      assert.ok(exported, 'the export returned no record');
      const region = node.account.region ?? node.account.details?.region;
      assert.ok(region, 'the demo OCI account names a region');
      const expected = `https://${DEMO_NAMESPACE}.compat.objectstorage.${region}.oraclecloud.com`;
      const profile = section(configFile, 'profile oci-namespace');
      assert.equal(profile.endpoint_url, expected, fs.readFileSync(configFile, 'utf8'));
      assert.equal(profile.region, region);
      assert.equal(exported.endpointUrl, expected, 'the export record (used by rotation) has another endpoint');
      assert.equal(section(credentialsFile, 'oci-namespace').aws_access_key_id, created.id);
    } finally {
      await (await api()).run('cloudKeys.deleteKey', [await keyNode(user, created.id)], { confirmed: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
