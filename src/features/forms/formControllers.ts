// The forms' host-side controllers: built as dist/lazy/forms.js (esbuild.mjs) and required the first
// time a form opens (src/services/lazyModules.ts), so activation does not load them. Their panels
// (PanelHost) stay in the extension bundle, which keeps the list of open panels.
export { CreateKeyController } from './createKey/createKeyPanel';
export { KeyDetailsController } from './details/keyDetailsPanel';
export { OverviewController } from './overview/overviewPanel';
export { RotateController } from './rotate/rotatePanel';
export { SecretNotStoredError } from '../../operations/keyOperations';
