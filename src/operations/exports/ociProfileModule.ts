/**
 * The OCI config-profile code (planning, the diff, writing, rotation's switch), with the OCI config
 * parser and the `diff` library, built as its own bundle (`dist/lazy/ociProfile.js`). The extension
 * requires it only when an OCI profile is saved or rotated, so it costs nothing at activation.
 */
export {
  applyOciProfile,
  checkAbsolutePath,
  defaultOciConfigFile,
  planOciKeySwitch,
  planOciProfile,
  profileEntry,
  profileFingerprint,
  profilesIn,
  suggestKeyFile,
  suggestProfileName,
  validateOciProfileName,
} from './ociConfigProfile';
