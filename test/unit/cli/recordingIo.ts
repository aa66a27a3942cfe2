import type { CliIo } from '../../../src/cli/io';

/** A CliIo that keeps what was written; not a terminal unless asked. */
export function recordingIo(overrides: Partial<CliIo> = {}): CliIo & { readonly stdout: () => string; readonly stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdoutIsTty: false,
    stderrIsTty: false,
    stdinIsTty: false,
    env: {},
    homeDir: '/nonexistent-home',
    ...overrides,
    stdout: () => out,
    stderr: () => err,
  };
}
