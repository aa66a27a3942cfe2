import type { CloudId } from '../model/types';
import { LEAK_HINTS } from './cloudHints';
import type { LeakPart } from './types';

/** What the words before a value on its line say it is. */
export interface LineContext {
  /** The part the nearest telling identifier names, if any. */
  readonly part?: Exclude<LeakPart, 'private-key'>;
  /** That identifier, as written. */
  readonly name?: string;
  /** Clouds the line names (`OSC_…`, `ionos_…`, `oci`). */
  readonly clouds: readonly CloudId[];
}

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_.$-]*/g;
/** How far back on the line, and how many identifiers back, a name still describes the value. */
const LOOK_BACK = 120;
const IDENTIFIERS_BACK = 3;

/**
 * What an identifier says a value is, from its words with separators removed and in lower case:
 * `aws_secret_access_key`, `SecretKey` and `OSC_SECRET_KEY` name a secret; `AccessKeyId`,
 * `access_key` and `OSC_ACCESS_KEY` a key id. Generic names (`key`, `id`, `hash`, `cache_key`) name nothing.
 */
export function partNamedBy(identifier: string): LineContext['part'] {
  const word = identifier.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/secret|password|passwd|privatekey|^sk$/.test(word)) return 'secret';
  if (/fingerprint/.test(word)) return 'fingerprint';
  if (/token|bearer|jwt|authorization/.test(word)) return 'token';
  if (/accesskey|keyid|accessid|akid|^ak$|s3key/.test(word)) return 'key-id';
  return undefined;
}

/** The context of a value, from the text of its line before it. */
export function lineContext(before: string): LineContext {
  const prefix = before.slice(-LOOK_BACK);
  const identifiers = [...prefix.matchAll(IDENTIFIER)].map((m) => m[0]);
  let part: LineContext['part'];
  let name: string | undefined;
  for (const identifier of identifiers.slice(-IDENTIFIERS_BACK).reverse()) {
    // A value of an earlier assignment on the line: the names before it are that value's.
    // (Random: 16 characters or more, three digits or more, no separator; a name like `ociS3AccessKeyId` is not.)
    if (
      (identifier.length >= 16 && (identifier.match(/[0-9]/g) ?? []).length >= 3 && !/[_.$-]/.test(identifier)) ||
      identifier.length >= 60
    )
      break;
    part = partNamedBy(identifier);
    if (part) {
      name = identifier.replace(/^\$(?:env:)?/, '');
      break;
    }
  }
  // `ionosToken` names IONOS as `ionos_token` does.
  const lower = prefix.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const clouds = LEAK_HINTS.filter((h) => h.names.test(lower)).map((h) => h.cloud);
  return { part, name, clouds };
}
