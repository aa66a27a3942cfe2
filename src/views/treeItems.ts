import * as vscode from 'vscode';
import type { KeyCapabilities } from '../model/types';
import { describeAge, describeExpiry, describeWarning, forCloud, keyHealth, type KeyHealthPolicy } from '../operations/keyHealth';
import { formatDateTime } from '../util/formatDate';
import { CLOUD_NAMES, keyKindName, shortKeyId } from './cloudNames';
import { cloudIcon, keyIcon } from './icons';
import {
  nodeId,
  type AccountNode,
  type KeyNode,
  type LoadMoreNode,
  type MessageNode,
  type TreeNode,
  type UserNode,
} from './nodes/treeNodes';

export interface PresentationContext {
  readonly policy: KeyHealthPolicy;
  readonly now: number;
  readonly capabilities: (node: KeyNode) => KeyCapabilities;
  readonly usersSummary: (node: AccountNode) => string | undefined;
  /** Whether the user expanded this account or user row (kept across refreshes and collapses). */
  readonly expanded: (node: AccountNode | UserNode) => boolean;
  /** The extension's folder, for the clouds' own icons; ThemeIcons without it. */
  readonly extensionUri?: vscode.Uri;
}

function collapsible(node: AccountNode | UserNode, ctx: PresentationContext): vscode.TreeItemCollapsibleState {
  return ctx.expanded(node) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
}

