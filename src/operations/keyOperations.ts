import type { CloudProvider, CreateKeyOptions, CreatedKey } from '../clouds/provider';
import { CloudError, type CloudErrorCode } from '../model/cloudError';
import type { Secret } from '../model/secret';
import type { AccessKey, CloudUser, KeyKind } from '../model/types';
import type { CreateJournal } from './createJournal';

/** Where a new secret goes before anything else happens; the VS Code layer backs it with SecretStorage. */
export interface KeySecretSink {
  storeKeySecret(key: AccessKey, secret: Secret): Promise<void>;
  deleteKeySecret(key: AccessKey): Promise<void>;
}

/**
 * A key was created but its secret could not be stored. It carries the secret so that the caller
 * can show it to the user once; its message never contains it.
 */
export class SecretNotStoredError extends Error {
  override readonly name = 'SecretNotStoredError';

  constructor(
    readonly created: CreatedKey & { secret: Secret },
    cause: unknown,
  ) {
    super(`Key ${created.key.id} was created, but its secret could not be saved in secret storage.`, { cause });
  }

  /** Thrown by the rotation engine's bundle (dist/lazy/rotationEngine.js), caught by the extension's: the brand, not the class, says what it is. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SECRET_NOT_STORED_BRAND] === true;
  }
}

const SECRET_NOT_STORED_BRAND = Symbol.for('cloudKeys.SecretNotStoredError');
Object.defineProperty(SecretNotStoredError.prototype, SECRET_NOT_STORED_BRAND, { value: true });

/** Checks the per-user limit before any request, naming the user, the limit and the keys in the way. */
export function assertBelowLimit(provider: CloudProvider, user: CloudUser, kind: KeyKind, existing: readonly AccessKey[]): void {
  const { maxKeysPerUser } = provider.capabilities(kind);
  const sameKind = existing.filter((k) => k.kind === kind);
  if (sameKind.length >= maxKeysPerUser) {
    const names = sameKind.map((k) => (k.displayName ? `${k.displayName} (${k.id})` : k.id)).join(', ');
    throw new CloudError(
      'quota',
      `${user.name} already has ${sameKind.length} of ${maxKeysPerUser} allowed keys of this kind (${names}). Delete one first.`,
      { cloud: provider.cloud },
    );
  }
}

/** Failures that prove the cloud refused the create, so no key can exist; any other failure may hide one. */
const REFUSED_BEFORE_CREATING: ReadonlySet<CloudErrorCode> = new Set([
  'auth',
  'forbidden',
  'not-found',
  'quota',
  'conflict',
  'throttled',
  'invalid',
  'config',
]);

/** Whether a create call's failure proves no key was made (so its journal record can go). */
export function refusedBeforeCreating(error: unknown): boolean {
  return error instanceof CloudError && REFUSED_BEFORE_CREATING.has(error.code);
}

/**
 * The failure of a create whose record stays, saying so: the key may exist with its secret lost (an
 * answer lost, cut off or unreadable), and the recovery finds it. Same code and details as `error`.
 */
function mayHaveCreated(error: unknown): unknown {
  if (!(error instanceof CloudError)) return error;
  const mayExist = /may have been created/.test(error.message) ? '' : ' The key may have been created all the same, its secret lost.';
  return new CloudError(
    error.code,
    `${error.message}${mayExist} Before trying again, run "Cloud Keys: Recover Interrupted Key Creations" (it also runs at the next start): it finds such a key and saves its secret or offers to delete it.`,
    { cloud: error.cloud, requestId: error.requestId, httpStatus: error.httpStatus, cloudCode: error.cloudCode, cause: error },
  );
}

/**
 * Creates a key and stores its secret before returning, so that nothing (a tree refresh, a form, a
 * rotation step) can run between creation and storage. With a `journal`, the intent is recorded
 * before the cloud call and cleared once the secret is stored, so that a create interrupted by a
 * crash can be found and recovered at the next start.
 */
export async function createKeyStoringSecret(
  provider: CloudProvider,
  user: CloudUser,
  kind: KeyKind,
  options: CreateKeyOptions,
  sink: KeySecretSink,
  signal?: AbortSignal,
  journal?: CreateJournal,
): Promise<CreatedKey> {
  const existing = await provider.listKeys(user.id, signal);
  assertBelowLimit(provider, user, kind, existing);
  // An uploaded public key has no secret to lose: nothing to record.
  const intent =
    journal && !options.publicKeyPem
      ? await journal.begin({
          accountId: user.accountId,
          cloud: provider.cloud,
          userId: user.id,
          kind,
          keysBefore: existing.filter((k) => k.kind === kind).map((k) => k.id),
        })
      : undefined;
  try {
    let created: CreatedKey;
    try {
      created = await provider.createKey(user.id, kind, options, signal);
    } catch (error) {
      if (!intent) throw error;
      if (refusedBeforeCreating(error)) {
        await journal?.clear(intent.id);
        throw error;
      }
      // No proof that the cloud refused: an answer lost, cut off or unreadable may hide a new key.
      throw mayHaveCreated(error);
    }
    if (created.secret) {
      try {
        await sink.storeKeySecret(created.key, created.secret);
      } catch (error) {
        // The record stays: the caller shows the secret once, and the next start asks about the key again.
        throw new SecretNotStoredError({ ...created, secret: created.secret }, error);
      }
    }
    if (intent) await journal?.clear(intent.id);
    return created;
  } finally {
    if (intent) journal?.settled(intent.id);
  }
}

/** Deletes a key at the cloud, then forgets its stored secret. */
export async function deleteKeyAndSecret(
  provider: CloudProvider,
  key: AccessKey,
  sink: KeySecretSink,
  signal?: AbortSignal,
): Promise<void> {
  await provider.deleteKey(key, signal);
  await sink.deleteKeySecret(key);
}
