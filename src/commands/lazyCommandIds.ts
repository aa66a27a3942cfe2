import { COMMAND_IDS, type CommandId } from './commandIds';

// The commands each registration of the commands bundle (lazyEntry.ts) registers: their stand-ins
// are registered at activation, so each list must name exactly what its function registers.

/** registerAccountCommands. */
export const ACCOUNT_COMMANDS: readonly CommandId[] = [
  COMMAND_IDS.addAccount,
  COMMAND_IDS.testConnection,
  COMMAND_IDS.hideAccount,
  COMMAND_IDS.showHiddenAccounts,
  COMMAND_IDS.removeAccount,
];

/** registerKeyCommands. */
export const KEY_COMMANDS: readonly CommandId[] = [
  COMMAND_IDS.createKey,
  COMMAND_IDS.deleteKey,
  COMMAND_IDS.activateKey,
  COMMAND_IDS.deactivateKey,
  COMMAND_IDS.renameKey,
  COMMAND_IDS.setKeyExpiry,
  COMMAND_IDS.copyAccessKeyId,
  COMMAND_IDS.copySecret,
  COMMAND_IDS.revealSecret,
];

/** registerRotationCommands and registerExportCommands. */
export const ROTATION_AND_EXPORT_COMMANDS: readonly CommandId[] = [
  COMMAND_IDS.rotateKey,
  COMMAND_IDS.rotateKeys,
  COMMAND_IDS.resumeRotations,
  COMMAND_IDS.exportKey,
  COMMAND_IDS.removeTerminalExport,
];

/** registerRecoveryCommand. */
export const RECOVERY_COMMANDS: readonly CommandId[] = [COMMAND_IDS.recoverInterruptedCreates];

/** registerOciProfileCommands. */
export const OCI_PROFILE_COMMANDS: readonly CommandId[] = [COMMAND_IDS.saveOciProfile];

/** registerGenerateCommand. */
export const GENERATE_TERRAFORM_COMMANDS: readonly CommandId[] = [COMMAND_IDS.generateTerraform];

/** registerLensCommands (the Terraform code lenses' actions). */
export const LENS_COMMANDS: readonly CommandId[] = [COMMAND_IDS.showKeyInTree, COMMAND_IDS.importExistingKey];
