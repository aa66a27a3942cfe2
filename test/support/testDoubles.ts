/**
 * Test doubles of the small interfaces the adapters take (they implement the real interfaces, so the
 * compiler catches drift): an in-memory credential store and a logger that keeps its lines.
 */
import { inspect } from 'node:util';
import type { CredentialStore } from '../../src/clouds/cloudModule';
import type { Secret } from '../../src/model/secret';
import type { Logger } from '../../src/util/logger';
import { formatLogLine } from '../../src/util/redact';

export class MemoryCredentials implements CredentialStore {
  readonly values = new Map<string, Secret>();

  async get(name: string): Promise<Secret | undefined> {
    return this.values.get(name);
  }

  async store(name: string, value: Secret): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: string): Promise<void> {
    this.values.delete(name);
  }
}

/**
 * Keeps every line, prefixed with its level. `redacted` formats lines as the output channel does;
 * `raw` keeps exactly what the code handed over, to prove the code itself never passes a secret.
 */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];

  constructor(private readonly mode: 'redacted' | 'raw' = 'redacted') {}

  #add(level: string, message: unknown, args: unknown[]): void {
    const text =
      this.mode === 'redacted'
        ? formatLogLine(message, args)
        : [message, ...args].map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 8 }))).join(' ');
    this.lines.push(`${level} ${text}`);
  }

  trace(message: string, ...args: unknown[]): void {
    this.#add('trace', message, args);
  }

  debug(message: string, ...args: unknown[]): void {
    this.#add('debug', message, args);
  }

  info(message: string, ...args: unknown[]): void {
    this.#add('info', message, args);
  }

  warn(message: string, ...args: unknown[]): void {
    this.#add('warn', message, args);
  }

  error(message: string | Error, ...args: unknown[]): void {
    this.#add('error', message, args);
  }
}
