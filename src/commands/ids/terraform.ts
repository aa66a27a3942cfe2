/** Command ids of the terraform feature; merged into COMMAND_IDS. */
export const TERRAFORM_COMMAND_IDS = {
  generateTerraform: 'cloudKeys.generateTerraform',
  /** Code-lens action: reveal a key in the Accounts view. */
  showKeyInTree: 'cloudKeys.terraform.showKey',
  /** Code-lens action: write the `import` block of an existing key for a resource. */
  importExistingKey: 'cloudKeys.terraform.importKey',
} as const;
