import { CREATE_RECOVERY_COMMAND_IDS } from './ids/createRecovery';
import { FORMS_COMMAND_IDS } from './ids/forms';
import { KEY_USES_COMMAND_IDS } from './ids/keyUses';
import { LEAKS_COMMAND_IDS } from './ids/leaks';
import { OCI_PROFILE_COMMAND_IDS } from './ids/ociProfile';
import { ROTATION_COMMAND_IDS } from './ids/rotation';
import { TERRAFORM_COMMAND_IDS } from './ids/terraform';

/**
 * Every command the extension contributes. `package.json` must list exactly these; a unit test
 * compares the two so they cannot drift apart.
 */
const CORE_COMMAND_IDS = {
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

export const COMMAND_IDS = {
  ...CORE_COMMAND_IDS,
  ...ROTATION_COMMAND_IDS,
  ...TERRAFORM_COMMAND_IDS,
  ...FORMS_COMMAND_IDS,
  ...CREATE_RECOVERY_COMMAND_IDS,
  ...OCI_PROFILE_COMMAND_IDS,
  ...KEY_USES_COMMAND_IDS,
  ...LEAKS_COMMAND_IDS,
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
