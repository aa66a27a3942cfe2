import type { CliIo } from './io';

/** How often the progress line is redrawn at most. */
const REDRAW_MS = 100;

export interface ProgressLine {
  update(text: string): void;
  /** Removes the line, so what follows starts on a clean one. */
  done(): void;
}

/**
 * One line of progress on stderr, redrawn in place, only when stderr is a terminal: nothing at all
 * reaches a pipe or a log file.
 */
export function progressLine(io: CliIo): ProgressLine {
  if (!io.stderrIsTty) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (shown && now - last < REDRAW_MS) return;
      last = now;
      shown = true;
      const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
      io.err(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    },
    done() {
      if (shown) io.err('\r\x1b[K');
      shown = false;
    },
  };
}
