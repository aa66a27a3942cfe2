import * as vscode from 'vscode';
import { LEAKS_COMMAND_IDS } from '../../commands/ids/leaks';
import { CLOUD_NAMES, keyKindName } from '../../views/cloudNames';
import { ageInDays, leakMessage } from '../../leaks/attribution';
import type { Leak, LeakOwner } from '../../leaks/types';
import type { LeakDiagnostics } from './leakDiagnostics';

function ownerRows(owner: LeakOwner): string[] {
  const age = ageInDays(owner);
  const kind = owner.keyKind === 'api-token' ? 'API token' : keyKindName(owner.cloud, owner.keyKind);
  return [
    `| Cloud | ${CLOUD_NAMES[owner.cloud]} |`,
    `| Account | ${escape(owner.accountLabel)} |`,
    ...(owner.userName ? [`| User | ${escape(owner.userName)} |`] : []),
    `| Key | \`${owner.keyId}\` (${kind}) |`,
    `| State | ${owner.state} |`,
    ...(age === undefined ? [] : [`| Age | ${age} days (created ${new Date(owner.createdAt!).toISOString().slice(0, 10)}) |`]),
  ];
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The hover of one finding: what the diagnostic says, the key's facts, and a link to the key in the tree. */
export function hoverMarkdown(leak: Leak): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [LEAKS_COMMAND_IDS.showLeakedKey] };
  md.appendMarkdown(`**Cloud Keys** — ${escape(leakMessage(leak))}\n\n`);
  const owner = leak.owner ?? leak.probableOwner;
  if (owner) {
    md.appendMarkdown(['| | |', '|---|---|', ...ownerRows(owner)].join('\n'));
    if (owner.keyKind !== 'api-token') {
      const args = encodeURIComponent(JSON.stringify([{ accountId: owner.accountId, userId: owner.userId, keyId: owner.keyId }]));
      md.appendMarkdown(`\n\n[$(key) Show the key in Cloud Keys](command:${LEAKS_COMMAND_IDS.showLeakedKey}?${args})`);
    }
  } else {
    md.appendMarkdown(`Found offline by its shape${leak.name ? ` and the name \`${leak.name}\`` : ''}; the value was not sent anywhere.`);
  }
  return md;
}

/** Hovers over findings. */
export class LeakHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: LeakDiagnostics) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const [leak] = this.diagnostics.leaksAt(document.uri, position);
    if (!leak) return undefined;
    return new vscode.Hover(
      hoverMarkdown(leak),
      new vscode.Range(leak.range.startLine, leak.range.startCharacter, leak.range.endLine, leak.range.endCharacter),
    );
  }
}
