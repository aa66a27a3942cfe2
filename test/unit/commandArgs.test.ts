/**
 * Command arguments come from keybindings, other extensions and scripts as `unknown`: they are
 * parsed, and a bad one is refused with a message naming the command, the argument and the fault.
 * Test-only options (`confirmed`) are not arguments: they come from the test API.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accountNodeArg,
  accountOrUserArg,
  commandOptions,
  keyNodeArg,
  noArg,
  optionsArg,
  treeNodeArg,
} from '../../src/commands/commandArgs';

const account = { id: 'oci:DEFAULT', label: 'DEFAULT', cloud: 'oci', source: 'config file' };
const user = { id: 'ocid1.user.oc1..u', name: 'alice' };
const key = { id: 'ocid1.credential.oc1..k', kind: 'access-key', state: 'active', createdAt: new Date(0) };
const keyNode = { kind: 'key', account, user, key, secretStored: true };

describe('tree-node arguments', () => {
  it('takes a key node as it is, and nothing as "ask the user"', () => {
    assert.equal(keyNodeArg('cloudKeys.deleteKey', keyNode), keyNode);
    assert.equal(keyNodeArg('cloudKeys.deleteKey', undefined), undefined);
  });

  it('asks the user when given a node of another kind', () => {
    assert.equal(keyNodeArg('cloudKeys.deleteKey', { kind: 'user', account, user }), undefined);
    assert.equal(keyNodeArg('cloudKeys.deleteKey', { kind: 'load-more', account }), undefined);
    assert.equal(accountOrUserArg('cloudKeys.createKey', keyNode), undefined);
    assert.equal(accountNodeArg('cloudKeys.hideAccount', { kind: 'user', account, user }), undefined);
    assert.deepEqual(accountOrUserArg('cloudKeys.createKey', { kind: 'user', account, user })?.kind, 'user');
  });

  it('refuses what is not a node of the tree, naming the command and the argument', () => {
    assert.throws(
      () => keyNodeArg('cloudKeys.deleteKey', 'ocid1.credential.oc1..k'),
      /^CommandArgumentError: cloudKeys\.deleteKey: the first argument is a string, not a node of the Cloud Keys tree\. It takes a node of the Cloud Keys tree/,
    );
    assert.throws(() => treeNodeArg('cloudKeys.refresh', [keyNode]), /cloudKeys\.refresh: the first argument is an array, not a node/);
    assert.throws(() => treeNodeArg('cloudKeys.refresh', null), /the first argument is null/);
  });

  it('refuses a node of the kind without what the command reads, naming the field', () => {
    assert.throws(
      () => keyNodeArg('cloudKeys.deleteKey', { ...keyNode, key: { ...key, id: undefined } }),
      /is a "key" node without what the command needs \(key\.id: .*expected string/,
    );
    assert.throws(() => keyNodeArg('cloudKeys.deleteKey', { ...keyNode, account: { ...account, cloud: 'aws' } }), /account\.cloud: /);
    assert.throws(
      () => accountNodeArg('cloudKeys.hideAccount', { kind: 'account' }),
      /is a "account" node without what the command needs \(account: /,
    );
  });
});

describe('options arguments', () => {
  const { createKey, rotate, exportKey, saveOciProfile, resumeRotations } = commandOptions();

  it('refuses the test-only `confirmed`: only the test API answers a confirmation', () => {
    for (const [command, { schema, takes }] of [
      ['cloudKeys.rotateKey', rotate],
      ['cloudKeys.exportKey', exportKey],
      ['cloudKeys.saveOciProfile', saveOciProfile],
    ] as const) {
      assert.throws(
        () => optionsArg(command, 'second argument', { confirmed: true }, schema, takes),
        new RegExp(
          `^CommandArgumentError: ${command.replace('.', '\\.')}: the second argument is not valid \\(the value: Unrecognized key: "confirmed"\\)\\. It takes \\{`,
        ),
      );
    }
  });

  it('reads what a keybinding can write: an expiry as ISO text becomes a date', () => {
    const parsed = optionsArg(
      'cloudKeys.createKey',
      'second argument',
      { kind: 'access-key', options: { displayName: 'ci', expiresAt: '2027-01-31T10:00:00Z' } },
      createKey.schema,
      createKey.takes,
    );
    assert.deepEqual(parsed.options?.expiresAt, new Date('2027-01-31T10:00:00Z'));
    assert.equal(parsed.kind, 'access-key');
  });

  it('names the bad field and the value it had to be', () => {
    assert.throws(
      () => optionsArg('cloudKeys.createKey', 'second argument', { options: { keyBits: 1024 } }, createKey.schema, createKey.takes),
      /options\.keyBits: /,
    );
    assert.throws(
      () => optionsArg('cloudKeys.createKey', 'second argument', { kind: 'secret-key' }, createKey.schema, createKey.takes),
      /kind: .*"access-key"/,
    );
    assert.throws(
      () => optionsArg('cloudKeys.rotateKey', 'second argument', { grace: { kind: 'later', days: 0 } }, rotate.schema, rotate.takes),
      /grace\.days: /,
    );
    assert.throws(
      () => optionsArg('cloudKeys.resumeRotations', 'first argument', { action: 'undo' }, resumeRotations.schema, resumeRotations.takes),
      /action: .*"rollback"/,
    );
  });

  it('takes an absent options argument as no options', () => {
    assert.deepEqual(optionsArg('cloudKeys.rotateKey', 'second argument', undefined, rotate.schema, rotate.takes), {});
  });

  it('refuses an argument where a command takes none', () => {
    noArg('cloudKeys.showKeyAlerts', 'first argument', undefined);
    assert.throws(
      () => noArg('cloudKeys.showKeyAlerts', 'first argument', { listOnly: true }),
      /cloudKeys\.showKeyAlerts: the first argument was given \(an object\)\. It takes no argument\./,
    );
  });
});
