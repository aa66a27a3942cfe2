import { sleep } from '../../clouds/shared/retry';
import type { CloudProvider } from '../../clouds/provider';
import { CloudError, isCloudError } from '../../model/cloudError';
import type { Secret } from '../../model/secret';
import type { AccessKey } from '../../model/types';
import { createNewKey } from './createStep';
import { renewOldKey } from './renewStep';
import { Cancelled, errorCode, errorMessage } from './engineErrors';
import type { KeyRotationOutcome, RotationDeps, RotationOutcome, RunOptions } from './engineTypes';
import type { JournalEntry } from './journal';
import { readKeySecret } from '../keySecret';
import { toKeyIdentity } from './planner';
import { ROTATION_STEPS, type KeyIdentity, type KeyRotationPlan, type RotationPlan, type RotationStep } from './types';

const DAY_MS = 86_400_000;

export type {
  ExportRepointer,
  KeyOutcomeStatus,
  KeyRotationOutcome,
  RotationDeps,
  RotationOutcome,
  RotationVault,
  RunOptions,
  StepEvent,
  StepPhase,
} from './engineTypes';

function stamp(now: number): string {
  return new Date(now).toISOString();
}

/** True where the user chose to delete the old key itself to make room under the per-user limit. */
function oldDeletedFirst(entry: JournalEntry): boolean {
  return entry.makeRoom?.id === entry.oldKey.id;
}

function asKey(entry: JournalEntry, ref: KeyIdentity): Pick<AccessKey, 'accountId' | 'kind' | 'id'> {
  return { accountId: entry.accountId, kind: ref.kind, id: ref.id };
}

/**
 * Runs key rotations step by step, writing each finished step to the journal, so that a failure, a
 * cancellation or a closed window leaves a rotation that `resume` finishes or `rollback` undoes.
 * Safety rules it keeps whatever happens: the new secret is stored before anything else; the old
 * key is never deactivated or deleted before the new key is stored and verified (unless the user
 * chose, in the plan, to delete it first to make room at the per-user limit); the per-user limit
 * is checked before every creation; a rollback never deletes the only working key.
 */
export class RotationEngine {
  constructor(private readonly deps: RotationDeps) {}

