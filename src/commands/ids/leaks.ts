/** Command ids of leak detection; merged into COMMAND_IDS. */
export const LEAKS_COMMAND_IDS = {
  scanWorkspaceForKeys: 'cloudKeys.scanWorkspaceForKeys',
  /** Hover link: reveal a finding's key in the Accounts view (`{ accountId, userId, keyId }`). */
  showLeakedKey: 'cloudKeys.leaks.showKey',
  /** Quick fix: rotate a finding's key, then put an environment reference where the literal was. */
  rotateLeakedKey: 'cloudKeys.leaks.rotateKey',
  /** Quick fix: stop reporting a finding anywhere in this workspace. */
  ignoreLeakInWorkspace: 'cloudKeys.leaks.ignoreInWorkspace',
} as const;
