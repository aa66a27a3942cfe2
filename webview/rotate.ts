// The Rotate form: which keys, the grace period, the plan; then each step live, and what changed.
import type { Grace, HostToWebview, KeyView, MakeRoom, PlanItem, RoomChoice } from '../src/webview/protocol';
import { Banner } from './shared/banner';
import { h } from './shared/dom';
import { onHostMessage, post } from './shared/vscodeApi';

type Setup = Extract<HostToWebview, { type: 'rotate/setup' }>;
type Plan = Extract<HostToWebview, { type: 'rotate/plan' }>;
type Step = Extract<HostToWebview, { type: 'rotate/step' }>;
type Outcome = Extract<HostToWebview, { type: 'rotate/outcome' }>;
type Checkable = HTMLElement & { checked: boolean; value: string };

const GRACES: [string, string, Grace][] = [
  ['now', 'Delete the old key as soon as the new one works', { kind: 'now' }],
  ['1', 'Keep the old key 1 day, then delete it', { kind: 'later', days: 1 }],
  ['7', 'Keep the old key 7 days, then delete it', { kind: 'later', days: 7 }],
  ['30', 'Keep the old key 30 days, then delete it', { kind: 'later', days: 30 }],
];

/** What a step shows, as a mark and as words for a screen reader. */
const STATES: Record<string, [string, string]> = {
  pending: ['○', 'to do'],
  started: ['◐', 'running'],
  finished: ['✓', 'done'],
  skipped: ['–', 'skipped'],
  failed: ['✗', 'failed'],
};

/** How each kind of candidate is introduced, safest first. */
const ROOM_KINDS: Record<RoomChoice['candidates'][number]['choice'], string> = {
  inactive: 'Inactive key',
  'rotated-key': 'The key being rotated (downtime until you switch)',
  'other-active': 'Another active key',
};

function graceKey(grace: Grace): string {
  return grace.kind === 'now' ? 'now' : String(grace.days);
}

function ageOf(key: KeyView): string {
  if (!key.createdAt) return 'age unknown';
  const days = Math.floor((Date.now() - Date.parse(key.createdAt)) / 86_400_000);
  return `${days} day${days === 1 ? '' : 's'} old`;
}

