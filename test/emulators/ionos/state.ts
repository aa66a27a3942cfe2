/**
 * What an IONOS emulator holds: users with their passwords or tokens, S3 keys with their secrets,
 * and the asynchronous requests writes create. Writes settle by time: a request is QUEUED for
 * `queuedMs`, RUNNING for `runningMs`, then DONE (its change applied) or FAILED (its change undone).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { markWithCanary } from '../shared/canary';
import { generatedUsers } from '../shared/generatedUsers';
import { ObjectStorageState } from './objectStorageState';
import { SEEDS, type SeedName, type SeedUser } from './seed';

export interface EmUser {
  readonly id: string;
  readonly email: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly administrator: boolean;
  readonly active: boolean;
  readonly createdDate: string;
  readonly lastLogin: string;
  readonly canonicalId: string;
  readonly etag: string;
  password?: string;
  s3Privilege: boolean;
  /** Creations still refused with the "privilege not yet active" 422 before they succeed. */
  privilegeLag: number;
}

export interface EmKey {
  readonly id: string;
  readonly userId: string;
  readonly secretKey: string;
  readonly createdDate: string;
  etag: string;
  active: boolean;
}

export type RequestStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface EmRequest {
  readonly id: string;
  readonly startedAt: number;
  readonly outcome: 'DONE' | 'FAILED';
  readonly message: string;
  readonly onDone?: () => void;
  readonly onFailed?: () => void;
  settled: boolean;
}

export interface AsyncTiming {
  readonly queuedMs: number;
  readonly runningMs: number;
}

export interface Credentials {
  readonly userId: string;
  readonly username: string;
  readonly password: string;
  readonly token: string;
}

const DAY = 86_400_000;

