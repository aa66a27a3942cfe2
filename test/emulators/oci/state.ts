/** The OCI emulator's tenancy: users, customer secret keys, API keys, region subscriptions. */
import { randomBytes } from 'node:crypto';
import { markWithCanary } from '../shared/canary';
import { generatedUsers } from '../shared/generatedUsers';
import { fakeAccessKeyId, fakeOcid, seededKeyPair, type EmulatorKeyPair } from './keys';

export type LifecycleState = 'CREATING' | 'ACTIVE' | 'INACTIVE' | 'DELETING' | 'DELETED';

export interface EmulatorUser {
  id: string;
  name: string;
  description: string;
  email?: string;
  timeCreated: string;
  lifecycleState: LifecycleState;
  /** Members of the Administrators group may manage every user's keys. */
  isAdmin: boolean;
}

export interface EmulatorSecretKey {
  id: string;
  userId: string;
  displayName: string;
  timeCreated: string;
  timeExpires: string | null;
  lifecycleState: LifecycleState;
}

export interface EmulatorApiKey {
  fingerprint: string;
  keyValue: string;
  userId: string;
  timeCreated: string;
  lifecycleState: LifecycleState;
  /** Before this time (emulator clock, ms) a new key shows as CREATING and cannot sign. */
  activeFrom: number;
}

export interface EmulatorRegion {
  readonly regionName: string;
  readonly regionKey: string;
}

export interface OciTenancyState {
  readonly tenancyId: string;
  /** The tenancy's Object Storage namespace (GetNamespace). */
  readonly namespace: string;
  readonly homeRegion: EmulatorRegion;
  readonly regions: readonly EmulatorRegion[];
  users: EmulatorUser[];
  secretKeys: EmulatorSecretKey[];
  apiKeys: EmulatorApiKey[];
}

/** The seeded user whose API key the adapter signs with. */
export interface OciCallerCredentials {
  readonly tenancyId: string;
  readonly userId: string;
  readonly userName: string;
  readonly fingerprint: string;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  /** The region a profile would name; not the home region, so routing of writes is visible. */
  readonly region: string;
  readonly homeRegion: string;
}

export type SeedName = 'test' | 'demo';

const DAY = 86_400_000;
const FRANKFURT: EmulatorRegion = { regionName: 'eu-frankfurt-1', regionKey: 'FRA' };
const ASHBURN: EmulatorRegion = { regionName: 'us-ashburn-1', regionKey: 'IAD' };

interface UserSpec {
  name: string;
  admin?: boolean;
  inactive?: boolean;
  email?: string;
  /** Defaults to 900 days minus the user's position in the seed. */
  ageDays?: number;
  secretKeys?: { name: string; ageDays: number; expiresInDays?: number; state?: LifecycleState }[];
  apiKeys?: { ageDays: number; state?: LifecycleState }[];
}

/**
 * Each seed's Object Storage namespace: fixed, so the demo and the integration suite (which runs in
 * another process and cannot read the emulator's state) know it.
 */
export const SEED_NAMESPACES: Readonly<Record<SeedName, string>> = { test: 'cktestns4p9w', demo: 'ckdemo7x2kq4' };

const SEEDS: Record<SeedName, { tenancy: string; caller: string; users: UserSpec[] }> = {
  test: {
    tenancy: 'ck-test-tenancy',
    caller: 'ck-admin',
    users: [
      { name: 'ck-admin', admin: true, email: 'admin@example.test', apiKeys: [{ ageDays: 10 }] },
      { name: 'ck-full-api', apiKeys: [{ ageDays: 300 }, { ageDays: 100 }, { ageDays: 5 }] },
      {
        name: 'ck-full-secret',
        secretKeys: [
          { name: 'ci', ageDays: 200 },
          { name: 'backup', ageDays: 20 },
        ],
      },
      { name: 'ck-member' },
      { name: 'ck-old-keys', secretKeys: [{ name: 'legacy', ageDays: 400 }], apiKeys: [{ ageDays: 200 }] },
      { name: 'ck-plain' },
      { name: 'ck-zz-inactive', inactive: true },
    ],
  },
  demo: {
    tenancy: 'cloud-keys-demo-tenancy',
    caller: 'alice.admin',
    users: [
      {
        name: 'alice.admin',
        admin: true,
        email: 'alice@example.com',
        apiKeys: [{ ageDays: 12 }],
        secretKeys: [{ name: 'terraform-state', ageDays: 30 }],
      },
      {
        name: 'bob.builder',
        email: 'bob@example.com',
        secretKeys: [
          { name: 'ci-artifacts', ageDays: 412 },
          { name: 'backup-sync', ageDays: 120 },
        ],
      },
      { name: 'carol.ci-deployer', apiKeys: [{ ageDays: 530 }, { ageDays: 95 }, { ageDays: 3 }] },
      {
        name: 'dave.data',
        email: 'dave@example.com',
        secretKeys: [{ name: 'temp-export', ageDays: 80, expiresInDays: 10 }],
        apiKeys: [{ ageDays: 240, state: 'INACTIVE' }],
      },
      { name: 'erin.readonly', inactive: true, secretKeys: [{ name: 'old-reporting', ageDays: 800 }] },
      { name: 'frank.ops', email: 'frank@example.com' },
      { name: 'grace.analytics', secretKeys: [{ name: 'notebooks', ageDays: 95 }] },
    ],
  },
};