export function startRotate(app: HTMLElement): void {
  const banner = new Banner();
  let plan: Plan | undefined;
  let running = false;
  const lead = h('p', { class: 'lead' }, 'Loading the keys…');
  const keyList = h('div', { id: 'keys', class: 'key-choices', role: 'group', 'aria-labelledby': 'keys-title' });
  const grace: HTMLElement = h('vscode-radio-group', { id: 'grace', variant: 'vertical', 'aria-labelledby': 'grace-title' });
  const planBody = h('div', { id: 'plan', 'aria-live': 'polite' });
  /** The required "make room" fields, one per key at the per-user limit. */
  const roomBody = h('div', { id: 'room' });
  let userName = '';
  const start = h(
    'vscode-button',
    { id: 'start', disabled: true, onclick: () => plan && !running && post({ type: 'rotate/start', planId: plan.planId }) },
    'Rotate',
  );
  const cancel = h('vscode-button', { id: 'cancel', secondary: true, hidden: true, onclick: () => post({ type: 'cancel' }) }, 'Cancel');
  const progress = h('div', { class: 'progress', hidden: true, role: 'status' }, h('vscode-progress-ring'), h('span', {}, ''));
  const outcome = h('section', { id: 'outcome', class: 'result', hidden: true, 'aria-labelledby': 'outcome-title' });
  const choose = h(
    'div',
    { class: 'form' },
    h('h2', { id: 'keys-title' }, 'Keys to rotate'),
    keyList,
    h('h2', { id: 'grace-title' }, 'Grace period'),
    grace,
  );
  app.append(
    h('h1', { id: 'title' }, 'Rotate Keys'),
    lead,
    banner.element,
    choose,
    roomBody,
    h('h2', { id: 'plan-title' }, 'Plan'),
    planBody,
    h('div', { class: 'actions' }, start, cancel),
    progress,
    outcome,
  );
  for (const [value, label] of GRACES) grace.append(h('vscode-radio', { name: 'grace', value, label }));

  const checkboxes = () => [...keyList.querySelectorAll('vscode-checkbox')] as Checkable[];
  const chosenGrace = (): Grace => {
    const checked = ([...grace.querySelectorAll('vscode-radio')] as Checkable[]).find((r) => r.checked)?.value ?? '7';
    return GRACES.find(([value]) => value === checked)?.[2] ?? { kind: 'later', days: 7 };
  };

  const roomRadios = () => [...roomBody.querySelectorAll('vscode-radio')] as Checkable[];
  const chosenRoom = (): MakeRoom[] =>
    roomRadios()
      .filter((r) => r.checked)
      .map((r) => ({ keyId: r.getAttribute('data-for') ?? '', deleteKeyId: r.value }))
      .filter((m) => m.keyId !== '');

  function ask(): void {
    if (running) return;
    start.setAttribute('disabled', '');
    outcome.hidden = true;
    post({
      type: 'rotate/choose',
      keyIds: checkboxes()
        .filter((c) => c.checked)
        .map((c) => c.value),
      grace: chosenGrace(),
      makeRoom: chosenRoom(),
    });
  }
  keyList.addEventListener('change', ask);
  grace.addEventListener('change', ask);

  function showSetup(setup: Setup): void {
    userName = setup.user;
    lead.textContent = `Keys of ${setup.user} in ${setup.account} (${setup.cloudName}). The new key's secret goes to VS Code secret storage before any old key is touched.`;
    keyList.replaceChildren(
      ...setup.keys.map((key) =>
        h('vscode-checkbox', {
          value: key.id,
          checked: setup.selected.includes(key.id),
          label: `${key.displayName ? `${key.displayName} (${key.id})` : key.id} · ${key.state} · ${ageOf(key)}`,
        }),
      ),
    );
    if (setup.keys.length === 0) keyList.append(h('p', {}, 'This user has no keys to rotate.'));
    for (const radio of [...grace.querySelectorAll('vscode-radio')] as Checkable[]) radio.checked = radio.value === graceKey(setup.grace);
  }

  function stepRow(item: PlanItem, step: PlanItem['steps'][number], index: number): HTMLElement {
    const [mark, words] = STATES.pending;
    return h(
      'li',
      { class: 'step', 'data-rotation': item.rotationId, 'data-step': step.step, 'data-state': 'pending' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
      h('span', { class: 'visually-hidden state-words' }, `${words}: `),
      h('strong', {}, `${index + 1}. ${step.label}`),
      ' ',
      h('span', { class: 'step-detail' }, step.detail),
    );
  }

  /** A required choice with no default: the key to delete first, safest first, each with what stops working. */
  function roomField(room: RoomChoice, index: number): HTMLElement {
    const chosen = room.candidates.find((c) => c.keyId === room.chosen);
    const group: HTMLElement = h('vscode-radio-group', {
      class: 'room-choice',
      variant: 'vertical',
      'aria-labelledby': `room-title-${index}`,
      'aria-required': 'true',
    });
    for (const candidate of room.candidates) {
      group.append(
        h('vscode-radio', {
          name: `room-${index}`,
          value: candidate.keyId,
          'data-for': room.keyId,
          'data-choice': candidate.choice,
          checked: candidate.keyId === room.chosen,
          label: `${ROOM_KINDS[candidate.choice]}: ${candidate.summary}`,
        }),
      );
    }
    group.addEventListener('change', ask);
    return h(
      'section',
      { class: 'room', 'data-key': room.keyId },
      h('h2', { id: `room-title-${index}` }, `Make room for ${room.key} (required)`),
      h(
        'p',
        {},
        `${userName} has ${room.used} of ${room.limit} keys allowed. To rotate ${room.key}, one key must be deleted first. Choose which; nothing is deleted unless you choose.`,
      ),
      group,
      h(
        'p',
        { class: 'room-stops', role: chosen ? 'alert' : undefined },
        chosen ? `What stops working: ${chosen.stops}` : 'No key chosen: this key is not rotated.',
      ),
    );
  }

  function showPlan(message: Plan): void {
    plan = message;
    roomBody.replaceChildren(...message.room.map(roomField));
    planBody.replaceChildren(
      ...message.items.map((item, i) =>
        h(
          'section',
          { class: 'plan-item', 'aria-label': `Rotation ${i + 1}: ${item.oldKey}` },
          h('h3', {}, `${i + 1}. Rotate ${item.oldKey}`),
          h('ol', { class: 'steps' }, ...item.steps.map((step, n) => stepRow(item, step, n))),
          h(
            'dl',
            { class: 'attributes' },
            h('dt', {}, 'Created'),
            h('dd', {}, item.creates),
            item.makeRoom && h('dt', {}, 'Deleted first'),
            item.makeRoom && h('dd', {}, item.makeRoom),
            h('dt', {}, 'Deactivated'),
            h(
              'dd',
              {},
              item.deactivates ?? 'Nothing: this kind of key cannot be deactivated; the old key stays active until it is deleted.',
            ),
            h('dt', {}, 'Deleted'),
            h('dd', {}, item.deletes),
            h('dt', {}, 'Exports updated'),
            h(
              'dd',
              { class: 'exports' },
              item.exports.length === 0
                ? 'None: Cloud Keys made no export of this key.'
                : h('ul', {}, ...item.exports.map((e) => h('li', {}, e))),
            ),
          ),
        ),
      ),
      ...message.blocked.map((b) => h('p', { class: 'error', role: 'alert' }, `Not rotated: ${b.keyId}: ${b.reason}`)),
    );
    if (message.items.length === 0 && message.blocked.length === 0 && message.room.length === 0)
      planBody.append(h('p', { class: 'lead' }, 'Tick the keys to rotate.'));
    if (message.items.length > 0 && !running) start.removeAttribute('disabled');
    else start.setAttribute('disabled', '');
    start.textContent = message.items.length > 1 ? `Rotate ${message.items.length} Keys` : 'Rotate';
  }

  function showStep(step: Step): void {
    const row = planBody.querySelector(`li.step[data-rotation="${CSS.escape(step.rotationId)}"][data-step="${CSS.escape(step.step)}"]`);
    if (row) {
      const [mark, words] = STATES[step.phase];
      row.setAttribute('data-state', step.phase);
      (row.querySelector('.mark') as HTMLElement).textContent = mark;
      (row.querySelector('.state-words') as HTMLElement).textContent = `${words}: `;
      if (step.detail) (row.querySelector('.step-detail') as HTMLElement).textContent = step.detail;
    }
    if (step.phase === 'started')
      (progress.lastElementChild as HTMLElement).textContent = `${row?.querySelector('strong')?.textContent ?? step.step}…`;
  }

  function showOutcome(message: Outcome): void {
    const ok = message.items.every((i) => i.status === 'done' || i.status === 'waiting-delete');
    outcome.replaceChildren(
      h('h2', { id: 'outcome-title' }, ok ? 'Rotation finished' : 'Rotation stopped'),
      h('p', {}, message.summary),
      h(
        'ul',
        { class: 'outcomes' },
        ...message.items.map((item): HTMLElement =>
          h(
            'li',
            { class: `outcome ${item.status}`, 'data-status': item.status },
            item.summary,
            ' ',
            item.newKey &&
              h(
                'vscode-button',
                { secondary: true, onclick: () => post({ type: 'open-details', key: item.newKey! }) },
                `Show ${item.newKey.keyId}`,
              ),
          ),
        ),
      ),
      ...(ok
        ? []
        : [h('div', { class: 'actions' }, h('vscode-button', { onclick: () => post({ type: 'rotate/resume' }) }, 'Resume Rotations…'))]),
    );
    outcome.hidden = false;
    // The plan shown above has run; changing the keys or the grace period plans anew.
    start.setAttribute('disabled', '');
    (outcome.querySelector('h2') as HTMLElement).setAttribute('tabindex', '-1');
    (outcome.querySelector('h2') as HTMLElement).focus({ preventScroll: true });
    // The outcome at the bottom of the view, with the finished steps above it.
    outcome.scrollIntoView({ block: 'end' });
  }

  function busy(label: string | undefined): void {
    running = true;
    progress.hidden = false;
    (progress.lastElementChild as HTMLElement).textContent = label ?? 'Working…';
    cancel.hidden = false;
    start.setAttribute('disabled', '');
    for (const c of [...checkboxes(), ...grace.querySelectorAll('vscode-radio'), ...roomRadios()] as HTMLElement[])
      c.setAttribute('disabled', '');
  }

  function idle(): void {
    running = false;
    progress.hidden = true;
    cancel.hidden = true;
    for (const c of [...checkboxes(), ...grace.querySelectorAll('vscode-radio'), ...roomRadios()] as HTMLElement[])
      c.removeAttribute('disabled');
  }

  onHostMessage((message) => {
    if (banner.handle(message)) return;
    switch (message.type) {
      case 'rotate/setup':
        showSetup(message);
        break;
      case 'rotate/plan':
        banner.clear();
        showPlan(message);
        break;
      case 'rotate/step':
        showStep(message);
        break;
      case 'rotate/outcome':
        showOutcome(message);
        break;
      case 'busy':
        busy(message.label);
        break;
      case 'idle':
        idle();
        break;
      default:
        break;
    }
  });
}