/** A stable UUID-shaped id, so a user keeps its id across resets. */
function stableId(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `count` generated users (`Bench User 0001`, bench-user-0001@example.com), one to three active keys each. */
function generatedSeedUsers(count: number): SeedUser[] {
  return generatedUsers(count).map((user) => ({
    firstname: 'Bench',
    lastname: `User ${user.name.slice(-4)}`,
    email: `${user.name}@example.com`,
    administrator: false,
    s3Privilege: true,
    ageDays: user.ageDays,
    keys: Array.from({ length: user.keyCount }, (_, k) => ({ ageDays: 1 + ((user.index + k * 7) % user.ageDays), active: true })),
  }));
}

function newKeyId(): string {
  return randomBytes(10).toString('hex');
}

function newSecret(): string {
  return randomBytes(30).toString('base64');
}

function newToken(): string {
  const part = (n: number) => randomBytes(n).toString('base64url');
  return `eyJ${part(24)}.eyJ${part(96)}.${part(64)}`;
}

export class IonosState {
  readonly users = new Map<string, EmUser>();
  readonly keys = new Map<string, EmKey>();
  readonly requests = new Map<string, EmRequest>();
  /** Bearer token → user id. */
  readonly tokens = new Map<string, string>();
  readonly contractNumber: string;
  asyncWrites: AsyncTiming | false;
  /** The administrator the demo and the tests sign in as. */
  readonly caller: Credentials;
  /** A user who is not an administrator. */
  readonly developer: Credentials;
  /** The contract's Object Storage access keys (the Object Storage Management API, served on its own port). */
  readonly objectStorage: ObjectStorageState;

  #failures: string[] = [];
  readonly #handedOut = new Set<string>();
  readonly #seed: SeedName;
  readonly #now: () => number;
  readonly #defaultAsync: AsyncTiming | false;
  readonly #generated: readonly SeedUser[];
  readonly #canary: string | undefined;

  /**
   * `generatedUsers` adds that many users after the seed's own (benchmarks); with `canary`, every
   * key secret (seeded or new) starts with it (the secret-leak canary, see shared/canary.ts).
   */
  constructor(options: {
    seed: SeedName;
    asyncWrites: AsyncTiming | false;
    contractNumber: string;
    now?: () => number;
    generatedUsers?: number;
    canary?: string;
  }) {
    this.#seed = options.seed;
    this.#canary = options.canary;
    this.#generated = generatedSeedUsers(options.generatedUsers ?? 0);
    this.#now = options.now ?? Date.now;
    this.#defaultAsync = options.asyncWrites;
    this.asyncWrites = options.asyncWrites;
    this.contractNumber = options.contractNumber;
    const users = SEEDS[options.seed];
    const callerEmail = users.find((u) => u.login === 'caller')?.email ?? users[0].email;
    const developerEmail = users.find((u) => u.login === 'developer')?.email ?? users[0].email;
    const credentials = (email: string): Credentials => ({
      userId: stableId(`${options.seed}:${email}`),
      username: email,
      password: `pw-${randomBytes(12).toString('base64url')}`,
      token: newToken(),
    });
    this.caller = credentials(callerEmail);
    this.developer = credentials(developerEmail);
    for (const c of [this.caller, this.developer]) {
      this.#handedOut.add(c.password);
      this.#handedOut.add(c.token);
    }
    this.objectStorage = new ObjectStorageState({
      seed: options.seed,
      timing: () => this.asyncWrites,
      handedOut: this.#handedOut,
      now: options.now,
      canary: options.canary,
      callerEmail,
    });
    this.reset();
  }

  /** Restores the seeded users and keys, the default timing, and clears pending requests and failures. */
  reset(): void {
    this.users.clear();
    this.keys.clear();
    this.requests.clear();
    this.tokens.clear();
    this.#failures = [];
    this.asyncWrites = this.#defaultAsync;
    this.objectStorage.reset();
    const now = this.#now();
    for (const seed of [...SEEDS[this.#seed], ...this.#generated]) {
      const id = stableId(`${this.#seed}:${seed.email}`);
      const login = seed.login === 'caller' ? this.caller : seed.login === 'developer' ? this.developer : undefined;
      this.users.set(id, {
        id,
        email: seed.email,
        firstname: seed.firstname,
        lastname: seed.lastname,
        administrator: seed.administrator,
        active: true,
        createdDate: new Date(now - seed.ageDays * DAY).toISOString(),
        lastLogin: new Date(now - DAY).toISOString(),
        canonicalId: createHash('sha256').update(id).digest('hex'),
        etag: createHash('md5').update(id).digest('hex'),
        password: login?.password,
        s3Privilege: seed.s3Privilege,
        privilegeLag: 0,
      });
      if (login) this.tokens.set(login.token, id);
      for (const key of seed.keys) this.addKey(id, { active: key.active, createdAt: now - key.ageDays * DAY });
    }
  }

  addKey(userId: string, options: { active?: boolean; createdAt?: number } = {}): EmKey {
    const key: EmKey = {
      id: newKeyId(),
      userId,
      secretKey: markWithCanary(newSecret(), this.#canary),
      createdDate: new Date(options.createdAt ?? this.#now()).toISOString(),
      etag: randomBytes(16).toString('hex'),
      active: options.active ?? true,
    };
    this.#handedOut.add(key.secretKey);
    this.keys.set(key.id, key);
    return key;
  }

  keysOf(userId: string): EmKey[] {
    return [...this.keys.values()].filter((k) => k.userId === userId).sort((a, b) => a.createdDate.localeCompare(b.createdDate));
  }

  userByEmail(email: string): EmUser | undefined {
    return [...this.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  /** Every secret the emulator has handed out: key secrets, passwords, tokens. Tests search logs for them. */
  secretsHandedOut(): string[] {
    return [...this.#handedOut];
  }

  /** The next `count` asynchronous writes end FAILED with `message` and their change is undone (async mode only). */
  failNextWrites(count: number, message = 'The request failed: internal provisioning error.'): void {
    for (let i = 0; i < count; i += 1) this.#failures.push(message);
  }

  /** The next `attempts` key creations for this user answer the "privilege not active yet" 422. */
  delayS3Privilege(userId: string, attempts: number): void {
    const user = this.users.get(userId);
    if (user) user.privilegeLag = attempts;
  }

  /** Starts an asynchronous write; `onDone` applies it, `onFailed` undoes what was done at once. */
  startRequest(change: { onDone?: () => void; onFailed?: () => void }): EmRequest {
    const failure = this.#failures.shift();
    const request: EmRequest = {
      id: randomUUID(),
      startedAt: this.#now(),
      outcome: failure === undefined ? 'DONE' : 'FAILED',
      message: failure ?? 'Request has been successfully executed',
      onDone: change.onDone,
      onFailed: change.onFailed,
      settled: false,
    };
    this.requests.set(request.id, request);
    return request;
  }

  /** The request's status now; a request seen DONE or FAILED has had its change applied or undone. */
  statusOf(request: EmRequest): RequestStatus {
    const timing = this.asyncWrites || { queuedMs: 0, runningMs: 0 };
    const elapsed = this.#now() - request.startedAt;
    if (elapsed < timing.queuedMs) return 'QUEUED';
    if (elapsed < timing.queuedMs + timing.runningMs) return 'RUNNING';
    if (!request.settled) {
      request.settled = true;
      if (request.outcome === 'DONE') request.onDone?.();
      else request.onFailed?.();
    }
    return request.outcome;
  }

  /** Applies or undoes every request whose time has come; called before each request is served. */
  settle(): void {
    for (const request of this.requests.values()) this.statusOf(request);
  }
}
