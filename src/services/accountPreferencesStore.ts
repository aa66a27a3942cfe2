import type * as vscode from 'vscode';
import { CloudIdSchema } from '../model/schemas';
import { lazySchema } from '../model/lazySchema';
import { type Account } from '../model/types';
import type { AccountPreferences } from '../operations/accountRegistry';
import { readValidatedList } from '../util/validatedList';
import type { Logger } from '../util/logger';

const MANUAL_KEY = 'cloudKeys.manualAccounts';
const HIDDEN_KEY = 'cloudKeys.hiddenAccounts';

/** Hand-entered accounts as kept in globalState: names and non-secret fields only. */
const ManualAccountSchema = lazySchema((z) =>
  z.object({
    id: z.string().check(z.minLength(1)),
    cloud: CloudIdSchema,
    label: z.string().check(z.minLength(1)),
    source: z.string(),
    origin: z.object({ kind: z.literal('manual') }),
    region: z.optional(z.string()),
    endpoint: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.string())),
  }),
);
/** The ids of the accounts the user hid. */
const HiddenIdsSchema = lazySchema((z) => z.array(z.string()));

/** Manual and hidden accounts in the extension's global state (synced per machine, never secret). */
export class AccountPreferencesStore implements AccountPreferences {
  constructor(
    private readonly state: vscode.Memento,
    private readonly logger: Logger,
  ) {}

  manualAccounts(): readonly Account[] {
    return readValidatedList(this.state.get<unknown>(MANUAL_KEY, []), ManualAccountSchema, 'account', this.logger);
  }

  async addManualAccount(account: Account): Promise<void> {
    const stored = ManualAccountSchema.parse(account);
    const others = this.manualAccounts().filter((a) => a.id !== account.id);
    await this.state.update(MANUAL_KEY, [...others, stored]);
  }

  async removeManualAccount(id: string): Promise<void> {
    await this.state.update(
      MANUAL_KEY,
      this.manualAccounts().filter((a) => a.id !== id),
    );
    await this.setHidden(id, false);
  }

  hiddenAccountIds(): ReadonlySet<string> {
    const raw = this.state.get<unknown>(HIDDEN_KEY, []);
    const parsed = HiddenIdsSchema.safeParse(raw);
    return new Set(parsed.success ? parsed.data : []);
  }

  async setHidden(id: string, hidden: boolean): Promise<void> {
    const ids = new Set(this.hiddenAccountIds());
    if (hidden) ids.add(id);
    else ids.delete(id);
    await this.state.update(HIDDEN_KEY, [...ids]);
  }
}
