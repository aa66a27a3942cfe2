import * as vscode from 'vscode';
import { asTextBytes } from '../../keyMatching/textBytes';
import type { LeakDiagnostics } from './leakDiagnostics';
import { leakSettings } from './leakSettings';

export interface WorkspaceScanSummary {
  readonly filesScanned: number;
  readonly findings: number;
  readonly filesWithFindings: number;
  readonly skipped: number;
  readonly cancelled: boolean;
}

/** How long the scan works before it lets the window breathe (progress, cancel, typing). */
const SLICE_MS = 8;

/**
 * "Scan Workspace for Keys": every file of the workspace that the exclude globs, the size limit and
 * the binary check let through, read from disk (or from its editor when it is open), its findings
 * added to the Problems panel. Cancellable; offline like every check.
 */
export async function scanWorkspace(
  diagnostics: LeakDiagnostics,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScanSummary> {
  const settings = leakSettings();
  const exclude = settings.exclude.length > 0 ? `{${settings.exclude.join(',')}}` : undefined;
  const files = await vscode.workspace.findFiles('**/*', exclude, undefined, token);
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  let [filesScanned, findings, filesWithFindings, skipped] = [0, 0, 0, 0];
  let sliceEnd = performance.now() + SLICE_MS;
  for (const [i, uri] of files.entries()) {
    if (token.isCancellationRequested) break;
    if (performance.now() > sliceEnd) {
      progress.report({
        message: vscode.l10n.t('{0} of {1} files', i, files.length),
        increment: (100 * SLICE_MS) / Math.max(1, files.length),
      });
      await new Promise((resolve) => setImmediate(resolve));
      sliceEnd = performance.now() + SLICE_MS;
    }
    const document = open.get(uri.toString());
    let leaks;
    if (document) {
      leaks = await diagnostics.check(document);
    } else {
      const stat = await vscode.workspace.fs.stat(uri).then(
        (st) => st,
        () => undefined,
      );
      if (!stat || stat.size > leakSettings(uri).maxFileBytes) {
        skipped++;
        continue;
      }
      const raw = await vscode.workspace.fs.readFile(uri).then(
        (bytes) => bytes,
        () => undefined,
      );
      const text = raw && asTextBytes(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
      if (!text || text.kind === 'binary') {
        skipped++;
        continue;
      }
      leaks = await diagnostics.checkText(uri, text.bytes.toString('utf8').replace(/^\uFEFF/, ''));
      if (!leaks) {
        skipped++;
        continue;
      }
    }
    filesScanned++;
    findings += leaks.length;
    if (leaks.length > 0) filesWithFindings++;
  }
  return { filesScanned, findings, filesWithFindings, skipped, cancelled: token.isCancellationRequested };
}
