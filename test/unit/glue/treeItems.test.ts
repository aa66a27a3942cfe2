/**
 * What each row of the Accounts tree shows: label, description, icon (and its colour), tooltip,
 * click action and id, for accounts, users and keys of each cloud and state, "Load more…" and
 * message rows. Which menu items each row gets is treeMenus.test.ts.
 */
import { host } from '../../support/vscodeHost/useHostDouble';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeId, type LoadMoreNode, type MessageNode } from '../../../src/views/nodes/treeNodes';
import { toTreeItem } from '../../../src/views/treeItems';
import { CloudError } from '../../../src/model/cloudError';
import { HostMarkdownString, HostThemeIcon, HostUri, TreeItemCollapsibleState } from '../../support/vscodeHost/hostTree';
import { accountNode, DAY, keyNode, NOW, presentation, userNode } from '../../support/treeFixtures';

/** The icon's codicon and colour, as `name` or `name:color`. */
function icon(iconPath: unknown): string {
  assert.ok(iconPath instanceof HostThemeIcon, `the icon is not a codicon: ${JSON.stringify(iconPath)}`);
  return iconPath.color ? `${iconPath.id}:${(iconPath.color as { id: string }).id}` : iconPath.id;
}

function tooltip(value: unknown): string {
  assert.ok(value instanceof HostMarkdownString, 'the tooltip is not Markdown');
  assert.ok(!value.isTrusted, 'a tooltip built from cloud data must not run command links');
  return value.value;
}

describe('tree items: accounts', () => {
  it('shows the cloud and region, the cloud’s own icon, and starts collapsed unless the user expanded it', () => {
    const node = accountNode('oci');
    const item = toTreeItem(node, presentation({ extensionUri: HostUri.file('/ext') }));
    assert.equal(item.label, 'DEFAULT');
    assert.equal(item.description, 'OCI · eu-frankfurt-1');
    assert.deepEqual(Object.fromEntries(Object.entries(item.iconPath as object).map(([theme, uri]) => [theme, (uri as HostUri).path])), {
      light: '/ext/media/clouds/oci-light.svg',
      dark: '/ext/media/clouds/oci-dark.svg',
    });
    assert.equal(item.collapsibleState, TreeItemCollapsibleState.Collapsed);
    assert.equal(toTreeItem(node, presentation({ expanded: () => true })).collapsibleState, TreeItemCollapsibleState.Expanded);
    assert.equal(item.id, nodeId(node));
  });

  it('falls back to the cloud codicon without the extension’s folder', () => {
    assert.equal(icon(toTreeItem(accountNode('ionos'), presentation()).iconPath), 'cloud');
  });

  it('leads with the filter summary when a filter hides users, and says so in its context value', () => {
    const item = toTreeItem(accountNode('outscale'), presentation({ usersSummary: () => '3 of 40 users' }));
    assert.equal(item.description, '3 of 40 users · OUTSCALE · eu-west-2');
    assert.equal(item.contextValue, 'account outscale manual filtered');
    assert.equal(toTreeItem(accountNode('oci'), presentation()).contextValue, 'account oci');
  });

  it('has a tooltip naming the cloud, the source, the region and a custom endpoint', () => {
    const text = tooltip(toTreeItem(accountNode('outscale'), presentation()).tooltip);
    assert.match(text, /^\*\*prod\*\* \(OUTSCALE\)/);
    assert.match(text, /\| Source \| entered by hand \|/);
    assert.match(text, /\| Region \| eu\\-west\\-2 \|/);
    assert.match(text, /\| Endpoint \| https:\/\/api\\\.eu\\-west\\-2/);
    assert.doesNotMatch(tooltip(toTreeItem(accountNode('ionos'), presentation()).tooltip), /Region|Endpoint/);
  });
});

