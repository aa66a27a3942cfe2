// The rotation engine's contract: what it needs (its dependencies) and what it reports (step events and outcomes).
import type { CloudProvider } from '../../clouds/provider';
import type { Secret } from '../../model/secret';
import type { AccessKey } from '../../model/types';
import type { Logger } from '../../util/logger';
import type { RotationJournal } from './journal';
import type { RotationStep } from './types';
import type { CreateJournal } from '../createJournal';

/** Where new secrets go first, and where the engine reads them back (SecretStorage in VS Code). */
export interface RotationVault {
  storeKeySecret(key: AccessKey, secret: Secret): Promise<void>;
  getKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<Secret | undefined>;
  deleteKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<void>;
}

/** The exports Cloud Keys made of a key (files, the terminal), switched from one key to another. */
export interface ExportRepointer {
  /** Points every export of `fromKeyId` at `to`; returns the ids of the export records it changed. */
  repoint(accountId: string, fromKeyId: string, to: AccessKey, secret: Secret, signal?: AbortSignal): Promise<string[]>;
}

export interface RotationDeps {
  provider(accountId: string): Promise<CloudProvider>;
  readonly vault: RotationVault;
  readonly exports: ExportRepointer;
  readonly journal: RotationJournal;
  /**
   * Records each create call until the rotation's journal names the new key, so a key whose answer
   * was lost (the window reloaded mid-call) is offered for deletion at the next start rather than
   * left active with its secret gone.
   */
  readonly createJournal?: CreateJournal;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Outer attempts of `verifyKey` while a new key propagates (each adapter also waits on its own); 3 and 2 s by default. */
  readonly verifyAttempts?: number;
  readonly verifyDelayMs?: number;
}

export type StepPhase = 'started' | 'finished' | 'skipped' | 'failed';

export interface StepEvent {
  readonly rotationId: string;
  readonly oldKeyId: string;
  readonly step: RotationStep | 'rollback';
  readonly phase: StepPhase;
  /** One sentence for a person, no secret. */
  readonly detail?: string;
}

export interface RunOptions {
  readonly onStep?: (event: StepEvent) => void;
  /** Cancels between steps (and any call in flight); the journal keeps what was done. */
  readonly signal?: AbortSignal;
  /** For a rotation waiting out its grace period: delete the old key now instead of waiting. */
  readonly deleteNow?: boolean;
}

export type KeyOutcomeStatus = 'done' | 'waiting-delete' | 'failed' | 'cancelled' | 'not-started' | 'rolled-back';

export interface KeyRotationOutcome {
  readonly rotationId: string;
  readonly oldKeyId: string;
  readonly newKeyId?: string;
  readonly status: KeyOutcomeStatus;
  /** The step that failed or was next when cancelled. */
  readonly step?: RotationStep;
  /** The failure; a `SecretNotStoredError` carries the new secret so the caller can show it once. */
  readonly error?: Error;
  /** When the old key will be deleted, for `waiting-delete`. */
  readonly deleteAfter?: Date;
  readonly exportsUpdated?: number;
}

export interface RotationOutcome {
  readonly items: readonly KeyRotationOutcome[];
}
