import type { CloudContext, CloudModule, DiscoveryProblem } from '../clouds/cloudModule';
import type { CloudProvider } from '../clouds/provider';
import { describeError } from '../model/cloudError';
import type { Account, CloudId } from '../model/types';

/** Accounts the user added by hand and accounts they chose to hide; the VS Code layer keeps them in globalState. */
export interface AccountPreferences {
  manualAccounts(): readonly Account[];
  addManualAccount(account: Account): Promise<void>;
  removeManualAccount(id: string): Promise<void>;
  hiddenAccountIds(): ReadonlySet<string>;
  setHidden(id: string, hidden: boolean): Promise<void>;
}

export interface CloudProblem extends DiscoveryProblem {
  readonly cloud: CloudId;
}

export interface AccountList {
  readonly accounts: readonly Account[];
  readonly hidden: readonly Account[];
  readonly problems: readonly CloudProblem[];
}

/**
 * Every account of every cloud: discovered from each cloud's config files and environment, plus
 * those added by hand, minus those hidden. Holds one provider per account, created on first use.
 */
export class AccountRegistry {
  #list: AccountList | undefined;
  readonly #providers = new Map<string, CloudProvider>();

  constructor(
    private readonly loadModule: (cloud: CloudId) => CloudModule,
    private readonly context: () => CloudContext,
    private readonly preferences: AccountPreferences,
    private readonly clouds: readonly CloudId[],
  ) {}

  /** The accounts, discovering them on first call; `refresh()` forgets the cached list. */
  async list(): Promise<AccountList> {
    this.#list ??= await this.#discover();
    return this.#list;
  }

  refresh(): void {
    this.#list = undefined;
    this.#providers.clear();
  }

  async find(id: string): Promise<Account | undefined> {
    const { accounts, hidden } = await this.list();
    return accounts.find((a) => a.id === id) ?? hidden.find((a) => a.id === id);
  }

  provider(account: Account): CloudProvider {
    let provider = this.#providers.get(account.id);
    if (!provider) {
      provider = this.loadModule(account.cloud).createProvider(account, this.context());
      this.#providers.set(account.id, provider);
    }
    return provider;
  }

  /** The fields a user types to add an account of this cloud by hand. */
  manualFields(cloud: CloudId): CloudModule['manualFields'] {
    return this.loadModule(cloud).manualFields;
  }

  /** The config files each cloud reads, for the VS Code layer to watch. */
  configFiles(): string[] {
    const ctx = this.context();
    return this.clouds.flatMap((cloud) => {
      try {
        return this.loadModule(cloud).configFiles(ctx);
      } catch {
        return [];
      }
    });
  }

  async #discover(): Promise<AccountList> {
    const ctx = this.context();
    const results = await Promise.all(
      this.clouds.map(async (cloud) => {
        try {
          const found = await this.loadModule(cloud).discoverAccounts(ctx);
          return { accounts: found.accounts, problems: found.problems.map((p) => ({ ...p, cloud })) };
        } catch (error) {
          const message = describeError(error);
          return { accounts: [], problems: [{ cloud, source: cloud, message }] };
        }
      }),
    );
    const discovered = results.flatMap((r) => r.accounts);
    const ids = new Set(discovered.map((a) => a.id));
    const all = [...discovered, ...this.preferences.manualAccounts().filter((a) => !ids.has(a.id))];
    const hiddenIds = this.preferences.hiddenAccountIds();
    return {
      accounts: all.filter((a) => !hiddenIds.has(a.id)),
      hidden: all.filter((a) => hiddenIds.has(a.id)),
      problems: results.flatMap((r) => r.problems),
    };
  }
}