describe('tree items: users', () => {
  it('marks the caller as "you", with the account icon, and shows the email', () => {
    const item = toTreeItem(userNode('oci', { isCaller: true, email: 'alice@example.com' }), presentation());
    assert.equal(item.label, 'alice');
    assert.equal(item.description, 'you · alice@example.com');
    assert.equal(icon(item.iconPath), 'account');
    assert.equal(item.contextValue, 'user caller');
    assert.match(tooltip(item.tooltip), /^\*\*alice\*\* \(you\)/);
  });

  it('shows an inactive user greyed out, says why its keys do not work, and names the cloud', () => {
    const item = toTreeItem(userNode('ionos', { inactive: true }), presentation());
    assert.equal(item.description, 'inactive');
    assert.equal(icon(item.iconPath), 'circle-slash:disabledForeground');
    assert.equal(item.contextValue, 'user inactive');
    assert.match(
      tooltip(item.tooltip),
      /Inactive user: IONOS Cloud marks it inactive \(blocked\), so it cannot sign in and its keys do not work\./,
    );
  });

  it('shows another user with the person icon, and an entry holding other kinds of key with the archive icon', () => {
    assert.equal(icon(toTreeItem(userNode('outscale'), presentation()).iconPath), 'person');
    assert.equal(icon(toTreeItem(userNode('ionos', { keyKinds: ['object-storage-access-key'] }), presentation()).iconPath), 'archive');
  });

  it('shows a note about the listing in the row and the tooltip', () => {
    const item = toTreeItem(userNode('oci', { note: 'only you: no permission to list users' }), presentation());
    assert.equal(item.description, 'only you: no permission to list users');
    assert.match(tooltip(item.tooltip), /\$\(info\) only you: no permission to list users/);
  });
});

describe('tree items: keys', () => {
  it('an active OUTSCALE access key: state and age first, the key icon uncoloured, the id whole in the tooltip', () => {
    const item = toTreeItem(keyNode('outscale', 10), presentation());
    assert.equal(item.label, 'AKOSC0123456789ABCDEF');
    assert.equal(item.description, 'active · created 10d ago');
    assert.equal(icon(item.iconPath), 'key');
    assert.equal(item.collapsibleState, TreeItemCollapsibleState.None);
    const text = tooltip(item.tooltip);
    assert.match(text, /\| Kind \| access key \|/);
    assert.match(text, /\| Access key id \| AKOSC0123456789ABCDEF \|/);
    assert.match(text, /\| Expires \| never \|/);
    assert.match(text, /\| Secret \| not stored: created elsewhere \|/);
    assert.doesNotMatch(text, /\$\(warning\)/);
  });

  it('a named key leads with its name and keeps its id at the end of the row', () => {
    const item = toTreeItem(keyNode('outscale', 0, { displayName: 'ci-deploy' }), presentation());
    assert.equal(item.label, 'ci-deploy');
    assert.equal(item.description, 'active · created today · AKOSC0123456789ABCDEF');
  });

  it('a key past the maximum age is marked with a warning that says to rotate it', () => {
    const item = toTreeItem(keyNode('oci', 100), presentation());
    assert.equal(icon(item.iconPath), 'warning:list.warningForeground');
    assert.match(tooltip(item.tooltip), /\$\(warning\) This key is 100 days old, past the 90-day maximum: rotate it\./);
    // A per-cloud policy applies to that cloud's keys only.
    const lenient = presentation({ policy: { maxAgeDays: 90, expiryWarningDays: 14, perCloud: { oci: { maxAgeDays: 365 } } } });
    assert.equal(icon(toTreeItem(keyNode('oci', 100), lenient).iconPath), 'key');
    assert.equal(icon(toTreeItem(keyNode('outscale', 100), lenient).iconPath), 'warning:list.warningForeground');
  });

  it('a key expiring soon says when in the row, and is marked; an expired one is marked as an error', () => {
    const expiring = toTreeItem(keyNode('outscale', 5, { expiresAt: new Date(NOW + 3 * DAY + 1000) }), presentation());
    assert.equal(expiring.description, 'active · created 5d ago · expires in 3 days');
    assert.equal(icon(expiring.iconPath), 'warning:list.warningForeground');
    const expired = toTreeItem(keyNode('outscale', 40, { expiresAt: new Date(NOW - 2 * DAY) }), presentation());
    assert.match(String(expired.description), /expired 2 days ago/);
    assert.equal(icon(expired.iconPath), 'warning:list.errorForeground');
    assert.match(tooltip(expired.tooltip), /This key has expired\./);
  });

  it('an inactive key is greyed out, and is not flagged for its age', () => {
    const item = toTreeItem(keyNode('ionos', 200, { state: 'inactive' }), presentation());
    assert.equal(item.description, 'inactive · created 200d ago');
    assert.equal(icon(item.iconPath), 'key:disabledForeground');
  });

  it('a key the cloud could not provision shows the error icon and why', () => {
    const item = toTreeItem(keyNode('ionos', 0, { state: 'failed', stateMessage: 'quota exceeded' }), presentation());
    assert.match(String(item.description), /^failed: quota exceeded/);
    assert.equal(icon(item.iconPath), 'error:list.errorForeground');
  });

  it('an OCI API signing key shows its fingerprint, shortened, with the signing-key icon', () => {
    const fingerprint = '12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0';
    const item = toTreeItem(keyNode('oci', 1, { kind: 'api-signing-key', fingerprint }), presentation());
    assert.equal(item.label, '…9a:bc:de:f0');
    assert.equal(item.description, 'active · created 1d ago', 'a row labelled by its id repeated it');
    assert.equal(icon(item.iconPath), 'verified');
    const text = tooltip(item.tooltip);
    assert.match(text, /\| Kind \| API signing key \|/);
    assert.match(text, /\| Key id \| ocid1\\\.credential/);
    assert.match(text, /\| Fingerprint \| 12:34:56/);
  });

  it('an IONOS Object Storage access key shows administrative, its regions last, and the package icon', () => {
    const item = toTreeItem(
      keyNode('ionos', 3, { kind: 'object-storage-access-key', administrative: true, regions: ['de', 'eu-central-2'] }),
      presentation(),
    );
    assert.equal(item.description, 'active · administrative · created 3d ago · de, eu-central-2');
    assert.equal(icon(item.iconPath), 'package');
    assert.match(tooltip(item.tooltip), /\| Administrative \| yes: can create buckets and set bucket policies \|/);
  });

  it('says where the secret is: stored here, readable from the cloud (IONOS S3 keys), or not at all', () => {
    assert.match(
      tooltip(toTreeItem(keyNode('oci', 1, {}, true), presentation()).tooltip),
      /\| Secret \| stored in VS Code secret storage \|/,
    );
    assert.match(tooltip(toTreeItem(keyNode('ionos', 1), presentation()).tooltip), /\| Secret \| readable from the cloud on request \|/);
  });

  it('escapes a name from the cloud, so it cannot break the tooltip’s table or add a link', () => {
    const name = 'x | y [run](command:cloudKeys.deleteKey)';
    const text = tooltip(toTreeItem(keyNode('outscale', 1, { displayName: name }), presentation()).tooltip);
    assert.ok(text.includes('x \\| y \\[run\\]\\(command:cloudKeys\\.deleteKey\\)'), text);
    assert.ok(!text.includes('[run](command:'), text);
  });
});

