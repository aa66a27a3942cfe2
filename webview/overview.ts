// The Key Age Overview: a chart of key ages and a sortable, filterable table with exports.
import type { HostToWebview, KeyRow, SortColumn, TableView } from '../src/webview/protocol';
import { applyTableView, DEFAULT_TABLE_VIEW } from '../src/webview/shared/tableView';
import { ageChart, STATUS_LABELS } from './shared/ageChart';
import { Banner } from './shared/banner';
import { h } from './shared/dom';
import { formatDay } from '../src/util/formatDate';
import { loadFormState, onHostMessage, post, saveFormState } from './shared/vscodeApi';

type Data = Extract<HostToWebview, { type: 'overview/data' }>;

const COLUMNS: [SortColumn, string][] = [
  ['cloud', 'Cloud'],
  ['account', 'Account'],
  ['user', 'User'],
  ['name', 'Key'],
  ['state', 'State'],
  ['ageDays', 'Age (days)'],
  ['expiresAt', 'Expires'],
  ['status', 'Policy'],
];

export function startOverview(app: HTMLElement): void {
  const banner = new Banner();
  const saved = loadFormState();
  const view: TableView = {
    ...DEFAULT_TABLE_VIEW,
    text: saved.text ?? '',
    ...(saved.status ? { status: saved.status as TableView['status'] } : {}),
    ...(saved.sortBy ? { sortBy: saved.sortBy as SortColumn, descending: saved.descending === 'true' } : {}),
  };
  let data: Data | undefined;

  const filter = h('vscode-textfield', {
    id: 'filter',
    placeholder: 'Filter by cloud, account, user, key…',
    type: 'search',
  }) as HTMLElement & { value: string };
  filter.value = view.text;
  const statusSelect = h('vscode-single-select', { id: 'status' }) as HTMLElement & { value: string };
  statusSelect.append(h('vscode-option', { value: 'all' }, 'All statuses'));
  for (const [status, label] of Object.entries(STATUS_LABELS)) statusSelect.append(h('vscode-option', { value: status }, label));
  const progress = h(
    'div',
    { class: 'progress', hidden: true, role: 'status' },
    h('vscode-progress-ring'),
    h('span'),
    h('vscode-button', { secondary: true, onclick: () => post({ type: 'cancel' }) }, 'Cancel'),
  );
  const chartSlot = h('div');
  const count = h('p', { class: 'count', role: 'status' });
  const table = h('table', { class: 'keys', 'aria-label': 'Keys' });

  app.append(
    h('h1', { id: 'title' }, 'Key Age Overview'),
    h('p', { class: 'lead', id: 'policy' }),
    banner.element,
    progress,
    chartSlot,
    h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Table' },
      h('vscode-form-group', { variant: 'vertical' }, h('vscode-label', { for: 'filter' }, 'Filter'), filter),
      h('vscode-form-group', { variant: 'vertical' }, h('vscode-label', { for: 'status' }, 'Policy status'), statusSelect),
      h(
        'vscode-button',
        { secondary: true, onclick: () => post({ type: 'overview/export', format: 'csv', view: { ...view } }) },
        'Export CSV…',
      ),
      h(
        'vscode-button',
        { secondary: true, onclick: () => post({ type: 'overview/export', format: 'markdown', view: { ...view } }) },
        'Export Markdown…',
      ),
      h('vscode-button', { secondary: true, onclick: () => post({ type: 'overview/reload' }) }, 'Reload'),
    ),
    count,
    h('div', { class: 'table-wrap' }, table),
  );

  function remember(): void {
    saveFormState({ text: view.text, status: view.status, sortBy: view.sortBy, descending: String(view.descending) });
  }

  function renderTable(): void {
    if (!data) return;
    const rows = applyTableView(data.rows, view);
    count.textContent = `${rows.length} of ${data.rows.length} keys`;
    const head = h(
      'tr',
      {},
      ...COLUMNS.map(([column, label]) => {
        const sorted = view.sortBy === column;
        return h(
          'th',
          {
            scope: 'col',
            class: column === 'ageDays' ? 'num' : undefined,
            'aria-sort': sorted ? (view.descending ? 'descending' : 'ascending') : 'none',
          },
          h('button', { type: 'button', onclick: () => sortBy(column) }, `${label}${sorted ? (view.descending ? ' ▼' : ' ▲') : ''}`),
        );
      }),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
    );
    table.replaceChildren(h('thead', {}, head), h('tbody', {}, ...rows.map(renderRow)));
  }

  function renderRow(row: KeyRow): HTMLElement {
    const ref = { accountId: row.accountId, userId: row.userId, kind: row.kind, keyId: row.keyId };
    return h(
      'tr',
      {},
      h('td', {}, row.cloudName),
      h('td', {}, row.account),
      h('td', {}, row.user),
      h('td', { class: 'name', title: row.keyId }, row.name),
      h('td', {}, row.state),
      h('td', { class: 'num' }, row.ageDays === null ? '—' : String(row.ageDays)),
      h('td', { title: row.expiresAt }, formatDay(row.expiresAt, '—')),
      h('td', {}, h('span', { class: `pill ${row.status}` }, STATUS_LABELS[row.status])),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'aria-label': `Details of ${row.name}`,
            onclick: () => post({ type: 'open-details', key: ref }),
          },
          'Details',
        ),
      ),
    );
  }

  function sortBy(column: SortColumn): void {
    if (view.sortBy === column) view.descending = !view.descending;
    else {
      view.sortBy = column;
      view.descending = column === 'ageDays';
    }
    remember();
    renderTable();
    (table.querySelector('th[aria-sort]:not([aria-sort="none"]) button') as HTMLElement | null)?.focus();
  }

  filter.addEventListener('input', () => {
    view.text = filter.value;
    remember();
    renderTable();
  });
  statusSelect.addEventListener('change', () => {
    view.status = statusSelect.value as TableView['status'];
    remember();
    renderTable();
  });
  statusSelect.value = view.status;

  onHostMessage((message) => {
    if (banner.handle(message)) return;
    switch (message.type) {
      case 'busy':
        progress.hidden = false;
        (progress.children[1] as HTMLElement).textContent = message.label ?? 'Loading…';
        break;
      case 'overview/progress':
        (progress.children[1] as HTMLElement).textContent = `Loading keys: ${message.done} of ${message.total} users (${message.label})`;
        break;
      case 'idle':
        progress.hidden = true;
        break;
      case 'overview/data':
        data = message;
        document.getElementById('policy')!.textContent =
          `Every key of every visible account, by age. Policy: rotate after ${message.policy.maxAgeDays} days; warn ${message.policy.expiryWarningDays} days before expiry.`;
        chartSlot.replaceChildren(ageChart(message.rows, message.policy.maxAgeDays));
        if (message.cancelled)
          banner.notice('Loading was cancelled: the chart and table show only the keys read before that. Press Reload for all.');
        else if (message.problems.length > 0) banner.error(`Some keys could not be read: ${message.problems.join('; ')}`);
        else banner.clear();
        renderTable();
        break;
      default:
        break;
    }
  });
}
