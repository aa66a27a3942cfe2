/**
 * The OCI emulator: a local, signature-checking stand-in for the identity API, and for Object
 * Storage's GetNamespace on the same URL, for unit, integration and e2e tests and the demo.
 *
 *   const emulator = await startOciEmulator({ seed: 'test' });
 *   emulator.caller            // tenancy, user, fingerprint and private key of the seeded admin
 *   emulator.state             // the live tenancy (users, keys), for assertions
 *   emulator.faults.add({ route: 'GET /users', kind: 'status', status: 429, headers: { 'retry-after': '0' }, times: 1 })
 *   writeDemoConfig(tmpHome, emulator)   // ~/.oci/config + key for a profile pointed at it
 *   writeSessionConfig(tmpHome, emulator) // + a session-token profile (oci session authenticate)
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startEmulatorServer, type EmulatorTls, type RunningEmulator } from '../shared/httpServer';
import { OciEmulatorHandler } from './handler';
import { ociFingerprint } from './keys';
import type { OciCallerCredentials, OciTenancyState, SeedName } from './state';

export interface OciEmulatorOptions {
  readonly seed?: SeedName;
  readonly port?: number;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP, e.g. to test a CA and a proxy. */
  readonly tls?: EmulatorTls;
  /** How long an uploaded API key stays CREATING and cannot sign (ms); 0 by default. */
  readonly apiKeyActivationMs?: number;
  /** Adds this many users (`bench-user-0001`…, one to three keys each) to the seed, for benchmarks. */
  readonly generatedUsers?: number;
  /** Every customer secret key value the emulator hands out starts with this (see shared/canary.ts). */
  readonly canary?: string;
  /**
   * Vary the answers' optional fields (left out, null, extra fields), deterministically for this
   * seed (see variants.ts). Without it every answer has every field.
   */
  readonly variantSeed?: number;
}

export interface RunningOciEmulator extends RunningEmulator {
  /** The live tenancy; reset by `POST /__emulator/reset`. */
  readonly state: OciTenancyState;
  /** The seeded administrator whose API key signs the adapter's calls. */
  readonly caller: OciCallerCredentials;
  /** Method and full path (with any `/r/<region>` prefix) of every API request that reached the handler. */
  readonly requests: readonly { method: string; path: string }[];
  /** Moves the service's clock away from the caller's (ms, positive = ahead), to test clock skew. */
  setClockOffset(ms: number): void;
  /** The URL that stands for one region's identity endpoint (`<url>/r/<region>`). */
  regionUrl(region: string): string;
  /**
   * A session token (JWT) as `oci session authenticate` would get one, for `publicKeyPem`'s key
   * pair; the seeded caller's unless `userId` is given; valid for `ttlSeconds` (negative: expired).
   */
  issueSessionToken(options: { publicKeyPem: string; userId?: string; ttlSeconds?: number }): string;
}

export async function startOciEmulator(options: OciEmulatorOptions = {}): Promise<RunningOciEmulator> {
  const handler = new OciEmulatorHandler({
    seed: options.seed ?? 'test',
    apiKeyActivationMs: options.apiKeyActivationMs,
    generatedUsers: options.generatedUsers,
    canary: options.canary,
    variantSeed: options.variantSeed,
  });
  const server = await startEmulatorServer(handler, { port: options.port, tls: options.tls });
  return {
    ...server,
    get state() {
      return handler.state;
    },
    get caller() {
      return handler.caller;
    },
    requests: handler.requests,
    setClockOffset: (ms: number) => {
      handler.clockOffsetMs = ms;
    },
    regionUrl: (region: string) => `${server.url}/r/${region}`,
    issueSessionToken: ({ publicKeyPem, userId, ttlSeconds }) =>
      handler.sessions.issue(
        { publicKeyPem, userId: userId ?? handler.caller.userId, tenancyId: handler.state.tenancyId, ttlSeconds: ttlSeconds ?? 3600 },
        handler.now(),
      ),
  };
}

export const DEMO_PROFILE = 'cloud-keys-demo';

/**
 * Writes an OCI config file and private key for the emulator's seeded caller into `dir` (a
 * temporary home, never the user's own): `<dir>/.oci/config` with profile `cloud-keys-demo`, and
 * `<dir>/.oci/cloud-keys-demo.pem` (mode 0600). Returns the environment and the `cloudKeys.*`
 * settings that make the extension discover that account and send its calls to the emulator.
 */
