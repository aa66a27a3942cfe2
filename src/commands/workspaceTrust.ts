/**
 * What Cloud Keys refuses in Restricted Mode (an untrusted workspace). Browsing, revealing and
 * copying stay available; refused are the commands that write into files a workspace can choose or
 * plant (a `.env` export, which may be a symlink the workspace ships; Terraform written or imported
 * into the workspace's `.tf` files). No `vscode` import: the decision is unit-tested under Node.
 */
const TRUST_REQUIRED: Readonly<Record<string, string>> = {
  'cloudKeys.exportKey': 'exporting a key writes it to a file a workspace can choose (a workspace .env)',
  'cloudKeys.generateTerraform': 'Terraform generation writes into the workspace',
  'cloudKeys.terraform.importKey': 'importing a key writes an import block into the workspace',
};

/** The refusal to show for `commandId` in a window with this trust, or `undefined` when it may run. */
export function restrictedModeRefusal(commandId: string, isTrusted: boolean): string | undefined {
  const reason = TRUST_REQUIRED[commandId];
  if (isTrusted || reason === undefined) return undefined;
  return `Restricted Mode: ${reason}, so Cloud Keys does not do it in an untrusted workspace. Trust the workspace ("Workspaces: Manage Workspace Trust") and try again.`;
}

/** The commands refused in Restricted Mode, for documentation and tests. */
export const TRUST_REQUIRED_COMMANDS: readonly string[] = Object.keys(TRUST_REQUIRED);
