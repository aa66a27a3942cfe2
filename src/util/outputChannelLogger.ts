import * as vscode from 'vscode';
import type { Logger } from './logger';
import { formatLogLine } from './redact';

/** The extension's one `LogOutputChannel`. Every line goes through the redactor before it is written. */
export class OutputChannelLogger implements Logger, vscode.Disposable {
  readonly #channel: vscode.LogOutputChannel;

  constructor(name: string) {
    this.#channel = vscode.window.createOutputChannel(name, { log: true });
  }

  trace(message: string, ...args: unknown[]): void {
    this.#channel.trace(formatLogLine(message, args));
  }

  debug(message: string, ...args: unknown[]): void {
    this.#channel.debug(formatLogLine(message, args));
  }

  info(message: string, ...args: unknown[]): void {
    this.#channel.info(formatLogLine(message, args));
  }

  warn(message: string, ...args: unknown[]): void {
    this.#channel.warn(formatLogLine(message, args));
  }

  error(message: string | Error, ...args: unknown[]): void {
    this.#channel.error(formatLogLine(message, args));
  }

  show(): void {
    this.#channel.show(true);
  }

  dispose(): void {
    this.#channel.dispose();
  }
}
