/** The OUTSCALE emulator's data: one account, its EIM users, and everyone's access keys. */
import { randomBytes, randomUUID } from 'node:crypto';
import { markWithCanary } from '../shared/canary';

export type KeyStateWire = 'ACTIVE' | 'INACTIVE';

export interface EmulatedKey {
  readonly accessKeyId: string;
  readonly secretKey: string;
  /** '' for the account itself, else the EIM user name. */
  readonly owner: string;
  state: KeyStateWire;
  tag?: string;
  readonly creationDate: Date;
  expirationDate?: Date;
  lastModificationDate: Date;
  /** Authentications still refused while the new key "propagates". */
  rejectionsLeft: number;
}

export interface EmulatedUser {
  readonly userId: string;
  readonly userName: string;
  readonly userEmail?: string;
  readonly path: string;
  readonly creationDate: Date;
  /** An EIM policy lets this user list EIM users and manage their keys (by default it may not). */
  eimAdmin?: boolean;
}

/** The account's Cockpit login: its email and password (accepted by the access-key actions). */
export interface AccountLogin {
  readonly email: string;
  readonly password: string;
}

export interface AuthFailures {
  count: number;
  lockedUntil: number;
  locks: number;
}

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** A 20-character access key id and a 40-character secret, as in the OUTSCALE spec examples. */
export function newKeyPair(canary?: string): { accessKeyId: string; secretKey: string } {
  return { accessKeyId: randomString(ALPHANUM, 20), secretKey: markWithCanary(randomString(SECRET_CHARS, 40), canary) };
}

export function newUserId(): string {
  return randomString(ALPHANUM, 21);
}

export function newRequestId(): string {
  return randomUUID();
}

export class OutscaleState {
  readonly keys = new Map<string, EmulatedKey>();
  readonly users: EmulatedUser[] = [];
  readonly authFailures = new Map<string, AuthFailures>();
  /** New secrets start with this (the secret-leak canary, see shared/canary.ts). */
  canary: string | undefined;
  /** The account's login and password, when the seed gives it one. */
  login: AccountLogin | undefined;

  constructor(readonly accountId: string) {}

  keysOf(owner: string): EmulatedKey[] {
    return [...this.keys.values()].filter((k) => k.owner === owner);
  }

  user(name: string): EmulatedUser | undefined {
    return this.users.find((u) => u.userName === name);
  }
}

/** OUTSCALE's date-time form: `2026-01-31T10:15:00.000+0000`. */
export function wireDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export function keyToWire(key: EmulatedKey): Record<string, unknown> {
  return {
    AccessKeyId: key.accessKeyId,
    State: key.state,
    ...(key.tag !== undefined ? { Tag: key.tag } : {}),
    CreationDate: wireDate(key.creationDate),
    LastModificationDate: wireDate(key.lastModificationDate),
    ...(key.expirationDate ? { ExpirationDate: wireDate(key.expirationDate) } : {}),
  };
}

export function userToWire(user: EmulatedUser): Record<string, unknown> {
  return {
    UserId: user.userId,
    UserName: user.userName,
    ...(user.userEmail ? { UserEmail: user.userEmail } : {}),
    Path: user.path,
    CreationDate: wireDate(user.creationDate),
    LastModificationDate: wireDate(user.creationDate),
  };
}
