/**
 * Every command the extension contributes. `package.json` must list exactly these; a unit test
 * compares the two so they cannot drift apart.
 */
export const COMMAND_IDS = {
  refresh: 'cloudKeys.refresh',
  showLogs: 'cloudKeys.showLogs',
  openSettings: 'cloudKeys.openSettings',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
