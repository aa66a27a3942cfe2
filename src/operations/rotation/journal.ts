import type * as z from 'zod/mini';
import { CloudIdSchema, KeyKindSchema } from '../../model/schemas';
import { lazySchema } from '../../model/lazySchema';
import type { Logger } from '../../util/logger';
import { readValidatedList } from '../../util/validatedList';
import { GraceSchema } from './graceSchema';
import { ROTATION_STEPS } from './types';

const RotationStepSchema = lazySchema((z) => z.enum(ROTATION_STEPS));

const KeyIdentitySchema = lazySchema((z) =>
  z.object({
    id: z.string().check(z.minLength(1)),
    kind: KeyKindSchema,
    displayName: z.optional(z.string()),
    fingerprint: z.optional(z.string()),
  }),
);

/**
 * One rotation's progress as stored: ids, names, steps and timestamps. There is deliberately no
 * field that could hold a secret; `strictObject` rejects an entry that has unknown fields.
 */
export const JournalEntrySchema = lazySchema((z) =>
  z.strictObject({
    version: z.literal(1),
    id: z.string().check(z.minLength(1)),
    accountId: z.string().check(z.minLength(1)),
    accountLabel: z.string(),
    cloud: CloudIdSchema,
    userId: z.string().check(z.minLength(1)),
    userName: z.string(),
    oldKey: KeyIdentitySchema,
    /** `replace` when absent (entries written before renewal existed). */
    mode: z.optional(z.enum(['replace', 'renew'])),
    makeRoom: z.optional(KeyIdentitySchema),
    deactivateOld: z.boolean(),
    grace: GraceSchema,
    newKeySpec: z.object({
      displayName: z.optional(z.string()),
      expiresAt: z.optional(z.string()),
      keyBits: z.optional(z.union([z.literal(2048), z.literal(4096)])),
    }),
    notes: z.array(z.string()),
    status: z.enum(['planned', 'running', 'failed', 'cancelled', 'waiting-delete']),
    completed: z.array(RotationStepSchema),
    /** Ids of the user's keys of this kind just before `create`, so a key created by a call whose answer was lost can be found. */
    keysBeforeCreate: z.optional(z.array(z.string())),
    newKey: z.optional(KeyIdentitySchema),
    oldDeactivated: z.optional(z.boolean()),
    updatedExports: z.optional(z.array(z.string())),
    deleteAfter: z.optional(z.string()),
    lastError: z.optional(z.object({ step: RotationStepSchema, code: z.string(), message: z.string() })),
    startedAt: z.string(),
    updatedAt: z.string(),
  }),
);

export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Where the journal lives; the VS Code layer keeps it in a file under the extension's global storage (`services/rotationState.ts`), tests in memory. */
export interface JournalStorage {
  read(): unknown;
  write(value: readonly JournalEntry[]): Promise<void>;
}

/** The unfinished rotations, validated on every read; entries that do not validate are dropped with a warning. */
export class RotationJournal {
  constructor(
    private readonly storage: JournalStorage,
    private readonly logger?: Logger,
  ) {}

  entries(): JournalEntry[] {
    return readValidatedList(this.storage.read(), JournalEntrySchema, 'rotation journal entry', this.logger);
  }

  get(id: string): JournalEntry | undefined {
    return this.entries().find((entry) => entry.id === id);
  }

  async put(entry: JournalEntry): Promise<void> {
    const valid = JournalEntrySchema.parse(entry);
    const others = this.entries().filter((e) => e.id !== entry.id);
    await this.storage.write([...others, valid]);
  }

  async remove(id: string): Promise<void> {
    await this.storage.write(this.entries().filter((e) => e.id !== id));
  }
}

/** A journal kept in memory (tests, and a fallback); `read()` returns a deep copy, as a Memento would. */
export class MemoryJournalStorage implements JournalStorage {
  #value: unknown;

  read(): unknown {
    return this.#value === undefined ? undefined : JSON.parse(JSON.stringify(this.#value));
  }

  async write(value: readonly JournalEntry[]): Promise<void> {
    this.#value = JSON.parse(JSON.stringify(value));
  }
}
