import { CloudError } from '../../model/cloudError';
import type { CloudId } from '../../model/types';

/** C0/C1 control characters, which a console or a terminal would act on rather than show. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional overrides, embeddings, isolates and marks: they make a name read differently from what it is. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Checks a key's display name or tag before it is sent: no control characters, no bidirectional
 * formatting marks, at most `maxLength` characters. Returns the trimmed name.
 */
export function checkKeyName(name: string, options: { cloud: CloudId; what: string; maxLength: number }): string {
  const trimmed = name.trim();
  const fail = (problem: string) => new CloudError('invalid', `The ${options.what} ${problem}`, { cloud: options.cloud });
  if (CONTROL.test(trimmed)) throw fail('contains a control character (a tab, a line break or similar). Type it on one line without them.');
  if (BIDI.test(trimmed))
    throw fail('contains a right-to-left or other direction mark, which would make it read differently from what it is. Remove it.');
  if ([...trimmed].length > options.maxLength)
    throw fail(`is ${[...trimmed].length} characters long; at most ${options.maxLength} are allowed.`);
  return trimmed;
}
