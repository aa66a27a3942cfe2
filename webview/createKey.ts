// The Create Key form: account, user, kind and the fields that kind takes; then the result, with
// the secret masked until the user asks to see it.
import type { AccountChoice, CreateKeyForm, FormField, HostToWebview, KindChoice } from '../src/webview/protocol';
import { Banner } from './shared/banner';
import { clear, h } from './shared/dom';
import { SecretBox } from './shared/secretBox';
import { loadFormState, onHostMessage, post, saveFormState } from './shared/vscodeApi';

type Field = HTMLElement & { value: string; invalid?: boolean; disabled?: boolean };
type Created = Extract<HostToWebview, { type: 'create/created' }>;

const PEM_HELP = 'Paste an RSA public key in PEM (2048 bits or more), from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.';

function field(tag: string, id: string, props: Record<string, string | boolean> = {}): Field {
  return h(tag, { id, name: id, ...props }) as Field;
}

function option(value: string, label: string, description?: string): HTMLElement {
  return h('vscode-option', { value, ...(description ? { description } : {}) }, label);
}

/** One labelled row of the form with a helper line under it for hints and errors. */
function row(label: string, control: HTMLElement, helper: HTMLElement, required = false): HTMLElement {
  return h('vscode-form-group', { variant: 'vertical' }, h('vscode-label', { for: control.id, required }, label), control, helper);
}

