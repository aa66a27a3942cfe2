import { describeError } from '../model/cloudError';
import type { Secret } from '../model/secret';
import type { AccessKey } from '../model/types';
import type { ExportRepointer } from '../operations/rotation';
import type { Logger } from '../util/logger';
import { applyRewire, FileChangedError, type RewireTarget } from './rewire';

function keyOf(accountId: string, keyId: string): string {
  return `${accountId}|${keyId}`;
}

/**
 * The uses a rotation rewrites besides Cloud Keys' own exports: files the user chose after seeing
 * their diff. It wraps the export updater, so the rotation engine switches both at its
 * "update exports" step and switches both back when it rolls back (the same call, the other way).
 * It knows which files hold which key at which bytes; a file changed since is refused and left as
 * it is (listed in `refused`), and the rotation goes on.
 */
export class UseRewirer implements ExportRepointer {
  readonly #holding = new Map<string, RewireTarget[]>();
  readonly refused: string[] = [];

  constructor(
    private readonly inner: ExportRepointer,
    private readonly logger: Logger,
  ) {}

  /** The files, planned from the old key's uses, to rewrite when the key is rotated. */
  plan(accountId: string, oldKeyId: string, targets: readonly RewireTarget[]): void {
    this.#holding.set(keyOf(accountId, oldKeyId), [...targets]);
  }

  /** The files it will rewrite when `keyId` is switched to another key. */
  planned(accountId: string, keyId: string): readonly RewireTarget[] {
    return this.#holding.get(keyOf(accountId, keyId)) ?? [];
  }

  async repoint(accountId: string, fromKeyId: string, to: AccessKey, secret: Secret, signal?: AbortSignal): Promise<string[]> {
    const changed = await this.inner.repoint(accountId, fromKeyId, to, secret, signal);
    const targets = this.#holding.get(keyOf(accountId, fromKeyId));
    if (!targets) return changed;
    const now: RewireTarget[] = [];
    for (const target of targets) {
      try {
        now.push(applyRewire(target, { keyId: to.id, secret: secret.reveal() }));
        changed.push(`use:${target.file}`);
        this.logger.info(`Rewrote the uses of key ${fromKeyId} in ${target.file} with key ${to.id}.`);
      } catch (error) {
        const why = error instanceof FileChangedError ? error.message : `${target.file} could not be rewritten: ${describeError(error)}`;
        this.refused.push(target.file);
        this.logger.warn(why);
      }
    }
    this.#holding.delete(keyOf(accountId, fromKeyId));
    this.#holding.set(keyOf(accountId, to.id), now);
    return changed;
  }
}
