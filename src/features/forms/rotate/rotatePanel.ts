import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../commands/commandIds';
import { showUnstoredRotationSecret } from '../../../commands/unstoredSecret';
import { CloudError } from '../../../model/cloudError';
import type { AccessKey, Account, CloudUser } from '../../../model/types';
import { SecretNotStoredError } from '../../../operations/keyOperations';
import type { RotationPlan, StepEvent } from '../../../operations/rotation';
import { planFor } from '../../rotation/rotationPlanning';
import type { FeatureServices } from '../../../services/featureServices';
import type { RotationService } from '../../rotation/rotationService';
import { CLOUD_NAMES } from '../../../views/cloudNames';
import { handleKeyAction } from '../keyActions';
import type { PanelController, PanelHost } from '../../../webview/panelHost';
import type { Grace, HostToWebview, KeyAddress, MakeRoom, WebviewToHost } from '../../../webview/protocol';
import { toKeyView } from '../../../webview/shared/keyView';
import { outcomeItemView, outcomeSummary, planView } from './rotatePlanView';

/** Whose keys the form rotates, and which are ticked when it opens. */
export interface RotateTarget {
  readonly accountId: string;
  readonly userId: string;
  readonly keyIds?: readonly string[];
}

type Message<T extends HostToWebview['type']> = Extract<HostToWebview, { type: T }>;

/**
 * The Rotate form: the keys of one user with the ones to rotate ticked, the grace period, the
 * plan the engine will run (steps in order, what is created, deactivated and deleted, which exports
 * are rewritten), then each step live as the engine reports it, with Cancel, and what changed.
 * It keeps all of that (ids and sentences only) so a page shown again after being hidden shows it.
 */
export class RotateController implements PanelController {
  #account: Account | undefined;
  #user: CloudUser | undefined;
  #keys: AccessKey[] = [];
  #selected: string[] = [];
  #grace: Grace = { kind: 'later', days: 7 };
  /** The user's answers to "which key to delete to make room", per key to rotate. */
  #makeRoom: MakeRoom[] = [];
  #plan: { id: string; plan: RotationPlan; message: Message<'rotate/plan'> } | undefined;
  #steps: Message<'rotate/step'>[] = [];
  #outcome: Message<'rotate/outcome'> | undefined;
  #abort: AbortController | undefined;
  /** A plan runs once; the page shows it with its steps afterwards, but it cannot be started again. */
  #ranPlanId: string | undefined;

  constructor(
    private readonly host: PanelHost,
    private readonly s: FeatureServices,
    private readonly rotation: RotationService,
    private target: RotateTarget,
    private readonly openDetails: (ref: KeyAddress) => unknown,
  ) {
    this.#selected = [...(target.keyIds ?? [])];
  }

  get running(): boolean {
    return this.#abort !== undefined;
  }

  /** Opened again for another key or user: start over with it, unless a rotation is running. */
  retarget(target: RotateTarget): void {
    if (this.running) return;
    this.target = target;
    this.#selected = [...(target.keyIds ?? [])];
    this.#makeRoom = [];
    this.#account = undefined;
    this.#plan = undefined;
    this.#steps = [];
    this.#outcome = undefined;
    void this.onReady().catch((error: unknown) => this.host.fail('Opening the Rotate form', error));
  }

