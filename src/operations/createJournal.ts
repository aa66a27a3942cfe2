import type * as z from 'zod/mini';
import { CloudIdSchema, KeyKindSchema } from '../model/schemas';
import { lazySchema } from '../model/lazySchema';
import { type CloudId, type KeyKind } from '../model/types';
import { readValidatedList } from '../util/validatedList';
import type { Logger } from '../util/logger';
import { nodeCrypto } from '../util/nodeCrypto';

/** How far a cloud's clock may run behind ours and a key still count as created by the recorded call. */
export const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * The longest a create call can take, retries included: a key created later than this after the
 * record's start (plus the clock skew) was made by something else, such as the cloud's console.
 */
export const CREATE_CALL_MAX_MS = 10 * 60_000;

/**
 * One key creation that has started and not yet ended with its secret stored: ids and times only.
 * There is no field that could hold a secret; `strictObject` rejects a record with unknown fields.
 */
export const CreateIntentSchema = lazySchema((z) =>
  z.strictObject({
    version: z.literal(1),
    id: z.string().check(z.minLength(1)),
    accountId: z.string().check(z.minLength(1)),
    cloud: CloudIdSchema,
    userId: z.string().check(z.minLength(1)),
    kind: KeyKindSchema,
    /** ISO time just before the create call went out. */
    startedAt: z.iso.datetime(),
    /** Ids of the user's keys of this kind before the call: never candidates for recovery. */
    keysBefore: z.array(z.string()),
    /** The process (extension host) making the call: while it lives, the create is running, not interrupted. */
    owner: z.optional(z.int().check(z.positive())),
  }),
);

export type CreateIntent = z.infer<typeof CreateIntentSchema>;

/** Where the records live; the VS Code layer keeps it in a file under the extension's global storage (`services/createJournalState.ts`), tests in memory. */
export interface CreateJournalStorage {
  read(): unknown;
  write(value: readonly CreateIntent[]): Promise<void>;
}

/**
 * Records kept in memory (tests): `read()` returns a deep copy of what was last written, or of
 * `initial`, as a Memento would.
 */
export class MemoryCreateJournalStorage implements CreateJournalStorage {
  #value: unknown;

  constructor(initial?: unknown) {
    this.#value = initial;
  }

  read(): unknown {
    return this.#value === undefined ? undefined : JSON.parse(JSON.stringify(this.#value));
  }

  async write(value: readonly CreateIntent[]): Promise<void> {
    this.#value = JSON.parse(JSON.stringify(value));
  }
}

export interface NewCreateIntent {
  readonly accountId: string;
  readonly cloud: CloudId;
  readonly userId: string;
  readonly kind: KeyKind;
  readonly keysBefore: readonly string[];
}

/** The creates that may have been interrupted, validated on every read; invalid records are dropped with a warning. */
export class CreateJournal {
  /** Records whose create call this process is still making: running, not interrupted. */
  readonly #running = new Set<string>();

  constructor(
    private readonly storage: CreateJournalStorage,
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now,
    private readonly processId: number = process.pid,
    private readonly isAlive: (pid: number) => boolean = processIsAlive,
  ) {}

  records(): CreateIntent[] {
    return readValidatedList(this.storage.read(), CreateIntentSchema, 'create journal record', this.logger);
  }

  /** Records the intent before the cloud call; returns the record to clear afterwards. */
  async begin(intent: NewCreateIntent): Promise<CreateIntent> {
    const record: CreateIntent = {
      version: 1,
      id: nodeCrypto().randomUUID(),
      accountId: intent.accountId,
      cloud: intent.cloud,
      userId: intent.userId,
      kind: intent.kind,
      startedAt: new Date(this.now()).toISOString(),
      keysBefore: [...intent.keysBefore],
      owner: this.processId,
    };
    this.#running.add(record.id);
    await this.storage.write([...this.records(), record]);
    return record;
  }

  /** The create call of `id` is over (whatever its outcome): from now on its record, if kept, is one to recover. */
  settled(id: string): void {
    this.#running.delete(id);
  }

  /**
   * The records a recovery may look at now: every one but those whose create is still being made,
   * by this process or by another window's extension host that is still alive. A record older than
   * the longest a create call can take is recoverable whoever runs under its owner's pid (pids are
   * reused, by other processes or other users).
   */
  recoverable(): CreateIntent[] {
    const now = this.now();
    return this.records().filter((r) => {
      if (this.#running.has(r.id)) return false;
      if (r.owner === undefined || r.owner === this.processId) return true;
      const age = now - Date.parse(r.startedAt);
      return !(age < CREATE_CALL_MAX_MS + CLOCK_SKEW_MS) || !this.isAlive(r.owner);
    });
  }

  async clear(id: string): Promise<void> {
    this.#running.delete(id);
    const records = this.records();
    if (records.some((r) => r.id === id)) await this.storage.write(records.filter((r) => r.id !== id));
  }
}

/** Whether a process runs (signal 0 only checks); one we may not signal runs too. */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
