import { createTwoFilesPatch } from 'diff';
import { rewriteSpans, type RewireTarget } from './rewire';

/**
 * The diff a person confirms before a rotation rewrites a file, with every secret masked: ids are
 * shown as they are, a secret as `‹secret of NAME›`.
 */
export function maskedDiff(
  target: RewireTarget,
  bytes: Buffer,
  names: { readonly old: string; readonly new: string; readonly newKeyId: string },
): string {
  const secretSpans = target.spans.filter((s) => s.kind === 'secret');
  const before = rewriteSpans(bytes, secretSpans, { keyId: '', secret: `‹secret of ${names.old}›` }).bytes.toString('utf8');
  const after = rewriteSpans(bytes, target.spans, { keyId: names.newKeyId, secret: `‹secret of ${names.new}›` }).bytes.toString('utf8');
  return createTwoFilesPatch(target.file, target.file, before, after, undefined, undefined, { context: 1 });
}
