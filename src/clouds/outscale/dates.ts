import { CloudError } from '../../model/cloudError';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function invalid(message: string): CloudError {
  return new CloudError('invalid', message, { cloud: 'outscale' });
}

/**
 * Reads a date OUTSCALE sent (`2026-01-31T10:00:00.000+0000`, `2026-01-31`, or with `Z`).
 * Returns undefined for anything it cannot read, rather than an Invalid Date.
 */
export function parseWireDate(text: string | null | undefined): Date | undefined {
  if (!text) return undefined;
  const normalised = text.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const withZone = DATE_ONLY.test(normalised) ? `${normalised}T00:00:00Z` : normalised;
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(withZone);
  const ms = Date.parse(hasZone ? withZone : `${withZone}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * Reads an expiration date a person typed: an ISO 8601 date (`2026-12-31`, midnight UTC) or
 * date-time (`2026-12-31T18:00:00Z`, `2026-12-31T18:00+01:00`; no offset means UTC).
 * Throws an `invalid` CloudError naming the accepted forms.
 */
export function parseExpiryInput(text: string): Date {
  const trimmed = text.trim();
  const date = DATE_ONLY.test(trimmed) || DATE_TIME.test(trimmed) ? parseWireDate(trimmed) : undefined;
  if (!date || !sameCalendarDay(trimmed, date)) {
    throw invalid(
      `"${trimmed}" is not a valid expiration date. Use an ISO 8601 date such as 2026-12-31 or a date-time such as 2026-12-31T18:00:00Z.`,
    );
  }
  return date;
}

/** Rejects 2026-02-30 and the like, which Date.parse silently rolls over. */
function sameCalendarDay(text: string, date: Date): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day && !Number.isNaN(date.getTime())
  );
}

/** Checks that an expiration date is a real date in the future; throws an `invalid` CloudError otherwise. */
export function checkFutureExpiry(date: Date, now: number): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw invalid(
      'The expiration date is not a valid date. Use an ISO 8601 date such as 2026-12-31 or a date-time such as 2026-12-31T18:00:00Z.',
    );
  }
  if (date.getTime() <= now) {
    throw invalid(
      `The expiration date ${date.toISOString()} is not in the future. Choose a date after ${new Date(now).toISOString()}, or leave it empty for a key that never expires.`,
    );
  }
  return date;
}

/** The form sent to OUTSCALE: an ISO 8601 date-time in UTC. */
export function toWireDate(date: Date): string {
  return date.toISOString();
}
