import type { CloudProvider } from '../clouds/provider';
import type { Secret } from '../model/secret';
import type { AccessKey } from '../model/types';

/** Where secrets of keys created here are kept (SecretStorage in VS Code). */
export interface KeySecretVault {
  getKeySecret(key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>): Promise<Secret | undefined>;
}

/** How to reach the cloud, asked for only when the vault has no secret. */
export interface SecretFromCloud {
  readonly provider: () => CloudProvider | undefined | Promise<CloudProvider | undefined>;
  /** The key as the cloud lists it, for the cloud call (the forms know only its ids). */
  readonly fullKey: (signal?: AbortSignal) => AccessKey | Promise<AccessKey>;
  /** Wraps the cloud call, e.g. in a cancellable progress; runs it as it is by default. */
  readonly run?: (read: (signal?: AbortSignal) => Promise<Secret>) => PromiseLike<Secret>;
}

/**
 * A key's secret: from the vault first, else from the cloud where the cloud shows a secret again
 * (`capabilities().secretReadableLater`, IONOS Object Storage); `undefined` when neither has it. The
 * one reader of a key's secret, for the commands, the forms and the rotation engine.
 */
export async function readKeySecret(
  vault: KeySecretVault,
  key: Pick<AccessKey, 'accountId' | 'kind' | 'id'>,
  cloud: SecretFromCloud,
): Promise<Secret | undefined> {
  const stored = await vault.getKeySecret(key);
  if (stored) return stored;
  const provider = await cloud.provider();
  if (!provider?.revealSecret || !provider.capabilities(key.kind).secretReadableLater) return undefined;
  const reveal = provider.revealSecret.bind(provider);
  const read = async (signal?: AbortSignal) => reveal(await cloud.fullKey(signal), signal);
  return cloud.run ? cloud.run(read) : read();
}
