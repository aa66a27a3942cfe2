/**
 * Every command the extension contributes. `package.json` must list exactly these; a unit test
 * compares the two so they cannot drift apart.
 */
export const COMMAND_IDS = {
  refresh: 'cloudKeys.refresh',
  showLogs: 'cloudKeys.showLogs',
  openSettings: 'cloudKeys.openSettings',
  retry: 'cloudKeys.retry',
  loadMore: 'cloudKeys.loadMore',
  filterUsers: 'cloudKeys.filterUsers',
  clearFilter: 'cloudKeys.clearFilter',
  cancelLoading: 'cloudKeys.cancelLoading',
  addAccount: 'cloudKeys.addAccount',
  testConnection: 'cloudKeys.testConnection',
  hideAccount: 'cloudKeys.hideAccount',
  showHiddenAccounts: 'cloudKeys.showHiddenAccounts',
  removeAccount: 'cloudKeys.removeAccount',
  createKey: 'cloudKeys.createKey',
  renameKey: 'cloudKeys.renameKey',
  activateKey: 'cloudKeys.activateKey',
  deactivateKey: 'cloudKeys.deactivateKey',
  setKeyExpiry: 'cloudKeys.setKeyExpiry',
  deleteKey: 'cloudKeys.deleteKey',
  copyAccessKeyId: 'cloudKeys.copyAccessKeyId',
  revealSecret: 'cloudKeys.revealSecret',
  copySecret: 'cloudKeys.copySecret',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
