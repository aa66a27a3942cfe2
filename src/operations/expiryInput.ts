export type ExpiryParse = { ok: true; date: Date | null } | { ok: false; message: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads an expiry typed by a user: empty for none, an ISO 8601 date (end of that day, UTC) or a
 * date-time with a zone; it must be in the future. Messages say what to type instead.
 */
export function parseExpiryInput(text: string, now: number): ExpiryParse {
  const value = text.trim();
  if (value === '') return { ok: true, date: null };
  let date: Date;
  if (DATE_ONLY.test(value)) {
    date = new Date(`${value}T23:59:59Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      return { ok: false, message: `"${value}" is not a calendar date. Use YYYY-MM-DD, e.g. 2027-03-31.` };
    }
  } else if (DATE_TIME.test(value)) {
    date = new Date(value);
    const day = value.slice(0, 10);
    const probe = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== day) {
      return { ok: false, message: `"${value}" is not a valid date and time. Use a real calendar date, e.g. 2027-03-31T18:00:00Z.` };
    }
  } else {
    return { ok: false, message: `"${value}" is not a date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ.` };
  }
  if (date.getTime() <= now) return { ok: false, message: `${value} is in the past. Choose a date in the future.` };
  return { ok: true, date };
}