export function startCreateKey(app: HTMLElement): void {
  const banner = new Banner();
  let accounts: AccountChoice[] = [];
  // The selects take a value only once their options are slotted, a moment later; what is chosen
  // is kept here and read from the elements only in their change events.
  let accountId = '';
  let userId = '';
  let today = '';
  let pemRequest = 0;
  let pemTimer: ReturnType<typeof setTimeout> | undefined;
  let secretBox: SecretBox | undefined;
  const saved = loadFormState();

  const account = field('vscode-single-select', 'accountId', { 'aria-describedby': 'accountId-help' });
  const user = field('vscode-single-select', 'userId', { combobox: true, filter: 'contains', 'aria-describedby': 'userId-help' });
  const kind = field('vscode-radio-group', 'kind', { variant: 'vertical' });
  const displayName = field('vscode-textfield', 'displayName', { maxlength: '255' });
  const expiresOn = field('vscode-textfield', 'expiresOn', { type: 'date' });
  const source = field('vscode-radio-group', 'source', { variant: 'vertical' });
  const pem = field('vscode-textarea', 'pem', {
    monospace: true,
    rows: '7',
    resize: 'vertical',
    placeholder: '-----BEGIN PUBLIC KEY-----',
  });
  const helpers: Record<FormField, HTMLElement> = {
    accountId: h('vscode-form-helper', { id: 'accountId-help' }),
    userId: h('vscode-form-helper', { id: 'userId-help' }),
    kind: h('vscode-form-helper', { id: 'kind-help' }),
    displayName: h('vscode-form-helper', { id: 'displayName-help' }),
    expiresOn: h('vscode-form-helper', { id: 'expiresOn-help' }, 'Optional. The key stops working at the end of that day (UTC).'),
    pem: h('vscode-form-helper', { id: 'pem-help' }, PEM_HELP),
    form: h('span'),
  };
  const hints: Partial<Record<FormField, string>> = { expiresOn: helpers.expiresOn.textContent ?? '', pem: PEM_HELP };
  const fields: Partial<Record<FormField, Field>> = { accountId: account, userId: user, displayName, expiresOn, pem };

  const nameRow = row('Display name', displayName, helpers.displayName);
  const expiryRow = row('Expires on', expiresOn, helpers.expiresOn);
  const kindRow = row('Kind', kind, helpers.kind, true);
  const pemRow = h('div', {}, row('Public key (PEM)', pem, helpers.pem, true));
  const sourceRow = h(
    'div',
    {},
    row('Key pair', source, h('vscode-form-helper', {}, 'The private key of a generated pair is kept in VS Code secret storage.'), true),
    pemRow,
  );
  const submit = h('vscode-button', { id: 'submit', onclick: () => send() }, 'Create Key');
  const cancel = h('vscode-button', { id: 'cancel', secondary: true, hidden: true, onclick: () => post({ type: 'cancel' }) }, 'Cancel');
  const progress = h('div', { class: 'progress', hidden: true, role: 'status' }, h('vscode-progress-ring'), h('span', {}, ''));
  const form = h(
    'form',
    {
      class: 'form',
      'aria-labelledby': 'title',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        send();
      },
    },
    row('Account', account, helpers.accountId, true),
    row('User', user, helpers.userId, true),
    kindRow,
    nameRow,
    expiryRow,
    sourceRow,
    h('div', { class: 'actions' }, submit, cancel),
    progress,
  );
  const result = h('section', { class: 'result', hidden: true, 'aria-labelledby': 'result-title' });
  app.append(
    h('h1', { id: 'title' }, 'Create Key'),
    h('p', { class: 'lead' }, 'Creates a key at the cloud. A new secret goes to VS Code secret storage before it is shown anywhere.'),
    banner.element,
    form,
    result,
  );

  const currentAccount = () => accounts.find((a) => a.id === accountId);
  const currentKind = (): KindChoice | undefined => {
    const choices = currentAccount()?.kinds ?? [];
    return choices.find((k) => k.kind === kindValue()) ?? choices[0];
  };
  const checkedValue = (group: Field) =>
    [...group.querySelectorAll('vscode-radio')].find((r) => (r as Field & { checked: boolean }).checked) as Field | undefined;
  const kindValue = () => checkedValue(kind)?.value ?? '';
  const sourceValue = () => checkedValue(source)?.value ?? 'generate-2048';

  function remember(): void {
    saveFormState({
      accountId,
      userId,
      kind: kindValue(),
      displayName: displayName.value,
      expiresOn: expiresOn.value,
      source: sourceValue(),
      pem: pem.value,
    });
  }

  function setError(name: FormField, message: string | undefined): void {
    const control = fields[name];
    if (control) control.invalid = Boolean(message);
    const helper = helpers[name];
    helper.textContent = message ?? hints[name] ?? '';
    helper.classList.toggle('error', Boolean(message));
    if (message) helper.setAttribute('role', 'alert');
    else helper.removeAttribute('role');
  }

  function clearErrors(): void {
    for (const name of Object.keys(helpers) as FormField[]) if (name !== 'userId') setError(name, undefined);
    banner.clear();
  }

  function radios(group: Field, name: string, items: [string, string][], checked: string): void {
    clear(group);
    for (const [value, label] of items) group.append(h('vscode-radio', { name, value, label, checked: value === checked }));
  }

  function showKind(): void {
    const choice = currentKind();
    kindRow.hidden = (currentAccount()?.kinds.length ?? 0) < 2;
    nameRow.hidden = !choice?.nameLabel;
    if (choice?.nameLabel) (nameRow.querySelector('vscode-label') as HTMLElement).textContent = choice.nameLabel;
    expiryRow.hidden = !choice?.canExpire;
    sourceRow.hidden = !choice?.takesPublicKey;
    pemRow.hidden = sourceValue() !== 'paste';
    askSlots();
  }

  function askSlots(): void {
    const choice = currentKind();
    if (accountId && userId && choice) post({ type: 'create/user', accountId, userId, kind: choice.kind });
  }

  function showAccount(restore: Record<string, string>): void {
    const choice = currentAccount();
    const kinds = choice?.kinds ?? [];
    radios(
      kind,
      'kind',
      kinds.map((k) => [k.kind, k.name]),
      kinds.some((k) => k.kind === restore.kind) ? restore.kind : (kinds[0]?.kind ?? ''),
    );
    helpers.accountId.textContent = choice ? choice.cloudName : '';
    clear(user);
    userId = '';
    helpers.userId.textContent = 'Loading users…';
    if (choice) post({ type: 'create/account', accountId: choice.id });
    showKind();
  }

  function checkPem(): void {
    if (pemTimer) clearTimeout(pemTimer);
    pemTimer = setTimeout(() => {
      if (!pem.value.trim()) return setError('pem', undefined);
      pemRequest += 1;
      post({ type: 'create/check-public-key', pem: pem.value, requestId: pemRequest });
    }, 250);
  }

  function readForm(): CreateKeyForm | undefined {
    const choice = currentKind();
    if (!choice) return undefined;
    const chosen = sourceValue();
    return {
      accountId,
      userId,
      kind: choice.kind,
      ...(choice.nameLabel ? { displayName: displayName.value } : {}),
      ...(choice.canExpire ? { expiresOn: expiresOn.value } : {}),
      ...(choice.takesPublicKey
        ? {
            keySource:
              chosen === 'paste'
                ? { source: 'paste' as const, pem: pem.value }
                : { source: 'generate' as const, bits: chosen === 'generate-4096' ? (4096 as const) : (2048 as const) },
          }
        : {}),
    };
  }

  /** Checks what the page can check itself, then lets the host check everything again and create. */
  function send(): void {
    clearErrors();
    const errors: [FormField, string][] = [];
    if (!accountId) errors.push(['accountId', 'Choose an account.']);
    if (!userId) errors.push(['userId', 'Choose the user the key is for.']);
    const choice = currentKind();
    if (choice?.canExpire && expiresOn.value && today && expiresOn.value < today) {
      errors.push(['expiresOn', `${expiresOn.value} is in the past. Choose today or a later day, or leave it empty.`]);
    }
    if (choice?.takesPublicKey && sourceValue() === 'paste' && !pem.value.trim())
      errors.push(['pem', 'Paste the public key to upload, or choose to generate a key pair.']);
    for (const [name, message] of errors) setError(name, message);
    if (errors.length > 0) {
      banner.error(`Check the form: ${errors.length === 1 ? errors[0][1] : `${errors.length} fields need attention.`}`);
      fields[errors[0][0]]?.focus();
      return;
    }
    const form = readForm();
    if (form) post({ type: 'create/submit', form });
  }

  function busy(label: string | undefined, cancellable: boolean): void {
    progress.hidden = false;
    (progress.lastElementChild as HTMLElement).textContent = label ?? 'Working…';
    cancel.hidden = !cancellable;
    submit.setAttribute('disabled', '');
  }

  function idle(): void {
    progress.hidden = true;
    cancel.hidden = true;
    submit.removeAttribute('disabled');
  }

  function showResult(created: Created): void {
    form.hidden = true;
    const ref = { accountId: created.key.accountId, userId: created.key.userId, kind: created.key.kind, keyId: created.key.id };
    secretBox = created.secretStored ? new SecretBox(ref, created.secretLabel) : undefined;
    result.replaceChildren(
      h(
        'h2',
        { id: 'result-title' },
        `Created ${created.key.kindName} ${created.key.displayName ? `"${created.key.displayName}"` : ''}`.trim(),
      ),
      h('p', {}, `For ${created.user} in ${created.account} (${created.cloudName}).`),
      h(
        'dl',
        { class: 'attributes' },
        h('dt', {}, created.key.kind === 'api-signing-key' ? 'Fingerprint' : 'Access key ID'),
        h(
          'dd',
          {},
          h('code', { id: 'created-key-id' }, created.key.fingerprint ?? created.key.id),
          ' ',
          h('vscode-button', { secondary: true, onclick: () => post({ type: 'copy-id', key: ref }) }, 'Copy'),
        ),
        ...(secretBox
          ? [
              h('dt', {}, created.secretLabel),
              h('dd', {}, secretBox.element),
              h('dt', {}, 'Storage'),
              h('dd', { id: 'stored', class: 'ok' }, '✓ Stored in VS Code secret storage. Closing this panel does not lose it.'),
            ]
          : [h('dt', {}, 'Secret'), h('dd', {}, 'This key has no secret half to keep (you uploaded only a public key).')]),
      ),
      h(
        'div',
        { class: 'actions' },
        h('vscode-button', { onclick: () => post({ type: 'open-details', key: ref }) }, 'Show Key Details'),
        created.followUps?.includes('export') &&
          h(
            'vscode-button',
            { id: 'export', secondary: true, onclick: () => post({ type: 'create/export' }) },
            created.key.kind === 'api-signing-key' ? 'Save to OCI Config…' : 'Export…',
          ),
        created.followUps?.includes('terraform') &&
          h('vscode-button', { id: 'terraform', secondary: true, onclick: () => post({ type: 'create/terraform' }) }, 'Generate Terraform'),
        h('vscode-button', { secondary: true, onclick: () => post({ type: 'create/again' }) }, 'Create Another Key'),
      ),
    );
    result.hidden = false;
    (result.querySelector('h2') as HTMLElement).setAttribute('tabindex', '-1');
    (result.querySelector('h2') as HTMLElement).focus();
  }

  account.addEventListener('change', () => {
    accountId = account.value;
    remember();
    showAccount({});
  });
  user.addEventListener('change', () => {
    userId = user.value;
    remember();
    setError('userId', undefined);
    askSlots();
  });
  kind.addEventListener('change', () => {
    remember();
    showKind();
  });
  source.addEventListener('change', () => {
    remember();
    showKind();
  });
  displayName.addEventListener('input', remember);
  expiresOn.addEventListener('change', () => {
    remember();
    setError(
      'expiresOn',
      expiresOn.value && today && expiresOn.value < today ? `${expiresOn.value} is in the past. Choose today or a later day.` : undefined,
    );
  });
  pem.addEventListener('input', () => {
    remember();
    checkPem();
  });
  radios(
    source,
    'source',
    [
      ['generate-2048', 'Generate a 2048-bit RSA key pair'],
      ['generate-4096', 'Generate a 4096-bit RSA key pair'],
      ['paste', 'Paste a public key'],
    ],
    saved.source ?? 'generate-2048',
  );
  displayName.value = saved.displayName ?? '';
  expiresOn.value = saved.expiresOn ?? '';
  pem.value = saved.pem ?? '';

  onHostMessage((message) => {
    switch (message.type) {
      case 'create/accounts': {
        form.hidden = false;
        result.hidden = true;
        result.replaceChildren();
        secretBox = undefined;
        accounts = message.accounts;
        today = message.today;
        clear(account);
        for (const a of accounts) account.append(option(a.id, `${a.label} (${a.cloudName})`));
        const wanted = message.selected?.accountId ?? saved.accountId;
        accountId = accounts.some((a) => a.id === wanted) ? wanted! : (accounts[0]?.id ?? '');
        account.value = accountId;
        if (accounts.length === 0)
          banner.error('No cloud accounts found. Add one with "Cloud Keys: Add Account…" and open this form again.');
        showAccount({ ...saved, ...(message.selected?.userId ? { userId: message.selected.userId } : {}) });
        if (message.selected?.userId) saved.userId = message.selected.userId;
        break;
      }
      case 'create/users': {
        if (message.accountId !== accountId) break;
        clear(user);
        for (const u of message.users) user.append(option(u.id, u.name, u.detail));
        const wanted = message.selectedUserId ?? saved.userId;
        userId = message.users.some((u) => u.id === wanted) ? wanted! : (message.users[0]?.id ?? '');
        user.value = userId;
        helpers.userId.textContent = message.users.length === 0 ? 'This account has no users you can create keys for.' : '';
        remember();
        askSlots();
        break;
      }
      case 'create/slots': {
        if (message.accountId !== accountId || message.userId !== userId) break;
        const left = Math.max(0, message.max - message.used);
        helpers.userId.textContent = `${left} of ${message.max} key slots free for this kind (${message.used} used).`;
        helpers.userId.classList.toggle('error', left === 0);
        if (left === 0) helpers.userId.textContent += ' Delete a key of this user first.';
        break;
      }
      case 'create/public-key':
        if (message.requestId === pemRequest) {
          if (message.ok) {
            setError('pem', undefined);
            helpers.pem.textContent = `✓ ${message.message}`;
          } else setError('pem', message.message);
        }
        break;
      case 'create/field-errors':
        for (const e of message.errors) setError(e.field, e.message);
        if (message.errors.length > 0) {
          banner.error(`Check the form: ${message.errors[0].message}`);
          fields[message.errors[0].field]?.focus();
        }
        break;
      case 'busy':
        busy(message.label, message.cancellable);
        break;
      case 'idle':
        idle();
        break;
      case 'error':
        idle();
        if (message.field && message.field !== 'form') setError(message.field, message.message);
        banner.error(message.message);
        break;
      case 'notice':
        banner.notice(message.message);
        break;
      case 'create/created':
        idle();
        banner.clear();
        saveFormState({});
        showResult(message);
        break;
      case 'secret':
        secretBox?.show(message.keyId, message.value);
        break;
      default:
        break;
    }
  });
}
