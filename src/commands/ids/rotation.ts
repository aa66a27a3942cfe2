/** Command ids of the rotation feature; merged into COMMAND_IDS. */
export const ROTATION_COMMAND_IDS = {
  rotateKey: 'cloudKeys.rotateKey',
  rotateKeys: 'cloudKeys.rotateKeys',
  resumeRotations: 'cloudKeys.resumeRotations',
  exportKey: 'cloudKeys.exportKey',
  removeTerminalExport: 'cloudKeys.removeTerminalExport',
  showKeyAlerts: 'cloudKeys.showKeyAlerts',
} as const;
