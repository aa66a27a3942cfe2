import * as vscode from 'vscode';

/** Runs network work in a cancellable notification; cancelling aborts the signal the work receives. */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    return work(abort.signal).finally(() => subscription.dispose());
  });
}
