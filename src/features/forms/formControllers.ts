// The forms (commands, panels and host-side controllers): built as dist/lazy/forms.js (esbuild.mjs)
// and required the first time one of their commands runs (formsFeature.ts), so activation does not
// load them. The list of open panels lives here too, with the panels.
export { registerFormCommands } from './formCommands';
export { openPanels } from '../../webview/panelHost';
export { CreateKeyController } from './createKey/createKeyPanel';
export { KeyDetailsController } from './details/keyDetailsPanel';
export { OverviewController } from './overview/overviewPanel';
export { RotateController } from './rotate/rotatePanel';
export { SecretNotStoredError } from '../../operations/keyOperations';