export interface SeededTenancy {
  readonly state: OciTenancyState;
  readonly caller: OciCallerCredentials;
}

/**
 * Specs of `count` generated users (see `generatedUsers`): one or two customer secret keys each, and
 * an API key for every third user (all sharing one key pair, which signs nothing).
 */
function generatedSpecs(count: number): UserSpec[] {
  return generatedUsers(count).map((user) => ({
    name: user.name,
    ageDays: user.ageDays,
    secretKeys: Array.from({ length: Math.min(user.keyCount, 2) }, (_, k) => ({
      name: `bench-${k + 1}`,
      ageDays: 1 + ((user.index + k * 7) % user.ageDays),
    })),
    apiKeys: user.keyCount === 3 ? [{ ageDays: 1 + (user.index % user.ageDays) }] : [],
  }));
}

/** A fresh copy of a seeded tenancy; `now` is the emulator's clock; `extraUsers` generated users are added. */
export function seedTenancy(seed: SeedName, now: number, extraUsers = 0): SeededTenancy {
  const base = SEEDS[seed];
  const spec = extraUsers > 0 ? { ...base, users: [...base.users, ...generatedSpecs(extraUsers)] } : base;
  const sharedPairIndex = base.users.reduce((n, user) => n + (user.apiKeys?.length ?? 0), 0);
  const tenancyId = fakeOcid('tenancy', spec.tenancy);
  const state: OciTenancyState = {
    tenancyId,
    namespace: SEED_NAMESPACES[seed],
    homeRegion: FRANKFURT,
    regions: [FRANKFURT, ASHBURN],
    users: [],
    secretKeys: [],
    apiKeys: [],
  };
  let nextKey = 0;
  let callerKey: EmulatorKeyPair | undefined;
  spec.users.forEach((user, index) => {
    const id = fakeOcid('user', `${spec.tenancy}/${user.name}`);
    state.users.push({
      id,
      name: user.name,
      description: `${user.name} (seeded)`,
      ...(user.email ? { email: user.email } : {}),
      timeCreated: new Date(now - (user.ageDays ?? 900 - index) * DAY).toISOString(),
      lifecycleState: user.inactive ? 'INACTIVE' : 'ACTIVE',
      isAdmin: user.admin === true,
    });
    for (const key of user.secretKeys ?? []) {
      state.secretKeys.push({
        id: fakeAccessKeyId(`${spec.tenancy}/${user.name}/${key.name}`),
        userId: id,
        displayName: key.name,
        timeCreated: new Date(now - key.ageDays * DAY).toISOString(),
        timeExpires: key.expiresInDays === undefined ? null : new Date(now + key.expiresInDays * DAY).toISOString(),
        lifecycleState: key.state ?? 'ACTIVE',
      });
    }
    for (const key of user.apiKeys ?? []) {
      // Generated users (index past the seed's own) share one extra pair, so a big seed stays quick to build.
      const pair = index < base.users.length ? seededKeyPair(nextKey++) : seededKeyPair(sharedPairIndex);
      if (user.name === spec.caller && !callerKey) callerKey = pair;
      state.apiKeys.push({
        fingerprint: pair.fingerprint,
        keyValue: pair.publicKeyPem,
        userId: id,
        timeCreated: new Date(now - key.ageDays * DAY).toISOString(),
        lifecycleState: key.state ?? 'ACTIVE',
        activeFrom: 0,
      });
    }
  });
  const callerUser = state.users.find((user) => user.name === spec.caller);
  if (!callerUser || !callerKey) throw new Error(`seed ${seed} has no caller with an API key`);
  return {
    state,
    caller: {
      tenancyId,
      userId: callerUser.id,
      userName: callerUser.name,
      fingerprint: callerKey.fingerprint,
      privateKeyPem: callerKey.privateKeyPem,
      publicKeyPem: callerKey.publicKeyPem,
      region: ASHBURN.regionName,
      homeRegion: FRANKFURT.regionName,
    },
  };
}

/** A new customer secret key value: 44 characters, as OCI shows them (starting with `canary` when given). */
export function newSecretKeyValue(canary?: string): string {
  return markWithCanary(randomBytes(33).toString('base64').slice(0, 44), canary);
}

export function newRequestId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}