export function writeDemoConfig(
  dir: string,
  emulator: Pick<RunningOciEmulator, 'url' | 'caller'>,
): { env: Record<string, string>; settings: Record<string, string> } {
  const ociDir = path.join(dir, '.oci');
  fs.mkdirSync(ociDir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(ociDir, `${DEMO_PROFILE}.pem`);
  fs.writeFileSync(keyFile, emulator.caller.privateKeyPem, { mode: 0o600 });
  fs.chmodSync(keyFile, 0o600);
  const configFile = path.join(ociDir, 'config');
  fs.writeFileSync(
    configFile,
    [
      '# Written by Cloud Keys for its demo: points at a local OCI emulator, not at Oracle Cloud.',
      `[${DEMO_PROFILE}]`,
      `user=${emulator.caller.userId}`,
      `fingerprint=${emulator.caller.fingerprint}`,
      `tenancy=${emulator.caller.tenancyId}`,
      `region=${emulator.caller.region}`,
      `key_file=${keyFile}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return {
    env: { OCI_CONFIG_FILE: configFile },
    settings: { 'cloudKeys.oci.configFile': configFile, 'cloudKeys.oci.endpoint': emulator.url },
  };
}

export const SESSION_PROFILE = 'cloud-keys-session';

export interface SessionProfileFiles {
  readonly profile: string;
  readonly configFile: string;
  readonly tokenFile: string;
  readonly keyFile: string;
  /** The token the file holds now (a secret: tests compare it, never print it). */
  readonly token: () => string;
  /** Rewrites the token file in place with a new token for the same key, as `oci session refresh` does. */
  refresh(ttlSeconds?: number): void;
  readonly env: Record<string, string>;
  readonly settings: Record<string, string>;
}

function writeSecretFile(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/**
 * Writes a session-token profile for the emulator into `dir` (a temporary home), as
 * `oci session authenticate` lays one out: a session key pair and a token under
 * `<dir>/.oci/sessions/<profile>/` (mode 0600), and a `[profile]` section with `fingerprint`,
 * `key_file`, `tenancy`, `region` and `security_token_file` but no `user`, appended to
 * `<dir>/.oci/config` so any profile already there (the demo's) is left as it is.
 */
export function writeSessionConfig(
  dir: string,
  emulator: Pick<RunningOciEmulator, 'url' | 'caller' | 'issueSessionToken'>,
  options: { profile?: string; userId?: string; ttlSeconds?: number } = {},
): SessionProfileFiles {
  const profile = options.profile ?? SESSION_PROFILE;
  const ociDir = path.join(dir, '.oci');
  const sessionDir = path.join(ociDir, 'sessions', profile);
  fs.mkdirSync(sessionDir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyFile = path.join(sessionDir, 'oci_api_key.pem');
  writeSecretFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  fs.writeFileSync(path.join(sessionDir, 'oci_api_key_public.pem'), publicKeyPem);
  const tokenFile = path.join(sessionDir, 'token');
  let token = '';
  const refresh = (ttlSeconds = 3600) => {
    token = emulator.issueSessionToken({ publicKeyPem, userId: options.userId, ttlSeconds });
    writeSecretFile(tokenFile, token);
  };
  refresh(options.ttlSeconds);
  const configFile = path.join(ociDir, 'config');
  const section = [
    `[${profile}]`,
    `fingerprint=${ociFingerprint(publicKeyPem)}`,
    `key_file=${keyFile}`,
    `tenancy=${emulator.caller.tenancyId}`,
    `region=${emulator.caller.region}`,
    `security_token_file=${tokenFile}`,
    '',
  ].join('\n');
  const before = fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : '';
  fs.writeFileSync(configFile, before && !before.endsWith('\n') ? `${before}\n${section}` : `${before}${section}`, { mode: 0o600 });
  return {
    profile,
    configFile,
    tokenFile,
    keyFile,
    token: () => token,
    refresh,
    env: { OCI_CONFIG_FILE: configFile },
    settings: { 'cloudKeys.oci.configFile': configFile, 'cloudKeys.oci.endpoint': emulator.url },
  };
}

export type { OciCallerCredentials, OciTenancyState, SeedName } from './state';
export { SEED_NAMESPACES } from './state';
export { API_KEY_LIMIT, SECRET_KEY_LIMIT } from './handler';
export { ociFingerprint } from './keys';
