/** Command ids of the forms feature; merged into COMMAND_IDS. */
export const FORMS_COMMAND_IDS = {
  openCreateKeyForm: 'cloudKeys.openCreateKeyForm',
  keyAgeOverview: 'cloudKeys.keyAgeOverview',
  showKeyDetails: 'cloudKeys.showKeyDetails',
  rotateWithForm: 'cloudKeys.rotateWithForm',
} as const;
