/** Command ids of the create-recovery feature; merged into COMMAND_IDS. */
export const CREATE_RECOVERY_COMMAND_IDS = {
  recoverInterruptedCreates: 'cloudKeys.recoverInterruptedCreates',
} as const;
