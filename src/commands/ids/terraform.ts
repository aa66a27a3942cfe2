/** Command ids of the terraform feature; merged into COMMAND_IDS. */
export const TERRAFORM_COMMAND_IDS = {} as const;
