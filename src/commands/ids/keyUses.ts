/** Command ids of Find Uses of Key; merged into COMMAND_IDS. */
export const KEY_USES_COMMAND_IDS = {
  findKeyUses: 'cloudKeys.findKeyUses',
} as const;
