import * as vscode from 'vscode';

/** What only the test API gives a command: the answer to its confirmation, and a list returned instead of shown. */
export interface DriverOptions {
  /** The user said yes to the command's confirmation (Delete, Deactivate, Rotate, Export, Save OCI Profile). */
  readonly confirmed?: boolean;
  /** Show Key Alerts returns the list instead of showing it. */
  readonly listOnly?: boolean;
  /** Show Key Alerts first waits until every key was read. */
  readonly complete?: boolean;
}

/** One driven run of a command, as the `registerCommand` wrapper sees it. */
export interface DrivenRun {
  readonly options: DriverOptions;
  /** Set by the wrapper: what it showed the user when the command failed or was refused. */
  failure?: string;
}

/**
 * How the integration tier runs commands, through the test API: with `DriverOptions`, and told how
 * the command ended. The `registerCommand` wrapper shows a failure to the user and returns
 * `undefined`, so without this a test could not tell a failed command from one that did nothing.
 */
export class CommandDriver {
  readonly #waiting = new Map<string, DrivenRun>();
  readonly #failures: string[] = [];

  /** Runs command `id` with `args`; rejects with what the wrapper showed if it failed or was refused. */
  async run(id: string, args: readonly unknown[] = [], options: DriverOptions = {}): Promise<unknown> {
    if (this.#waiting.has(id)) throw new Error(`${id} is already being run by the test API.`);
    const run: DrivenRun = { options };
    this.#waiting.set(id, run);
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(id, ...args);
    } finally {
      this.#waiting.delete(id);
    }
    if (run.failure !== undefined) throw new Error(`${id} failed: ${run.failure}`);
    return result;
  }

  /** For the wrapper, as command `id` starts: the run driving it, if any (taken, so a nested run of `id` is not driven). */
  take(id: string): DrivenRun | undefined {
    const run = this.#waiting.get(id);
    this.#waiting.delete(id);
    return run;
  }

  /** For the wrapper: a failure or refusal it showed, driven or not. */
  report(id: string, message: string, run: DrivenRun | undefined): void {
    this.#failures.push(`${id}: ${message}`);
    if (run) run.failure = message;
  }

  /** Every failure and refusal shown since activation, oldest first, as "<command id>: <message>". */
  failures(): readonly string[] {
    return [...this.#failures];
  }
}
