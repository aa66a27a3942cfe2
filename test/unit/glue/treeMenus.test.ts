/**
 * Which menu items each row of the Accounts tree gets: the context value the row's tree item
 * carries, matched against the `when` clauses of package.json's `view/item/context` menus, as VS
 * Code matches them. A key can be renamed, deactivated or given an expiry only where its cloud can
 * do it, and a secret can be copied only where there is one to copy.
 */
import '../../support/vscodeHost/useHostDouble';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { TreeNode } from '../../../src/views/nodes/treeNodes';
import { toTreeItem } from '../../../src/views/treeItems';
import { accountNode, keyNode, presentation, userNode } from '../../support/treeFixtures';
import { ROOT } from '../../support/vscodeHost/useHostDouble';

interface MenuItem {
  readonly command: string;
  readonly when: string;
  readonly group?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { menus: { 'view/item/context': MenuItem[] } };
};
const ITEM_MENUS = manifest.contributes.menus['view/item/context'];

/** Evaluates the `when` clauses these menus use (`view == X`, `viewItem =~ /re/`, joined by `&&`); refuses any other form. */
function shows(when: string, viewItem: string): boolean {
  return when.split('&&').every((clause) => {
    const term = clause.trim();
    const equals = /^view == ([\w.]+)$/.exec(term);
    if (equals) return equals[1] === 'cloudKeys.accounts';
    const matches = /^viewItem =~ \/(.*)\/([a-z]*)$/.exec(term);
    if (matches) return new RegExp(matches[1], matches[2]).test(viewItem);
    throw new Error(`this test cannot evaluate the when clause "${term}": teach it, or write the clause in a form it knows`);
  });
}

/** The commands of the row's context menu and of its inline buttons, by name without the `cloudKeys.` prefix. */
function menusOf(node: TreeNode): { context: string[]; inline: string[] } {
  const contextValue = toTreeItem(node, presentation()).contextValue ?? '';
  const shown = ITEM_MENUS.filter((item) => shows(item.when, contextValue));
  const names = (items: MenuItem[]) => [...new Set(items.map((item) => item.command.replace(/^cloudKeys\./, '')))].sort();
  return {
    context: names(shown.filter((item) => !item.group?.startsWith('inline'))),
    inline: names(shown.filter((item) => item.group?.startsWith('inline'))),
  };
}

const EVERY_KEY = [
  'copyAccessKeyId',
  'deleteKey',
  'exportKey',
  'findKeyUses',
  'generateTerraform',
  'rotateKey',
  'rotateWithForm',
  'showKeyDetails',
];
const sorted = (...names: string[]) => [...names].sort();

/** Each kind of row, and the menu it must have. */
const ROWS: { name: string; node: TreeNode; context: string[]; inline: string[] }[] = [
  {
    name: 'an account',
    node: accountNode('oci'),
    context: sorted(
      'createKey',
      'filterUsers',
      'generateTerraform',
      'hideAccount',
      'openCreateKeyForm',
      'refresh',
      'removeAccount',
      'rotateKeys',
      'testConnection',
    ),
    inline: sorted('filterUsers', 'refresh'),
  },
  {
    name: 'a user',
    node: userNode('outscale', { isCaller: true }),
    context: sorted('createKey', 'generateTerraform', 'openCreateKeyForm', 'refresh', 'rotateKeys', 'rotateWithForm'),
    inline: sorted('createKey', 'refresh'),
  },
  {
    name: 'an OCI customer secret key (renamed; no deactivation or expiry on OCI)',
    node: keyNode('oci', 5),
    context: sorted(...EVERY_KEY, 'renameKey'),
    inline: ['copyAccessKeyId'],
  },
  {
    name: 'an OCI API signing key created here (its private key stored: copy, reveal, save as a profile)',
    node: keyNode('oci', 5, { kind: 'api-signing-key' }, true),
    context: sorted(...EVERY_KEY, 'copySecret', 'revealSecret', 'saveOciProfile'),
    inline: sorted('copyAccessKeyId', 'copySecret'),
  },
  {
    name: 'an OCI API signing key created elsewhere (nothing to copy or save)',
    node: keyNode('oci', 5, { kind: 'api-signing-key' }),
    context: EVERY_KEY,
    inline: ['copyAccessKeyId'],
  },
  {
    name: 'an active OUTSCALE access key',
    node: keyNode('outscale', 5),
    context: sorted(...EVERY_KEY, 'deactivateKey', 'renameKey', 'setKeyExpiry'),
    inline: ['copyAccessKeyId'],
  },
  {
    name: 'an inactive OUTSCALE access key (activate, not deactivate)',
    node: keyNode('outscale', 5, { state: 'inactive' }),
    context: sorted(...EVERY_KEY, 'activateKey', 'renameKey', 'setKeyExpiry'),
    inline: ['copyAccessKeyId'],
  },
  {
    name: 'an IONOS S3 key (its secret readable from IONOS; no rename)',
    node: keyNode('ionos', 5),
    context: sorted(...EVERY_KEY, 'copySecret', 'deactivateKey', 'revealSecret'),
    inline: sorted('copyAccessKeyId', 'copySecret'),
  },
  {
    name: 'an IONOS Object Storage access key (description can change; no active/inactive switch)',
    node: keyNode('ionos', 5, { kind: 'object-storage-access-key' }),
    context: sorted(...EVERY_KEY, 'renameKey'),
    inline: ['copyAccessKeyId'],
  },
  {
    name: 'an error with a retry',
    node: { kind: 'message', id: 'e', severity: 'error', text: 'failed', retry: accountNode('oci') },
    context: [],
    inline: ['retry'],
  },
  { name: 'an error without a retry', node: { kind: 'message', id: 'e', severity: 'error', text: 'failed' }, context: [], inline: [] },
  { name: '"Load more…"', node: { kind: 'load-more', account: accountNode('oci').account }, context: [], inline: [] },
];

describe('tree menus (package.json view/item/context against the rows’ context values)', () => {
  for (const row of ROWS) {
    it(`${row.name} gets exactly its menu items`, () => {
      assert.deepEqual(menusOf(row.node), { context: row.context, inline: row.inline });
    });
  }

  it('a filtered account also offers Clear Filter', () => {
    const node = accountNode('outscale');
    const contextValue = toTreeItem(node, presentation({ usersSummary: () => '3 of 40 users' })).contextValue ?? '';
    const commands = ITEM_MENUS.filter((item) => shows(item.when, contextValue)).map((item) => item.command);
    assert.ok(commands.includes('cloudKeys.clearFilter'), contextValue);
    assert.ok(!menusOf(node).context.includes('clearFilter'), 'an unfiltered account offers Clear Filter');
  });

  it('every item menu entry is shown on some row (none is dead for a misspelt context value)', () => {
    const filtered = toTreeItem(accountNode('outscale'), presentation({ usersSummary: () => 'filtered' })).contextValue ?? '';
    const values = [...ROWS.map((row) => toTreeItem(row.node, presentation()).contextValue ?? ''), filtered];
    const dead = ITEM_MENUS.filter((item) => !values.some((value) => shows(item.when, value)));
    assert.deepEqual(
      dead.map((item) => `${item.command} (${item.when})`),
      [],
    );
  });
});
