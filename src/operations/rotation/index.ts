/**
 * Key rotation, cloud-neutral (no `vscode` import).
 *
 * How to rotate, from a command or a webview:
 *
 *   const plan = planRotation({ account, user, keys, keysOfUser, capabilities, grace, now });
 *   // show describePlan(plan) (or plan.items[i].notes) and let the user agree
 *   const engine = new RotationEngine({ provider, vault, exports, journal, logger });
 *   const outcome = await engine.run(plan, {
 *     signal,                                   // abort to cancel between steps; the journal keeps the rest
 *     onStep: (e) => post({ rotationId: e.rotationId, step: e.step, phase: e.phase, detail: e.detail }),
 *   });
 *   // outcome.items[i].status: 'done' | 'waiting-delete' | 'failed' | 'cancelled' | 'not-started'
 *
 * `runRotation(engine, plan, options)` is the same call as a function. Every `StepEvent` and
 * outcome holds ids, step names and sentences only, never a secret, so it may be posted to a
 * webview as is (except `outcome.error`, which may be a `SecretNotStoredError` carrying the new
 * secret so the host can show it once: post `error.message`, never the error object).
 *
 * At the per-user limit a key is planned only with `makeRoom`, the user's choice of the key to
 * delete first; without one it waits in `plan.needsRoom` with the candidates to offer.
 *
 * The steps, per key, in order: preflight → make-room (only the key the user chose, possibly the
 * old key itself) → create (secret stored first) → verify (bounded retries) →
 * update-exports → deactivate-old (where the cloud can) → delete-old (now, or after the grace
 * period). After each step the journal (`RotationJournal`, over any `JournalStorage`) records it;
 * `engine.pending()` lists unfinished rotations, `engine.resume(id)` continues one and
 * `engine.rollback(id)` undoes one without ever deleting the only working key.
 */
export {
  RotationEngine,
  type ExportRepointer,
  type KeyRotationOutcome,
  type RotationDeps,
  type RotationOutcome,
  type RotationVault,
  type RunOptions,
  type StepEvent,
  type StepPhase,
} from './engine';
export { JournalEntrySchema, MemoryJournalStorage, RotationJournal, type JournalEntry, type JournalStorage } from './journal';
export { describePlan, planRotation, toKeyIdentity, type PlanInput } from './planner';
export { ageWords } from './roomCandidates';
export {
  ROTATION_STEPS,
  type GracePeriod,
  type KeyIdentity,
  type KeyRotationPlan,
  type NewKeySpec,
  type RoomCandidate,
  type RoomNeeded,
  type RotationPlan,
  type RotationStep,
} from './types';

import type { RotationEngine, RotationOutcome, RunOptions } from './engine';
import type { RotationPlan } from './types';

/** Runs a plan and reports each step through `options.onStep`; see the top of this file. */
export function runRotation(engine: RotationEngine, plan: RotationPlan, options: RunOptions = {}): Promise<RotationOutcome> {
  return engine.run(plan, options);
}