  async onReady(): Promise<void> {
    if (!this.#account) await this.#load();
    this.#postSetup();
    if (this.#plan) this.host.post(this.#plan.message);
    for (const step of this.#steps) this.host.post(step);
    if (this.#outcome) this.host.post(this.#outcome);
    if (this.running) this.host.post({ type: 'busy', label: vscode.l10n.t('Rotating…'), cancellable: true });
  }

  async onMessage(message: WebviewToHost): Promise<void> {
    if (await handleKeyAction(message, this.s, this.host, this.openDetails)) return;
    switch (message.type) {
      case 'rotate/choose':
        if (this.running) return;
        this.#selected = message.keyIds.filter((id) => this.#keys.some((k) => k.id === id));
        this.#grace = message.grace;
        this.#makeRoom = (message.makeRoom ?? []).filter(
          (m) => this.#selected.includes(m.keyId) && this.#keys.some((k) => k.id === m.deleteKeyId),
        );
        this.#outcome = undefined;
        this.#steps = [];
        this.#replan();
        return;
      case 'rotate/start':
        return this.#start(message.planId);
      case 'rotate/resume':
        await vscode.commands.executeCommand(COMMAND_IDS.resumeRotations);
        return;
      case 'cancel':
        this.#abort?.abort();
        return;
      default:
        this.s.logger.warn(`The Rotate panel ignored a ${message.type} message`);
    }
  }

  async #load(): Promise<void> {
    const account = await this.s.registry.find(this.target.accountId);
    if (!account) throw new CloudError('not-found', 'That account is no longer configured. Refresh the Cloud Keys view.');
    const view = await this.s.browser.users(account);
    const user = view.users.find((u) => u.id === this.target.userId) ?? {
      id: this.target.userId,
      accountId: account.id,
      name: this.target.userId,
      isCaller: false,
    };
    this.#keys = await this.s.registry.provider(account).listKeys(user.id);
    this.#account = account;
    this.#user = user;
    this.#selected = this.#selected.filter((id) => this.#keys.some((k) => k.id === id));
    this.host.title = vscode.l10n.t('Rotate Keys of {0}', user.name);
    this.#replan(false);
  }

  #postSetup(): void {
    if (!this.#account || !this.#user) return;
    const account = this.#account;
    this.host.post({
      type: 'rotate/setup',
      account: account.label,
      cloudName: CLOUD_NAMES[account.cloud],
      user: this.#user.name,
      keys: this.#keys.map((k) => toKeyView(k, account)),
      selected: this.#selected,
      grace: this.#grace,
    });
  }

  #replan(post = true): void {
    const account = this.#account;
    const user = this.#user;
    if (!account || !user) return;
    const exportsOf = (accountId: string, keyId: string) => this.rotation.exportsOf(accountId, keyId);
    const plan = planFor(this.s, exportsOf, {
      account,
      user,
      keys: this.#keys.filter((k) => this.#selected.includes(k.id)),
      keysOfUser: this.#keys,
      grace: this.#grace,
      // Only what the user picked in the form's required "make room" field; never a default.
      makeRoom: Object.fromEntries(this.#makeRoom.map((m) => [m.keyId, m.deleteKeyId])),
    });
    const id = randomUUID();
    const message: Message<'rotate/plan'> = { type: 'rotate/plan', planId: id, ...planView(plan, exportsOf) };
    this.#plan = { id, plan, message };
    if (post) this.host.post(message);
  }

  async #start(planId: string): Promise<void> {
    if (this.running) return;
    const shown = this.#plan;
    if (!shown || shown.id !== planId || shown.id === this.#ranPlanId || shown.plan.items.length === 0 || !this.#account || !this.#user) {
      this.host.post({
        type: 'error',
        message: vscode.l10n.t('The plan changed before it started. Check the plan again, then press Rotate.'),
      });
      return;
    }
    const account = this.#account;
    const user = this.#user;
    const abort = new AbortController();
    this.#abort = abort;
    this.#ranPlanId = shown.id;
    this.#steps = [];
    this.#outcome = undefined;
    this.host.post({ type: 'busy', label: vscode.l10n.t('Rotating…'), cancellable: true });
    this.s.logger.info(
      `Rotating ${shown.plan.items.map((i) => i.oldKey.id).join(', ')} of ${user.name} in ${account.label} from the Rotate form`,
    );
    try {
      const onStep = (e: StepEvent) => {
        const step: Message<'rotate/step'> = {
          type: 'rotate/step',
          rotationId: e.rotationId,
          step: e.step,
          phase: e.phase,
          ...(e.detail ? { detail: e.detail } : {}),
        };
        this.#steps.push(step);
        this.host.post(step);
      };
      const outcome = await this.rotation.engine().run(shown.plan, { onStep, signal: abort.signal });
      const items = outcome.items.map((o) =>
        outcomeItemView(
          o,
          shown.plan.items.find((i) => i.id === o.rotationId),
        ),
      );
      this.#outcome = { type: 'rotate/outcome', items, summary: outcomeSummary(items) };
      this.host.post(this.#outcome);
      for (const item of outcome.items) {
        if (item.error instanceof SecretNotStoredError) await showUnstoredRotationSecret(item.error, this.s);
      }
    } finally {
      this.#abort = undefined;
      this.host.post({ type: 'idle' });
      this.s.tree.refresh(this.s.tree.userNode(account, user));
      // The next plan starts from the keys as they are now.
      this.#keys = await this.s.registry
        .provider(account)
        .listKeys(user.id)
        .catch(() => this.#keys);
      this.#selected = this.#selected.filter((id) => this.#keys.some((k) => k.id === id));
      this.#makeRoom = [];
    }
    this.#postSetup();
  }

  dispose(): void {
    this.#abort?.abort();
  }
}
