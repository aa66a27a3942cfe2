import { inspect } from 'node:util';
import { isSecret } from '../model/secret';

export const REDACTED = '[redacted]';

/** Object keys whose values are never printed, whatever they hold. */
const SENSITIVE_KEY =
  /secret|password|passwd|passphrase|pass_phrase|token|private_?key|key_content|authorization|signature|credential|cookie/i;

/**
 * Text patterns that carry secrets even inside plain strings (error messages, SDK output, headers),
 * each with the words it cannot match without (lower case): a pattern runs only on text that holds
 * one of them, so an ordinary log line compiles and runs no pattern at all.
 */
const TEXT_PATTERNS: readonly (readonly [RegExp, string | ((...groups: string[]) => string), readonly string[]])[] = [
  // An OCI session signature's keyId carries the session token itself: keyId="ST$<token>".
  [/\bST\$[A-Za-z0-9._~+/=-]+/g, `ST$${REDACTED}`, ['st$']],
  // A JWT anywhere (session tokens, bearer tokens): header and payload are base64url JSON ("eyJ…").
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED, ['eyj']],
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, REDACTED, ['private key']],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, (_m, scheme) => `${scheme} ${REDACTED}`, ['bearer', 'basic']],
  [/\b(signature|credential)="[^"]*"/gi, (_m, name) => `${name}="${REDACTED}"`, ['signature', 'credential']],
  [/\b(Signature|Credential)=[^,\s"]+/g, (_m, name) => `${name}=${REDACTED}`, ['signature', 'credential']],
  [
    /(["']?[A-Za-z_-]*(?:secret|password|passwd|passphrase|pass_phrase|token|private_?key|key_content|authorization)[A-Za-z_-]*["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}]+)/gi,
    (_m, name) => `${name}${REDACTED}`,
    ['secret', 'password', 'passwd', 'passphrase', 'pass_phrase', 'token', 'privatekey', 'private_key', 'key_content', 'authorization'],
  ],
  [/(\w+:\/\/)[^/\s:@]+:[^/\s@]+@/g, (_m, scheme) => `${scheme}${REDACTED}@`, ['://']],
];

/** Removes secrets from free text. */
export function redactText(text: string): string {
  // What a replacement writes adds no word a later pattern needs, so the original's words decide.
  const lower = text.toLowerCase();
  let out = text;
  for (const [pattern, replacement, words] of TEXT_PATTERNS) {
    if (words.some((word) => lower.includes(word))) out = out.replace(pattern, replacement as never);
  }
  return out;
}

function scrub(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (isSecret(value)) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth > 6) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const text = redactText(value.stack ?? `${value.name}: ${value.message}`);
    return value.cause === undefined ? text : `${text}\n  cause: ${String(scrub(value.cause, seen, depth + 1))}`;
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? REDACTED : scrub(item, seen, depth + 1);
  }
  return out;
}

/** Formats one log argument as text with every secret it may hold replaced by `[redacted]`. */
export function redactForLog(value: unknown): string {
  const clean = scrub(value, new WeakSet(), 0);
  return typeof clean === 'string' ? clean : inspect(clean, { depth: 6, breakLength: 120 });
}

/** Joins a message and its arguments into one redacted line. */
export function formatLogLine(message: unknown, args: readonly unknown[]): string {
  return [message, ...args].map(redactForLog).join(' ');
}