  #now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Writes every item to the journal as planned, then rotates them one after another; stops at the first failure or cancellation. */
  async run(plan: RotationPlan, options: RunOptions = {}): Promise<RotationOutcome> {
    const started = stamp(this.#now());
    for (const item of plan.items) await this.deps.journal.put(this.#entryOf(item, started));
    const outcomes: KeyRotationOutcome[] = [];
    let stopped = false;
    for (const item of plan.items) {
      if (stopped) {
        outcomes.push({ rotationId: item.id, oldKeyId: item.oldKey.id, status: 'not-started' });
        continue;
      }
      const outcome = await this.resume(item.id, options);
      outcomes.push(outcome);
      if (outcome.status === 'failed' || outcome.status === 'cancelled') stopped = true;
    }
    return { items: outcomes };
  }

  /** Unfinished rotations (planned, failed, cancelled, or waiting to delete the old key). */
  pending(): JournalEntry[] {
    return this.deps.journal.entries();
  }

  /** Rotations waiting out their grace period whose time has come. */
  due(): JournalEntry[] {
    const now = this.#now();
    return this.pending().filter((e) => e.status === 'waiting-delete' && e.deleteAfter !== undefined && Date.parse(e.deleteAfter) <= now);
  }

  /** Continues a rotation from the first step its journal entry does not list as done. */
  async resume(rotationId: string, options: RunOptions = {}): Promise<KeyRotationOutcome> {
    let entry = this.deps.journal.get(rotationId);
    if (!entry) throw new Error(`No unfinished rotation with id ${rotationId}; it may have finished in another window.`);
    entry = await this.#save({ ...entry, status: 'running', lastError: undefined });
    const provider = await this.deps.provider(entry.accountId);
    let step: RotationStep | undefined;
    try {
      for (step of ROTATION_STEPS) {
        if (entry.completed.includes(step)) continue;
        if (options.signal?.aborted) throw new Cancelled();
        options.onStep?.({ rotationId, oldKeyId: entry.oldKey.id, step, phase: 'started' });
        const result = await this.#runStep(step, entry, provider, options);
        entry = result.entry;
        if (result.waiting) {
          entry = await this.#save({ ...entry, status: 'waiting-delete' });
          options.onStep?.({ rotationId, oldKeyId: entry.oldKey.id, step, phase: 'skipped', detail: result.detail });
          return {
            rotationId,
            oldKeyId: entry.oldKey.id,
            newKeyId: entry.newKey?.id,
            status: 'waiting-delete',
            deleteAfter: new Date(entry.deleteAfter!),
            exportsUpdated: entry.updatedExports?.length ?? 0,
          };
        }
        entry = await this.#save({ ...entry, completed: [...entry.completed, step] });
        options.onStep?.({
          rotationId,
          oldKeyId: entry.oldKey.id,
          step,
          phase: result.skipped ? 'skipped' : 'finished',
          detail: result.detail,
        });
      }
      await this.deps.journal.remove(rotationId);
      this.deps.logger.info(`Rotation ${rotationId}: key ${entry.oldKey.id} of ${entry.userName} replaced by ${entry.newKey?.id ?? '?'}`);
      return {
        rotationId,
        oldKeyId: entry.oldKey.id,
        newKeyId: entry.newKey?.id,
        status: 'done',
        exportsUpdated: entry.updatedExports?.length ?? 0,
      };
    } catch (error) {
      const cancelled = error instanceof Cancelled || (isCloudError(error) && error.code === 'cancelled');
      const latest = this.deps.journal.get(rotationId) ?? entry;
      const failedStep = step ?? 'preflight';
      await this.#save({
        ...latest,
        status: cancelled ? 'cancelled' : 'failed',
        lastError: { step: failedStep, code: errorCode(error), message: errorMessage(error) },
      });
      options.onStep?.({ rotationId, oldKeyId: latest.oldKey.id, step: failedStep, phase: 'failed', detail: errorMessage(error) });
      this.deps.logger.warn(`Rotation ${rotationId} stopped at ${failedStep}: ${errorMessage(error)}`);
      return {
        rotationId,
        oldKeyId: latest.oldKey.id,
        newKeyId: latest.newKey?.id,
        status: cancelled ? 'cancelled' : 'failed',
        step: failedStep,
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
  }

  /**
   * Undoes an unfinished rotation: exports go back to the old key, the old key is reactivated, and
   * the new key is deleted, but only once the old key is listed as active again, so the user is
   * never left without a working key. Impossible once the old key is deleted (finish it instead).
   */
  async rollback(rotationId: string, options: Pick<RunOptions, 'onStep' | 'signal'> = {}): Promise<KeyRotationOutcome> {
    const entry = this.deps.journal.get(rotationId);
    if (!entry) throw new Error(`No unfinished rotation with id ${rotationId}; it may have finished in another window.`);
    if (entry.mode === 'renew' && entry.completed.includes('create')) {
      throw new CloudError(
        'conflict',
        `Key ${entry.oldKey.id} was renewed: its old secret no longer exists, so this rotation can only be finished.`,
        { cloud: entry.cloud },
      );
    }
    if (entry.completed.includes('delete-old') || (oldDeletedFirst(entry) && entry.completed.includes('make-room'))) {
      throw new CloudError('conflict', `The old key ${entry.oldKey.id} is already deleted; this rotation can only be finished.`, {
        cloud: entry.cloud,
      });
    }
    const emit = (detail: string) =>
      options.onStep?.({ rotationId, oldKeyId: entry.oldKey.id, step: 'rollback', phase: 'finished', detail });
    const provider = await this.deps.provider(entry.accountId);
    const keys = await provider.listKeys(entry.userId, options.signal);
    let old = keys.find((k) => k.id === entry.oldKey.id && k.kind === entry.oldKey.kind);
    if (!old) {
      throw new CloudError(
        'not-found',
        `The old key ${entry.oldKey.id} no longer exists, so rolling back would leave ${entry.userName} without it. Resume the rotation instead.`,
        {
          cloud: entry.cloud,
        },
      );
    }
    if (entry.updatedExports?.length) {
      const oldSecret = await this.#secretOf(provider, entry, old, options.signal);
      if (!oldSecret) {
        throw new CloudError(
          'conflict',
          `Exports now use the new key and the old key's secret is not stored here, so they cannot be switched back. Resume the rotation instead.`,
          {
            cloud: entry.cloud,
          },
        );
      }
      if (entry.newKey) await this.deps.exports.repoint(entry.accountId, entry.newKey.id, old, oldSecret, options.signal);
      emit(`Exports point at ${old.id} again.`);
    }
    if (old.state !== 'active' && provider.capabilities(old.kind).canDeactivate) {
      old = await provider.updateKey(old, { state: 'active' }, options.signal);
      emit(`Reactivated ${old.id}.`);
    }
    const oldWorks = old.state === 'active';
    // The new key, and any key made by an interrupted attempt whose secret is stored here (proof it is ours).
    const ours = new Set<string>();
    if (entry.newKey) ours.add(entry.newKey.id);
    for (const key of keys) {
      if (key.kind !== entry.oldKey.kind || !entry.keysBeforeCreate || entry.keysBeforeCreate.includes(key.id)) continue;
      if (await this.deps.vault.getKeySecret(key)) ours.add(key.id);
    }
    const kept: string[] = [];
    for (const key of keys.filter((k) => ours.has(k.id))) {
      if (!oldWorks) {
        kept.push(key.id);
        continue;
      }
      await provider.deleteKey(key, options.signal);
      await this.deps.vault.deleteKeySecret(key);
      emit(`Deleted the new key ${key.id}.`);
    }
    if (kept.length > 0) {
      await this.#save({
        ...entry,
        status: 'failed',
        lastError: {
          step: 'create',
          code: 'conflict',
          message: `The old key ${old.id} is not active, so the new key ${kept.join(', ')} was kept.`,
        },
      });
      throw new CloudError(
        'conflict',
        `The old key ${old.id} is ${old.state}, so the new key ${kept.join(', ')} was kept: it is ${entry.userName}'s only working key.`,
        { cloud: entry.cloud },
      );
    }
    await this.deps.journal.remove(rotationId);
    this.deps.logger.info(`Rotation ${rotationId}: rolled back; key ${old.id} of ${entry.userName} kept`);
    return { rotationId, oldKeyId: old.id, status: 'rolled-back' };
  }

