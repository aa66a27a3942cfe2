import { redactText } from '../util/redact';

/** Where a command writes and what it knows of its terminal; the real process in `main.ts`, a recorder in tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  readonly stdinIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** Columns of the terminal stdout writes to, when it is one. */
  readonly columns?: number;
}

/** Text from an error or a cloud, made safe to print: every secret pattern the log redacts is redacted here too. */
export function safeText(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  return redactText(text);
}

/** Writes one problem line on stderr: `cloud-keys: <what>`. */
export function complain(io: CliIo, message: string): void {
  io.err(`cloud-keys: ${redactText(message)}\n`);
}
