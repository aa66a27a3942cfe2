/** Command ids of the OCI profile export (saving a generated API key's private key and profile); merged into COMMAND_IDS. */
export const OCI_PROFILE_COMMAND_IDS = {
  saveOciProfile: 'cloudKeys.saveOciProfile',
} as const;
