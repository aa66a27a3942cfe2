/**
 * The value classes of the VS Code API's tree views, as plain data: `TreeItem`, `ThemeIcon`,
 * `ThemeColor`, `MarkdownString` and `Uri`. Each `implements` the real API class, so the compiler
 * catches drift; they hold what the code under test sets, which is what VS Code would render.
 */
import type * as vscode from 'vscode';

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 } as const;

export class HostUri implements vscode.Uri {
  static parse(value: string): HostUri {
    const match = /^([\w+.-]+):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!match) throw new Error(`not a URI: ${value}`);
    return new HostUri(match[1], match[2] ?? '', match[3], match[4] ?? '', match[5] ?? '');
  }

  static file(fsPath: string): HostUri {
    return new HostUri('file', '', fsPath, '', '');
  }

  static joinPath(base: vscode.Uri, ...segments: string[]): HostUri {
    const joined = [base.path.replace(/\/+$/, ''), ...segments].join('/');
    return new HostUri(base.scheme, base.authority, joined, base.query, base.fragment);
  }

  static from(parts: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): HostUri {
    return new HostUri(parts.scheme, parts.authority ?? '', parts.path ?? '', parts.query ?? '', parts.fragment ?? '');
  }

  constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}

  get fsPath(): string {
    return this.path;
  }

  with(change: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): HostUri {
    return new HostUri(
      change.scheme ?? this.scheme,
      change.authority ?? this.authority,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }

  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }

  toJSON(): unknown {
    return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}

export class HostThemeColor implements vscode.ThemeColor {
  constructor(readonly id: string) {}
}

export class HostThemeIcon implements vscode.ThemeIcon {
  static readonly File = new HostThemeIcon('file');
  static readonly Folder = new HostThemeIcon('folder');

  constructor(
    readonly id: string,
    readonly color?: vscode.ThemeColor,
  ) {}
}

export class HostMarkdownString implements vscode.MarkdownString {
  isTrusted?: boolean | { readonly enabledCommands: readonly string[] };
  supportThemeIcons?: boolean;
  supportHtml?: boolean;
  baseUri?: vscode.Uri;

  constructor(
    public value = '',
    supportThemeIcons = false,
  ) {
    this.supportThemeIcons = supportThemeIcons;
  }

  appendText(value: string): HostMarkdownString {
    this.value += value.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }

  appendMarkdown(value: string): HostMarkdownString {
    this.value += value;
    return this;
  }

  appendCodeblock(value: string, language = ''): HostMarkdownString {
    this.value += `\n\`\`\`${language}\n${value}\n\`\`\`\n`;
    return this;
  }
}

export class HostTreeItem implements vscode.TreeItem {
  id?: string;
  iconPath?: vscode.TreeItem['iconPath'];
  description?: string | boolean;
  resourceUri?: vscode.Uri;
  tooltip?: string | vscode.MarkdownString;
  command?: vscode.Command;
  contextValue?: string;
  accessibilityInformation?: vscode.AccessibilityInformation;
  checkboxState?: vscode.TreeItemCheckboxState | { readonly state: vscode.TreeItemCheckboxState };

  label?: string | vscode.TreeItemLabel;

  constructor(
    labelOrUri: string | vscode.TreeItemLabel | vscode.Uri,
    public collapsibleState?: vscode.TreeItemCollapsibleState,
  ) {
    if (labelOrUri instanceof HostUri) this.resourceUri = labelOrUri;
    else this.label = labelOrUri as string | vscode.TreeItemLabel;
  }
}