function md(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(text);
  markdown.supportThemeIcons = true;
  return markdown;
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function accountItem(node: AccountNode, ctx: PresentationContext): vscode.TreeItem {
  const { account } = node;
  const item = new vscode.TreeItem(account.label, collapsible(node, ctx));
  // What matters first: a filter hides users, so it leads; the cloud's name also shows as its icon.
  const parts = [ctx.usersSummary(node), CLOUD_NAMES[account.cloud], account.region].filter(Boolean);
  item.description = parts.join(' · ');
  item.iconPath = cloudIcon(account.cloud, ctx.extensionUri);
  item.contextValue = `account ${account.cloud}${account.origin.kind === 'manual' ? ' manual' : ''}${ctx.usersSummary(node) ? ' filtered' : ''}`;
  item.tooltip = md(
    [
      `**${cell(account.label)}** (${CLOUD_NAMES[account.cloud]})`,
      '',
      `| | |\n|---|---|`,
      `| Source | ${cell(account.source)} |`,
      account.region ? `| Region | ${cell(account.region)} |` : '',
      account.endpoint ? `| Endpoint | ${cell(account.endpoint)} |` : '',
    ]
      .filter((line) => line !== '')
      .join('\n'),
  );
  return item;
}

function userItem(node: UserNode, ctx: PresentationContext): vscode.TreeItem {
  const { user } = node;
  const item = new vscode.TreeItem(user.name, collapsible(node, ctx));
  item.description = [
    user.isCaller ? vscode.l10n.t('you') : undefined,
    user.inactive ? vscode.l10n.t('inactive') : undefined,
    user.email,
    user.note,
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = user.inactive
    ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'))
    : new vscode.ThemeIcon(user.keyKinds ? 'archive' : user.isCaller ? 'account' : 'person');
  item.contextValue = `user${user.isCaller ? ' caller' : ''}${user.inactive ? ' inactive' : ''}`;
  const inactive = user.inactive
    ? `\n\n$(circle-slash) ${vscode.l10n.t('Inactive user: {0} marks it inactive (blocked), so it cannot sign in and its keys do not work.', CLOUD_NAMES[node.account.cloud])}`
    : '';
  item.tooltip = md(
    `**${cell(user.name)}**${user.isCaller ? ' (you)' : ''}${inactive}\n\n${user.email ? `${cell(user.email)}\n\n` : ''}\`${user.id}\`${user.note ? `\n\n$(info) ${cell(user.note)}` : ''}`,
  );
  return item;
}

/** "today", "80d ago": a key's age, short enough for a row at the side bar's default width (the tooltip says it in full). */
function shortAge(days: number): string {
  return days <= 0 ? vscode.l10n.t('today') : vscode.l10n.t('{0}d ago', days);
}

function keyItem(node: KeyNode, ctx: PresentationContext): vscode.TreeItem {
  const { key, account } = node;
  const shownId = key.kind === 'api-signing-key' ? (key.fingerprint ?? key.id) : key.id;
  // Name, state and age lead; the long id closes the row, where the side bar may cut it (the tooltip has it whole).
  const label = key.displayName || shortKeyId(account.cloud, shownId);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  const health = keyHealth(key, forCloud(ctx.policy, node.account.cloud), ctx.now);
  const expiry = describeExpiry(key, ctx.now);
  item.description = [
    key.stateMessage ? `${key.state}: ${key.stateMessage}` : key.state,
    key.administrative ? vscode.l10n.t('administrative') : undefined,
    health.ageDays === undefined ? undefined : `created ${shortAge(health.ageDays)}`,
    expiry,
    // The id closes the row when a name leads it; a row labelled by its id does not repeat it.
    label === shortKeyId(account.cloud, shownId) ? undefined : shortKeyId(account.cloud, shownId),
    // Last, as the longest: a narrow view cuts it first.
    key.regions?.length ? key.regions.join(', ') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const expired = health.warnings.some((w) => w.kind === 'expired');
  const color =
    expired || key.state === 'failed'
      ? new vscode.ThemeColor('list.errorForeground')
      : health.warnings.length > 0
        ? new vscode.ThemeColor('list.warningForeground')
        : key.state === 'inactive'
          ? new vscode.ThemeColor('disabledForeground')
          : undefined;
  item.iconPath = new vscode.ThemeIcon(
    key.state === 'failed' ? 'error' : health.warnings.length > 0 ? 'warning' : keyIcon(key.kind),
    color,
  );
  const caps = ctx.capabilities(node);
  const flags = [
    'key',
    key.kind,
    key.state,
    caps.canDeactivate ? 'canDeactivate' : '',
    caps.canRename ? 'canRename' : '',
    caps.canExpire ? 'canExpire' : '',
    node.secretStored || caps.secretReadableLater ? 'secretAvailable' : '',
  ];
  item.contextValue = flags.filter(Boolean).join(' ');
  const rows: [string, string | undefined][] = [
    ['Kind', keyKindName(account.cloud, key.kind)],
    [key.kind === 'api-signing-key' ? 'Key id' : 'Access key id', key.id],
    ['Fingerprint', key.fingerprint],
    ['State', key.stateMessage ? `${key.state}: ${key.stateMessage}` : key.state],
    ['Resource id', key.resourceId],
    [
      'Administrative',
      key.administrative === undefined ? undefined : key.administrative ? 'yes: can create buckets and set bucket policies' : 'no',
    ],
    ['Regions', key.regions?.join(', ')],
    ['Created', key.createdAt ? `${formatDateTime(key.createdAt)} (${describeAge(health.ageDays ?? 0)})` : undefined],
    ['Expires', key.expiresAt ? `${formatDateTime(key.expiresAt)} (${expiry})` : 'never'],
    ['Last used', key.lastUsedAt ? formatDateTime(key.lastUsedAt) : undefined],
    ['User', node.user.name],
    ['Account', `${account.label} (${CLOUD_NAMES[account.cloud]})`],
    [
      'Secret',
      node.secretStored
        ? 'stored in VS Code secret storage'
        : caps.secretReadableLater
          ? 'readable from the cloud on request'
          : 'not stored: created elsewhere',
    ],
  ];
  const warnings = health.warnings.map((w) => `$(warning) This key ${describeWarning(w)}.`);
  item.tooltip = md(
    [
      `**${cell(label)}**`,
      ...warnings.map((w) => `\n${w}`),
      '',
      '| | |\n|---|---|',
      ...rows.filter(([, v]) => v !== undefined).map(([k, v]) => `| ${k} | ${cell(v as string)} |`),
    ].join('\n'),
  );
  return item;
}

function loadMoreItem(_node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('more');
  item.contextValue = 'loadMore';
  item.command = { command: 'cloudKeys.loadMore', title: vscode.l10n.t('Load more…'), arguments: [_node] };
  return item;
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  const icon = node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info';
  const color = node.severity === 'error' ? 'list.errorForeground' : node.severity === 'warning' ? 'list.warningForeground' : undefined;
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = `message ${node.severity}${node.retry ? ' retry' : ''}`;
  const lines = [node.detail, node.error?.requestId ? `Request id: \`${node.error.requestId}\`` : undefined].filter(Boolean);
  if (lines.length) item.tooltip = md(lines.join('\n\n'));
  if (node.retry) item.command = { command: 'cloudKeys.retry', title: vscode.l10n.t('Retry'), arguments: [node] };
  return item;
}

export function toTreeItem(node: TreeNode, ctx: PresentationContext): vscode.TreeItem {
  const item =
    node.kind === 'account'
      ? accountItem(node, ctx)
      : node.kind === 'user'
        ? userItem(node, ctx)
        : node.kind === 'key'
          ? keyItem(node, ctx)
          : node.kind === 'load-more'
            ? loadMoreItem(node)
            : messageItem(node);
  item.id = nodeId(node);
  return item;
}
