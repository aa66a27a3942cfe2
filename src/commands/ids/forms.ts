/** Command ids of the forms feature; merged into COMMAND_IDS. */
export const FORMS_COMMAND_IDS = {} as const;