describe('tree items: Load more and messages', () => {
  it('"Load more…" loads the next page of that account when clicked', () => {
    const node: LoadMoreNode = { kind: 'load-more', account: accountNode('oci').account };
    const item = toTreeItem(node, presentation());
    assert.equal(item.label, 'Load more…');
    assert.equal(icon(item.iconPath), 'more');
    assert.equal(item.contextValue, 'loadMore');
    assert.deepEqual(item.command, { command: 'cloudKeys.loadMore', title: 'Load more…', arguments: [node] });
  });

  it('an error message is red, names the request id, and retries its node when clicked', () => {
    const retry = accountNode('outscale');
    const node: MessageNode = {
      kind: 'message',
      id: 'err',
      severity: 'error',
      text: 'Could not list users',
      detail: 'The access key was refused.',
      error: new CloudError('auth', 'refused', { cloud: 'outscale', requestId: 'req-7' }),
      retry,
    };
    const item = toTreeItem(node, presentation());
    assert.equal(item.label, 'Could not list users');
    assert.equal(icon(item.iconPath), 'error:list.errorForeground');
    assert.equal(item.contextValue, 'message error retry');
    assert.equal(tooltip(item.tooltip), 'The access key was refused.\n\nRequest id: `req-7`');
    assert.deepEqual(item.command, { command: 'cloudKeys.retry', title: 'Retry', arguments: [node] });
  });

  it('an informational message has no click action and no tooltip of its own', () => {
    const item = toTreeItem({ kind: 'message', id: 'i', severity: 'info', text: 'No keys' }, presentation());
    assert.equal(icon(item.iconPath), 'info');
    assert.equal(item.contextValue, 'message info');
    assert.equal(item.command, undefined);
    assert.equal(item.tooltip, undefined);
  });

  it('gives every row a distinct id, so VS Code keeps each one’s expansion and selection', () => {
    const nodes = [accountNode('oci'), userNode('oci'), keyNode('oci', 1), keyNode('oci', 1, { kind: 'api-signing-key' })];
    const ids = nodes.map((node) => toTreeItem(node, presentation()).id);
    assert.equal(new Set(ids).size, ids.length, ids.join(', '));
    assert.deepEqual(host.messages, [], 'presenting a row showed a notification');
  });
});
