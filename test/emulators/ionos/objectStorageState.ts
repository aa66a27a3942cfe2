/**
 * What the emulator of IONOS's Object Storage Management API holds: the contract's access keys,
 * whose `metadata.status` moves by time as the reference docs describe (sdk-go-bundle
 * objectstoragemanagement v2.0.0, MetadataWithStatus.md): PROVISIONING while being created or
 * renewed, then AVAILABLE (or FAILED with a `statusMessage`), DESTROYING once deleted, then gone.
 * How long each phase lasts is the emulator's choice (the docs give no figures).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { markWithCanary } from '../shared/canary';
import type { SeedName } from './seed';
import type { AsyncTiming } from './state';

export type AccessKeyStatus = 'AVAILABLE' | 'PROVISIONING' | 'DESTROYING' | 'FAILED';

export interface EmAccessKey {
  readonly id: string;
  description: string;
  /** "a string of 92 characters" (AccessKey.md). */
  readonly accessKey: string;
  secretKey: string;
  readonly canonicalUserId: string;
  readonly contractUserId: string;
  readonly administrative: boolean;
  readonly supportedRegions: readonly string[];
  readonly createdDate: string;
  readonly createdBy: string;
  lastModifiedDate: string;
  status: AccessKeyStatus;
  statusMessage?: string;
  /** When the current PROVISIONING or DESTROYING phase ends. */
  phaseEndsAt: number;
  /** What PROVISIONING ends in. */
  outcome: { readonly status: 'AVAILABLE' } | { readonly status: 'FAILED'; readonly message: string };
}

interface SeedAccessKey {
  readonly description: string;
  readonly ageDays: number;
  readonly administrative: boolean;
  readonly failed?: string;
}

/** The regions of contract-owned buckets (docs.ionos.com endpoints: Berlin, Frankfurt, Lenexa). */
const REGIONS = ['eu-central-3', 'eu-central-4', 'us-central-1'] as const;

const SEED_KEYS: Record<SeedName, readonly SeedAccessKey[]> = {
  test: [
    { description: 'contract admin', ageDays: 200, administrative: true },
    { description: 'ci uploads', ageDays: 30, administrative: false },
    { description: 'broken', ageDays: 2, administrative: false, failed: 'Provisioning the key in region eu-central-4 failed.' },
  ],
  demo: [
    { description: 'Contract administration', ageDays: 410, administrative: true },
    { description: 'Website assets (CDN sync)', ageDays: 120, administrative: false },
    { description: 'Nightly backups', ageDays: 45, administrative: false },
    {
      description: 'Log archive',
      ageDays: 3,
      administrative: false,
      failed: 'The key could not be provisioned in eu-central-3. Delete it and create a new one.',
    },
  ],
};

const DAY = 86_400_000;
const ACCESS_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

/** 92 characters from the alphabet of the docs' example (letters, digits and `_`). */
function newAccessKey(): string {
  return [...randomBytes(92)].map((b) => ACCESS_KEY_ALPHABET[b % ACCESS_KEY_ALPHABET.length]).join('');
}

/** 40 characters, like the docs' example secret. */
function newSecret(): string {
  return randomBytes(30).toString('base64');
}

export class ObjectStorageState {
  readonly keys = new Map<string, EmAccessKey>();
  readonly #seed: SeedName;
  readonly #now: () => number;
  readonly #timing: () => AsyncTiming | false;
  readonly #canary: string | undefined;
  readonly #handedOut: Set<string>;
  readonly #callerEmail: string;
  #failures: string[] = [];

  /**
   * @param timing the Cloud API emulator's write timing: a phase lasts `queuedMs + runningMs`; `false` settles at once.
   * @param handedOut where every secret given out is recorded (the leak checks search logs for them).
   */
  constructor(options: {
    seed: SeedName;
    timing: () => AsyncTiming | false;
    handedOut: Set<string>;
    now?: () => number;
    canary?: string;
    callerEmail: string;
  }) {
    this.#seed = options.seed;
    this.#timing = options.timing;
    this.#handedOut = options.handedOut;
    this.#now = options.now ?? Date.now;
    this.#canary = options.canary;
    this.#callerEmail = options.callerEmail;
    this.reset();
  }

