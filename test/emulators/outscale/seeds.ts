/** The emulator's starting data: a small 'test' world with known names, and a realistic 'demo' one. */
import { generatedUsers } from '../shared/generatedUsers';
import { newKeyPair, newUserId, OutscaleState, type EmulatedKey, type KeyStateWire } from './state';

const DAY = 86_400_000;

export type SeedName = 'test' | 'demo';

export interface SeededCaller {
  readonly accessKeyId: string;
  readonly secretKey: string;
}

interface KeySpec {
  readonly owner: string;
  readonly state?: KeyStateWire;
  readonly ageDays?: number;
  /** Days from now; negative means already expired. */
  readonly expiresInDays?: number;
  readonly tag?: string;
  readonly id?: string;
}

function addKey(state: OutscaleState, now: number, spec: KeySpec): EmulatedKey {
  const pair = newKeyPair();
  const created = new Date(now - (spec.ageDays ?? 1) * DAY);
  const key: EmulatedKey = {
    accessKeyId: spec.id ?? pair.accessKeyId,
    secretKey: pair.secretKey,
    owner: spec.owner,
    state: spec.state ?? 'ACTIVE',
    tag: spec.tag,
    creationDate: created,
    expirationDate: spec.expiresInDays === undefined ? undefined : new Date(now + spec.expiresInDays * DAY),
    lastModificationDate: created,
    rejectionsLeft: 0,
  };
  state.keys.set(key.accessKeyId, key);
  return key;
}

function addUser(state: OutscaleState, now: number, userName: string, ageDays: number, email?: string): void {
  state.users.push({ userId: newUserId(), userName, userEmail: email, path: '/', creationDate: new Date(now - ageDays * DAY) });
}

/** Known ids of the 'test' seed, so tests can name keys directly. */
export const TEST_SEED = {
  accountId: '123456789012',
  callerKeyId: 'CALLERKEY00000000001',
  accountSpareKeyId: 'ACCOUNTSPARE00000002',
  aliceActiveKeyId: 'ALICEACTIVE000000001',
  aliceOldKeyId: 'ALICEOLD000000000002',
  frankExpiredKeyId: 'FRANKEXPIRED00000001',
  users: ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'],
  /** carol already has the maximum number of keys. */
  fullUser: 'carol',
  /** The account's login and password (HTTP Basic on the access-key actions). */
  login: { email: 'owner@example.com', password: 'test-password: not a secret' },
} as const;

/**
 * The demo account's login and password, for trying "Add Account" with a login against the demo
 * emulator. Not written to the demo's config file, whose account signs with its access key.
 */
export const DEMO_LOGIN = { email: 'demo@example.com', password: 'cloud-keys-demo' } as const;

function seedTest(now: number): { state: OutscaleState; caller: SeededCaller } {
  const s = new OutscaleState(TEST_SEED.accountId);
  s.login = TEST_SEED.login;
  const caller = addKey(s, now, { owner: '', id: TEST_SEED.callerKeyId, ageDays: 10, tag: 'ci' });
  addKey(s, now, { owner: '', id: TEST_SEED.accountSpareKeyId, state: 'INACTIVE', ageDays: 40, expiresInDays: 30 });
  addUser(s, now, 'alice', 100, 'alice@example.com');
  addKey(s, now, { owner: 'alice', id: TEST_SEED.aliceActiveKeyId, ageDays: 20, expiresInDays: 30, tag: 'deploy' });
  addKey(s, now, { owner: 'alice', id: TEST_SEED.aliceOldKeyId, state: 'INACTIVE', ageDays: 200 });
  addUser(s, now, 'bob', 90);
  addUser(s, now, 'carol', 80);
  for (let i = 0; i < 10; i += 1) addKey(s, now, { owner: 'carol', ageDays: 10 + i });
  addUser(s, now, 'dave', 70);
  addKey(s, now, { owner: 'dave', ageDays: 5 });
  addUser(s, now, 'erin', 60);
  addKey(s, now, { owner: 'erin', ageDays: 6 });
  addUser(s, now, 'frank', 50);
  addKey(s, now, { owner: 'frank', id: TEST_SEED.frankExpiredKeyId, ageDays: 100, expiresInDays: -1 });
  return { state: s, caller: { accessKeyId: caller.accessKeyId, secretKey: caller.secretKey } };
}

function seedDemo(now: number): { state: OutscaleState; caller: SeededCaller } {
  const s = new OutscaleState('987654321098');
  s.login = DEMO_LOGIN;
  const caller = addKey(s, now, { owner: '', ageDays: 12, tag: 'cloud-keys demo' });
  addKey(s, now, { owner: '', ageDays: 412, tag: 'legacy laptop' });
  addKey(s, now, { owner: '', state: 'INACTIVE', ageDays: 230, tag: 'old jenkins' });
  addUser(s, now, 'ci-pipeline', 400, 'ci@example.com');
  addKey(s, now, { owner: 'ci-pipeline', ageDays: 121, expiresInDays: 5, tag: 'gitlab runner' });
  addUser(s, now, 'terraform', 380, 'infra@example.com');
  addKey(s, now, { owner: 'terraform', ageDays: 95, tag: 'state backend' });
  addKey(s, now, { owner: 'terraform', ageDays: 3, expiresInDays: 87, tag: 'rotation 2' });
  addUser(s, now, 'backup-agent', 300);
  addKey(s, now, { owner: 'backup-agent', state: 'INACTIVE', ageDays: 300 });
  addKey(s, now, { owner: 'backup-agent', ageDays: 45, expiresInDays: 320 });
  addUser(s, now, 'data-analyst', 150, 'analyst@example.com');
  addKey(s, now, { owner: 'data-analyst', ageDays: 140, expiresInDays: -10, tag: 'notebook' });
  addUser(s, now, 'monitoring', 60);
  addUser(s, now, 'readonly-auditor', 20, 'audit@example.com');
  addKey(s, now, { owner: 'readonly-auditor', ageDays: 20, expiresInDays: 10 });
  return { state: s, caller: { accessKeyId: caller.accessKeyId, secretKey: caller.secretKey } };
}

/** Adds `count` generated EIM users (`bench-user-0001`…), each with one to three access keys. */
function addGeneratedUsers(state: OutscaleState, now: number, count: number): void {
  for (const user of generatedUsers(count)) {
    addUser(state, now, user.name, user.ageDays);
    for (let k = 0; k < user.keyCount; k += 1)
      addKey(state, now, { owner: user.name, ageDays: 1 + ((user.index + k * 7) % user.ageDays), tag: `bench-${k + 1}` });
  }
}

/** A seed's state and caller; `extraUsers` generated users are added after the seed's own. */
export function seed(name: SeedName, now: number, extraUsers = 0): { state: OutscaleState; caller: SeededCaller } {
  const seeded = name === 'demo' ? seedDemo(now) : seedTest(now);
  if (extraUsers > 0) addGeneratedUsers(seeded.state, now, extraUsers);
  return seeded;
}
