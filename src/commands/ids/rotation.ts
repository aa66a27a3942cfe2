/** Command ids of the rotation feature; merged into COMMAND_IDS. */
export const ROTATION_COMMAND_IDS = {} as const;
