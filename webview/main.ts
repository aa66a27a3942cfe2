// The browser side of the Cloud Keys panels. One bundle for every panel: the host names the panel
// in <body data-panel>, and the page talks to the host only through the typed protocol.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { PanelKindSchema } from '../src/webview/protocol';
import { startCreateKey } from './createKey';
import { startDetails } from './details';
import { startOverview } from './overview';
import { startRotate } from './rotate';
import { post, reportCspViolations } from './shared/vscodeApi';
import './styles.css';

reportCspViolations();
const app = document.getElementById('app');
const panel = PanelKindSchema.safeParse(document.body.dataset.panel);
if (app && panel.success) {
  if (panel.data === 'create-key') startCreateKey(app);
  else if (panel.data === 'overview') startOverview(app);
  else if (panel.data === 'rotate') startRotate(app);
  else startDetails(app);
}
post({ type: 'ready' });
