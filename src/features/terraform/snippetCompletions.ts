import * as vscode from 'vscode';
import type { Logger } from '../../util/logger';
import { parseSnippets, snippetPreview, type TerraformSnippet } from '../../terraform/snippets';
import { TERRAFORM_SELECTOR, terraformSettings } from './terraformSettings';

/**
 * Serves `snippets/terraform.json` as completions for the `terraform` language.
 *
 * Snippets contributed in package.json cannot be switched off by a setting, so the file is not
 * contributed: this provider reads it and is registered only while `cloudKeys.terraform.snippets.enabled`
 * is on (registered and disposed as the setting flips, never checked per keystroke).
 */
export class SnippetCompletions implements vscode.Disposable {
  #registration: vscode.Disposable | undefined;
  #snippets: Promise<TerraformSnippet[]> | undefined;
  readonly #listener: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
  ) {
    this.#listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (terraformSettings.affectsSnippets(event)) this.#update();
    });
    this.#update();
  }

  #update(): void {
    const enabled = terraformSettings.snippetsEnabled();
    if (enabled && !this.#registration) {
      this.#registration = vscode.languages.registerCompletionItemProvider(TERRAFORM_SELECTOR, {
        provideCompletionItems: (document, position) => this.#items(document, position),
      });
    } else if (!enabled && this.#registration) {
      this.#registration.dispose();
      this.#registration = undefined;
    }
  }

  async #load(): Promise<TerraformSnippet[]> {
    this.#snippets ??= (async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'snippets', 'terraform.json'));
        return parseSnippets(JSON.parse(new TextDecoder().decode(bytes)));
      } catch (error) {
        this.logger.error('Could not read the Terraform snippets:', error);
        return [];
      }
    })();
    return this.#snippets;
  }

  async #items(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const range = document.getWordRangeAtPosition(position, /[A-Za-z_][A-Za-z0-9_-]*/);
    const snippets = await this.#load();
    return snippets.flatMap((snippet) =>
      snippet.prefixes.map((prefix) => {
        const item = new vscode.CompletionItem({ label: prefix, description: snippet.name }, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(snippet.body);
        // The preview shows what is inserted, placeholders as their default text, not the tab-stop syntax.
        item.documentation = new vscode.MarkdownString().appendCodeblock(snippetPreview(snippet.body).trimEnd(), 'terraform');
        item.detail = snippet.description;
        if (range) item.range = range;
        return item;
      }),
    );
  }

  dispose(): void {
    this.#registration?.dispose();
    this.#listener.dispose();
  }
}