  /** Forgets a rotation without touching any key (for one finished or undone by hand). */
  async forget(rotationId: string): Promise<void> {
    await this.deps.journal.remove(rotationId);
  }

  #entryOf(item: KeyRotationPlan, started: string): JournalEntry {
    return {
      version: 1,
      id: item.id,
      accountId: item.accountId,
      accountLabel: item.accountLabel,
      cloud: item.cloud,
      userId: item.userId,
      userName: item.userName,
      oldKey: item.oldKey,
      ...(item.makeRoom ? { makeRoom: item.makeRoom } : {}),
      ...(item.mode ? { mode: item.mode } : {}),
      deactivateOld: item.deactivateOld,
      grace: item.grace,
      newKeySpec: item.newKey,
      notes: [...item.notes],
      status: 'planned',
      completed: [],
      startedAt: started,
      updatedAt: started,
    };
  }

  async #save(entry: JournalEntry): Promise<JournalEntry> {
    const next = { ...entry, updatedAt: stamp(this.#now()) };
    if (next.lastError === undefined) delete next.lastError;
    await this.deps.journal.put(next);
    return next;
  }

  async #secretOf(provider: CloudProvider, entry: JournalEntry, key: AccessKey, signal?: AbortSignal): Promise<Secret | undefined> {
    return readKeySecret(this.deps.vault, asKey(entry, key), { provider: () => provider, fullKey: () => key, run: (read) => read(signal) });
  }

  async #runStep(
    step: RotationStep,
    entry: JournalEntry,
    provider: CloudProvider,
    options: RunOptions,
  ): Promise<{ entry: JournalEntry; skipped?: boolean; waiting?: boolean; detail?: string }> {
    const signal = options.signal;
    const kindKeys = async () => (await provider.listKeys(entry.userId, signal)).filter((k) => k.kind === entry.oldKey.kind);
    switch (step) {
      case 'preflight': {
        const caps = provider.capabilities(entry.oldKey.kind);
        if (caps.maxKeysPerUser <= 0)
          throw new CloudError('invalid', `${entry.cloud} has no keys of kind ${entry.oldKey.kind} to rotate.`, { cloud: entry.cloud });
        // Listing proves the account's own credentials work before anything changes.
        const keys = await kindKeys();
        if (!keys.some((k) => k.id === entry.oldKey.id)) {
          throw new CloudError(
            'not-found',
            `Key ${entry.oldKey.id} of ${entry.userName} no longer exists, so there is nothing to rotate. Forget this rotation.`,
            { cloud: entry.cloud },
          );
        }
        // A renewal adds no key: the limit does not matter.
        if (entry.mode === 'renew') return { entry, detail: `Key ${entry.oldKey.id} is there; the credentials work.` };
        const roomMade = entry.makeRoom && keys.some((k) => k.id === entry.makeRoom!.id) ? 1 : 0;
        if (keys.length - roomMade >= caps.maxKeysPerUser) {
          throw new CloudError(
            'quota',
            `${entry.userName} has ${keys.length} of ${caps.maxKeysPerUser} keys allowed (${keys.map((k) => k.id).join(', ')}): delete one, then resume.`,
            { cloud: entry.cloud },
          );
        }
        return { entry, detail: `${entry.userName} has ${keys.length} of ${caps.maxKeysPerUser} keys; the credentials work.` };
      }
      case 'make-room': {
        if (!entry.makeRoom) return { entry, skipped: true };
        const caps = provider.capabilities(entry.oldKey.kind);
        const keys = await kindKeys();
        const victim = keys.find((k) => k.id === entry.makeRoom!.id);
        if (!victim || keys.length < caps.maxKeysPerUser) return { entry, skipped: true, detail: 'There is room already.' };
        // The user chose this key in the plan; it may be the old key itself (then everything using it stops until the switch).
        await provider.deleteKey(victim, signal);
        await this.deps.vault.deleteKeySecret(victim);
        return {
          entry,
          detail: victim.id === entry.oldKey.id ? `Deleted the old key ${victim.id} to make room.` : `Deleted ${victim.id} to make room.`,
        };
      }
      case 'create': {
        if (entry.mode === 'renew') return renewOldKey(this.deps, (next) => this.#save(next), entry, provider, signal);
        const caps = provider.capabilities(entry.oldKey.kind);
        const keys = await kindKeys();
        if (entry.keysBeforeCreate) {
          // A previous attempt may have created a key whose answer never arrived: adopt it or clean it up.
          const strays = keys.filter((k) => !entry.keysBeforeCreate!.includes(k.id) && k.id !== entry.newKey?.id);
          for (const stray of strays) {
            const secret = entry.newKey ? undefined : await this.#secretOf(provider, entry, stray, signal);
            if (secret) {
              await this.deps.vault.storeKeySecret(stray, secret);
              const adopted = await this.#save({ ...entry, newKey: toKeyIdentity(stray) });
              return { entry: adopted, detail: `Found the key ${stray.id} created by the interrupted attempt; its secret is stored.` };
            }
            // Nothing proves the key is ours (another tool may have made it), so it is left alone.
            this.deps.logger.warn(
              `Rotation ${entry.id}: key ${stray.id} appeared while an earlier attempt's answer was lost; its secret is unknown here, so it is left alone.`,
            );
          }
        }
        if (entry.newKey) return { entry, skipped: true };
        const fresh = await kindKeys();
        if (fresh.length >= caps.maxKeysPerUser) {
          throw new CloudError(
            'quota',
            `${entry.userName} has ${fresh.length} of ${caps.maxKeysPerUser} keys allowed: delete one, then resume.`,
            { cloud: entry.cloud },
          );
        }
        return createNewKey(
          this.deps,
          (next) => this.#save(next),
          entry,
          provider,
          fresh.map((k) => k.id),
          signal,
        );
      }
      case 'verify': {
        const newKey = await this.#newKey(entry, provider, signal);
        const secret = await this.#secretOf(provider, entry, newKey, signal);
        if (!secret) {
          throw new CloudError(
            'conflict',
            `The secret of the new key ${newKey.id} is not in secret storage, so it cannot be verified or used. Roll this rotation back.`,
            {
              cloud: entry.cloud,
            },
          );
        }
        const attempts = Math.max(1, this.deps.verifyAttempts ?? 3);
        for (let attempt = 1; ; attempt += 1) {
          let ok = false;
          try {
            ok = await provider.verifyKey(newKey, secret, signal);
          } catch (error) {
            if (!isCloudError(error) || !error.retryable || attempt >= attempts) throw error;
          }
          if (ok) return { entry, detail: `${newKey.id} works.` };
          if (attempt >= attempts) {
            throw new CloudError(
              'auth',
              `The new key ${newKey.id} was not accepted after ${attempts} attempts. Resume to try again later, or roll back.`,
              { cloud: entry.cloud },
            );
          }
          await sleep(this.deps.verifyDelayMs ?? 2_000, signal);
        }
      }
      case 'update-exports': {
        this.#assertVerified(entry);
        const newKey = await this.#newKey(entry, provider, signal);
        const secret = await this.#secretOf(provider, entry, newKey, signal);
        if (!secret)
          throw new CloudError('conflict', `The secret of the new key ${newKey.id} is no longer in secret storage.`, {
            cloud: entry.cloud,
          });
        const changed = await this.deps.exports.repoint(entry.accountId, entry.oldKey.id, newKey, secret, signal);
        const all = [...new Set([...(entry.updatedExports ?? []), ...changed])];
        return {
          entry: { ...entry, updatedExports: all },
          skipped: changed.length === 0,
          detail: changed.length ? `Updated ${changed.length} export(s).` : 'No exports of the old key.',
        };
      }
      case 'deactivate-old': {
        this.#assertVerified(entry);
        if (entry.mode === 'renew') return { entry, skipped: true, detail: 'Renewed in place: the old secret stopped working at once.' };
        if (!entry.deactivateOld || !provider.capabilities(entry.oldKey.kind).canDeactivate) return { entry, skipped: true };
        const old = (await kindKeys()).find((k) => k.id === entry.oldKey.id);
        if (!old || old.state === 'inactive') return { entry: { ...entry, oldDeactivated: !!old }, skipped: true };
        await provider.updateKey(old, { state: 'inactive' }, signal);
        return { entry: { ...entry, oldDeactivated: true }, detail: `Deactivated ${old.id}.` };
      }
      case 'delete-old': {
        this.#assertVerified(entry);
        // The renewed key is the old key: it stays.
        if (entry.mode === 'renew') return { entry, skipped: true, detail: 'Renewed in place: nothing to delete.' };
        if (oldDeletedFirst(entry)) return { entry, skipped: true, detail: 'The old key was deleted first to make room.' };
        if (entry.grace.kind === 'later' && !options.deleteNow) {
          const deleteAfter = entry.deleteAfter ?? stamp(this.#now() + entry.grace.days * DAY_MS);
          if (Date.parse(deleteAfter) > this.#now()) {
            return { entry: { ...entry, deleteAfter }, waiting: true, detail: `The old key is deleted after ${deleteAfter.slice(0, 10)}.` };
          }
        }
        const old = (await kindKeys()).find((k) => k.id === entry.oldKey.id);
        if (old) await provider.deleteKey(old, signal);
        await this.deps.vault.deleteKeySecret(asKey(entry, entry.oldKey));
        return { entry, skipped: !old, detail: old ? `Deleted ${old.id}.` : 'The old key was already gone.' };
      }
    }
  }

  #assertVerified(entry: JournalEntry): void {
    if (!entry.newKey || !entry.completed.includes('verify')) {
      throw new Error(`Rotation ${entry.id}: refusing to touch the old key before the new one is stored and verified.`);
    }
  }

  async #newKey(entry: JournalEntry, provider: CloudProvider, signal?: AbortSignal): Promise<AccessKey> {
    if (!entry.newKey) throw new CloudError('conflict', 'The rotation has no new key yet.', { cloud: entry.cloud });
    const found = (await provider.listKeys(entry.userId, signal)).find((k) => k.id === entry.newKey!.id && k.kind === entry.newKey!.kind);
    if (!found)
      throw new CloudError('not-found', `The new key ${entry.newKey.id} no longer exists at ${entry.cloud}. Roll this rotation back.`, {
        cloud: entry.cloud,
      });
    return found;
  }
}
