/**
 * The users and keys an IONOS emulator starts with. `test` is small and exact (users at the 5-key
 * limit, with inactive keys, with one active key, with none; an administrator and a non-administrator);
 * `demo` looks like a real contract, with keys from a few days to over a year old.
 */
export interface SeedKey {
  readonly ageDays: number;
  readonly active: boolean;
}

export interface SeedUser {
  readonly firstname: string;
  readonly lastname: string;
  readonly email: string;
  readonly administrator: boolean;
  /** Signs in with Basic auth using the emulator's password for this role. */
  readonly login?: 'caller' | 'developer';
  readonly s3Privilege: boolean;
  readonly ageDays: number;
  readonly keys: readonly SeedKey[];
}

export type SeedName = 'test' | 'demo';

const k = (ageDays: number, active = true): SeedKey => ({ ageDays, active });

const TEST: readonly SeedUser[] = [
  {
    firstname: 'Ada',
    lastname: 'Admin',
    email: 'ada.admin@example.com',
    administrator: true,
    login: 'caller',
    s3Privilege: true,
    ageDays: 400,
    keys: [k(10), k(120, false)],
  },
  {
    firstname: 'Fiona',
    lastname: 'Full',
    email: 'fiona.full@example.com',
    administrator: false,
    s3Privilege: true,
    ageDays: 300,
    keys: [k(5), k(40), k(95), k(200, false), k(365, false)],
  },
  {
    firstname: 'Leo',
    lastname: 'Lone',
    email: 'leo.lone@example.com',
    administrator: false,
    s3Privilege: true,
    ageDays: 200,
    keys: [k(30), k(150, false)],
  },
  { firstname: 'Nina', lastname: 'None', email: 'nina.none@example.com', administrator: false, s3Privilege: true, ageDays: 100, keys: [] },
  {
    firstname: 'Dan',
    lastname: 'Developer',
    email: 'dan.dev@example.com',
    administrator: false,
    login: 'developer',
    s3Privilege: true,
    ageDays: 90,
    keys: [k(2)],
  },
  {
    firstname: 'Ivy',
    lastname: 'Idle',
    email: 'ivy.idle@example.com',
    administrator: false,
    s3Privilege: false,
    ageDays: 500,
    keys: [k(180, false), k(420, false)],
  },
];

const DEMO: readonly SeedUser[] = [
  {
    firstname: 'Claire',
    lastname: 'Dubois',
    email: 'claire.dubois@example.com',
    administrator: true,
    login: 'caller',
    s3Privilege: true,
    ageDays: 900,
    keys: [k(12), k(210, false)],
  },
  {
    firstname: 'Jonas',
    lastname: 'Becker',
    email: 'jonas.becker@example.com',
    administrator: false,
    s3Privilege: true,
    ageDays: 640,
    keys: [k(3), k(33), k(97), k(190, false), k(400, false)],
  },
  {
    firstname: 'Amira',
    lastname: 'Haddad',
    email: 'amira.haddad@example.com',
    administrator: false,
    s3Privilege: true,
    ageDays: 480,
    keys: [k(130)],
  },
  {
    firstname: 'Tomás',
    lastname: 'Ortega',
    email: 'tomas.ortega@example.com',
    administrator: false,
    login: 'developer',
    s3Privilege: true,
    ageDays: 300,
    keys: [k(61), k(95, false)],
  },
  {
    firstname: 'Build',
    lastname: 'Pipeline',
    email: 'ci-pipeline@example.com',
    administrator: false,
    s3Privilege: true,
    ageDays: 720,
    keys: [k(370), k(15)],
  },
  {
    firstname: 'Backup',
    lastname: 'Agent',
    email: 'backup-agent@example.com',
    administrator: false,
    s3Privilege: true,
    ageDays: 800,
    keys: [k(520)],
  },
  { firstname: 'Mei', lastname: 'Tanaka', email: 'mei.tanaka@example.com', administrator: false, s3Privilege: true, ageDays: 20, keys: [] },
  {
    firstname: 'Olaf',
    lastname: 'Berg',
    email: 'olaf.berg@example.com',
    administrator: false,
    s3Privilege: false,
    ageDays: 1000,
    keys: [k(700, false)],
  },
];

export const SEEDS: Record<SeedName, readonly SeedUser[]> = { test: TEST, demo: DEMO };
