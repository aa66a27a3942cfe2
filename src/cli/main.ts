// The `cloud-keys` executable (dist/cli.js; bin/cloud-keys.js loads it). No `vscode` anywhere below.
import os from 'node:os';
import type { CliIo } from './io';
import { runCli } from './program';

/** Set by esbuild from package.json (see esbuild.mjs). */
declare const CLOUD_KEYS_VERSION: string | undefined;

// A reader that stops early (`cloud-keys audit | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of failing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  stdinIsTty: process.stdin.isTTY === true,
  env: process.env,
  homeDir: os.homedir(),
  ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
};

void runCli(process.argv.slice(2), io, { version: typeof CLOUD_KEYS_VERSION === 'string' ? CLOUD_KEYS_VERSION : '0.0.0-dev' }).then(
  (code) => {
    // Let stdout drain to a pipe before leaving, rather than process.exit() cutting it short.
    process.exitCode = code;
  },
);
