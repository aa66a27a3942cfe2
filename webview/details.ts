// Key Details: every attribute, the stored-secret status, the age against the policy, and actions.
import type { DetailAction, Details } from '../src/webview/protocol';
import { STATUS_LABELS } from './shared/ageChart';
import { Banner } from './shared/banner';
import { h } from './shared/dom';
import { SecretBox } from './shared/secretBox';
import { onHostMessage, post } from './shared/vscodeApi';

const ACTION_LABELS: Record<DetailAction, string> = {
  copyId: 'Copy ID',
  copySecret: 'Copy Secret',
  activate: 'Activate',
  deactivate: 'Deactivate…',
  rename: 'Rename…',
  setExpiry: 'Set Expiration…',
  rotate: 'Rotate with Form…',
  delete: 'Delete…',
  refresh: 'Refresh',
};

const SECRET_TEXT: Record<Details['secret'], string> = {
  stored: 'Stored in VS Code secret storage (created here).',
  'readable-from-cloud': 'Not stored here; the cloud shows it again on request.',
  'not-available': 'Not stored here: the key was created elsewhere, and this cloud shows a secret only once.',
};

export function startDetails(app: HTMLElement): void {
  const banner = new Banner();
  const body = h('div');
  let secretBox: SecretBox | undefined;
  app.append(h('h1', { id: 'title' }, 'Key Details'), banner.element, body);

  function render(details: Details): void {
    const { key } = details;
    const ref = { accountId: key.accountId, userId: key.userId, kind: key.kind, keyId: key.id };
    secretBox = details.secret === 'not-available' ? undefined : new SecretBox(ref, 'Secret');
    (document.getElementById('title') as HTMLElement).textContent = key.displayName || key.id;
    body.replaceChildren(
      h('p', { class: 'lead' }, `${key.kindName} of ${details.user} in ${details.account} (${details.cloudName})`),
      h(
        'div',
        { class: 'actions', role: 'toolbar', 'aria-label': 'Key actions' },
        ...details.actions.map((action, i) =>
          h('vscode-button', { secondary: i > 0, onclick: () => post({ type: 'details/action', action }) }, ACTION_LABELS[action]),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'health-title' },
        h('h2', { id: 'health-title' }, 'Age and policy'),
        h(
          'p',
          { class: 'details-health' },
          h('span', { class: `pill ${details.health.status}` }, STATUS_LABELS[details.health.status]),
          details.health.summary,
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'secret-title' },
        h('h2', { id: 'secret-title' }, 'Secret'),
        h('p', { id: 'secret-status' }, SECRET_TEXT[details.secret]),
        secretBox?.element,
      ),
      h(
        'section',
        { 'aria-labelledby': 'attributes-title' },
        h('h2', { id: 'attributes-title' }, 'Attributes'),
        h('dl', { class: 'attributes' }, ...details.attributes.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
      ),
    );
  }

  onHostMessage((message) => {
    if (banner.handle(message)) return;
    switch (message.type) {
      case 'details/data':
        banner.clear();
        render(message.details);
        break;
      case 'secret':
        secretBox?.show(message.keyId, message.value);
        break;
      default:
        break;
    }
  });
}
