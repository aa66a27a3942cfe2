/** `Disposable` and `EventEmitter` of the host double, implementing the real API's. */
import type * as vscode from 'vscode';

export class HostDisposable implements vscode.Disposable {
  static from(...items: { dispose(): unknown }[]): HostDisposable {
    return new HostDisposable(() => items.forEach((item) => item.dispose()));
  }

  constructor(private readonly callOnDispose: () => unknown) {}

  dispose(): unknown {
    return this.callOnDispose();
  }
}

export class HostEventEmitter<T> implements vscode.EventEmitter<T> {
  readonly #listeners = new Set<(event: T) => unknown>();

  readonly event: vscode.Event<T> = (listener, thisArgs?, disposables?) => {
    const bound = (event: T) => listener.call(thisArgs, event);
    this.#listeners.add(bound);
    const disposable = new HostDisposable(() => this.#listeners.delete(bound));
    disposables?.push(disposable);
    return disposable;
  };

  get listenerCount(): number {
    return this.#listeners.size;
  }

  fire(data: T): void {
    for (const listener of [...this.#listeners]) listener(data);
  }

  dispose(): void {
    this.#listeners.clear();
  }
}