  reset(): void {
    this.keys.clear();
    this.#failures = [];
    const now = this.#now();
    for (const seed of SEED_KEYS[this.#seed]) {
      const key = this.#make(seed.description, {
        administrative: seed.administrative,
        createdAt: now - seed.ageDays * DAY,
        createdBy: this.#callerEmail,
      });
      if (seed.failed) {
        key.status = 'FAILED';
        key.statusMessage = seed.failed;
        key.outcome = { status: 'FAILED', message: seed.failed };
      }
    }
  }

  /** A new key, PROVISIONING for one write phase. */
  create(description: string, createdBy: string): EmAccessKey {
    const failure = this.#failures.shift();
    const key = this.#make(description, { administrative: false, createdAt: this.#now(), createdBy });
    this.#startPhase(key, 'PROVISIONING');
    if (failure !== undefined) key.outcome = { status: 'FAILED', message: failure };
    return key;
  }

  /** A new secret for the same key and access key; PROVISIONING again for one phase (UNCONFIRMED: the docs do not say the status moves). */
  renew(key: EmAccessKey): void {
    key.secretKey = markWithCanary(newSecret(), this.#canary);
    this.#handedOut.add(key.secretKey);
    key.lastModifiedDate = new Date(this.#now()).toISOString();
    key.outcome = { status: 'AVAILABLE' };
    key.statusMessage = undefined;
    this.#startPhase(key, 'PROVISIONING');
  }

  describe(key: EmAccessKey, description: string): void {
    key.description = description;
    key.lastModifiedDate = new Date(this.#now()).toISOString();
  }

  destroy(key: EmAccessKey): void {
    this.#startPhase(key, 'DESTROYING');
  }

  /** The next `count` created keys end FAILED with `message` instead of AVAILABLE. */
  failNextCreates(count: number, message = 'Provisioning the access key failed: internal error.'): void {
    for (let i = 0; i < count; i += 1) this.#failures.push(message);
  }

  /** Ends every phase whose time has come; called before each request is served. */
  settle(): void {
    const now = this.#now();
    for (const key of [...this.keys.values()]) {
      if (key.phaseEndsAt > now) continue;
      if (key.status === 'DESTROYING') this.keys.delete(key.id);
      else if (key.status === 'PROVISIONING') {
        key.status = key.outcome.status;
        key.statusMessage = key.outcome.status === 'FAILED' ? key.outcome.message : undefined;
      }
    }
  }

  /** Keys in creation order. */
  list(): EmAccessKey[] {
    return [...this.keys.values()].sort((a, b) => a.createdDate.localeCompare(b.createdDate));
  }

  #startPhase(key: EmAccessKey, status: 'PROVISIONING' | 'DESTROYING'): void {
    const timing = this.#timing();
    key.status = status;
    key.phaseEndsAt = this.#now() + (timing ? timing.queuedMs + timing.runningMs : 0);
    if (!timing) this.settle();
  }

  #make(description: string, options: { administrative: boolean; createdAt: number; createdBy: string }): EmAccessKey {
    const id = randomUUID();
    const created = new Date(options.createdAt).toISOString();
    const key: EmAccessKey = {
      id,
      description,
      accessKey: newAccessKey(),
      secretKey: markWithCanary(newSecret(), this.#canary),
      canonicalUserId: createHash('sha256').update(`canonical:${this.#seed}`).digest('hex'),
      contractUserId: createHash('sha256').update(`contract:${this.#seed}`).digest('hex').slice(0, 32),
      administrative: options.administrative,
      supportedRegions: [...REGIONS],
      createdDate: created,
      createdBy: options.createdBy,
      lastModifiedDate: created,
      status: 'AVAILABLE',
      phaseEndsAt: 0,
      outcome: { status: 'AVAILABLE' },
    };
    this.#handedOut.add(key.secretKey);
    this.keys.set(id, key);
    return key;
  }
}
