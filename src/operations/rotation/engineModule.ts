// The rotation engine and the export updater it drives: built as dist/lazy/rotationEngine.js
// (esbuild.mjs) and required the first time a rotation runs, resumes or is looked up
// (src/services/lazyModules.ts), so activation does not load them.
export { RotationEngine } from './engine';
export { ExportUpdater } from '../exports/exportUpdater';
export { SecretNotStoredError } from '../keyOperations';
