import type { Secret } from '../model/secret';
import type { Account, CloudId } from '../model/types';
import type { Logger } from '../util/logger';
import type { HttpOptions } from '../util/httpClient';
import type { CloudProvider } from './provider';

/**
 * Account credentials kept in VS Code's SecretStorage (an OCI key passphrase, OUTSCALE keys typed
 * in by hand, an IONOS token). The VS Code layer implements it; tests use an in-memory one.
 */
export interface CredentialStore {
  get(name: string): Promise<Secret | undefined>;
  store(name: string, value: Secret): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Questions an adapter may need to ask the user; the VS Code layer shows them. */
export interface UserPrompts {
  /** Asks for the passphrase of an encrypted private key; `undefined` when the user cancels. */
  askPassphrase(account: Account, keyFile: string): Promise<Secret | undefined>;
}

/**
 * Values of the extension's machine-scoped settings that an adapter reads. Names are the setting
 * keys without the `cloudKeys.` prefix, e.g. `oci.configFile`, `oci.endpoint`,
 * `outscale.configFile`, `ionos.apiUrl`. Workspace values never reach here.
 */
export type CloudSettings = Readonly<Record<string, string | undefined>>;

/**
 * Small facts an adapter keeps across windows (VS Code's global state; in memory for the command
 * line), such as who an OUTSCALE key signs as. Never a secret nor a key id: keys are hashes.
 */
export interface CloudMemory {
  get(key: string): string | undefined;
  set(key: string, value: string): PromiseLike<void>;
}

/** Everything an adapter takes from its surroundings, so it runs the same under plain Node and in VS Code. */
export interface CloudContext {
  readonly logger: Logger;
  readonly credentials: CredentialStore;
  readonly prompts: UserPrompts;
  readonly settings: CloudSettings;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  readonly http: HttpOptions;
  /** Injected for tests; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Where facts found once may be kept across windows; none: found again in each. */
  readonly memory?: CloudMemory;
}

/** A config source that could not be read, reported instead of thrown so the other accounts still load. */
export interface DiscoveryProblem {
  /** A file path, an environment variable, or a profile name inside a file. */
  readonly source: string;
  /** What is wrong and how to fix it; no secret. */
  readonly message: string;
}

export interface DiscoveryResult {
  readonly accounts: Account[];
  readonly problems: DiscoveryProblem[];
}

/** One field of the "Add Account" form for a cloud. */
export interface ManualField {
  /** The key in `Account.details` (not secret) or in the stored credential JSON (secret). */
  readonly name: string;
  readonly label: string;
  readonly secret: boolean;
  readonly required: boolean;
  readonly placeholder?: string;
  /** A multi-line value, such as a PEM private key. */
  readonly multiline?: boolean;
  /** Whether typing is hidden; by default a secret field's is. A login kept secret can still be shown. */
  readonly masked?: boolean;
}

/**
 * What `dist/clouds/<cloud>.js` exports as `cloudModule`. The extension requires that bundle the
 * first time the cloud is used (see CloudModuleLoader).
 */
export interface CloudModule {
  readonly cloud: CloudId;
  /** Accounts from the cloud's own config files and environment; never throws for bad config. */
  discoverAccounts(ctx: CloudContext): Promise<DiscoveryResult>;
  /** The config files discovery reads (existing or not), so the VS Code layer can watch them. */
  configFiles(ctx: CloudContext): string[];
  /** The fields a user types to add an account by hand. */
  readonly manualFields: readonly ManualField[];
  /**
   * A provider for one account, of any origin (for `manual`, non-secret fields are in
   * `account.details` and secret ones in `ctx.credentials` under `manualCredentialName(account.id)`).
   * Failures to authenticate surface on the first call, as CloudErrors.
   */
  createProvider(account: Account, ctx: CloudContext): CloudProvider;
}
