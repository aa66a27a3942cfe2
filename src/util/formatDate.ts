/**
 * Dates as people read them: local time, in the reader's locale ("5 Dec 2026, 21:43"). Every date a
 * user sees in a toast, tooltip, log line or table goes through here; only exports write ISO 8601.
 * No `vscode` import: the webview bundle uses it too.
 */

/**
 * A formatter made on first use: building an `Intl.DateTimeFormat` loads the locale's data, which
 * costs more than the rest of activation together, and activation shows no date.
 */
function lazyFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat(undefined, options));
}

const DATE_TIME = lazyFormat({ dateStyle: 'medium', timeStyle: 'short' });
const DAY = lazyFormat({ dateStyle: 'medium' });

function valid(date: Date | string | undefined): Date | undefined {
  if (date === undefined || date === '') return undefined;
  const parsed = typeof date === 'string' ? new Date(date) : date;
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** Date and time, local: "5 Dec 2026, 21:43". `fallback` when there is no (valid) date. */
export function formatDateTime(date: Date | string | undefined, fallback = ''): string {
  const d = valid(date);
  return d ? DATE_TIME().format(d) : fallback;
}

/** The day only, local: "5 Dec 2026". */
export function formatDay(date: Date | string | undefined, fallback = ''): string {
  const d = valid(date);
  return d ? DAY().format(d) : fallback;
}

/** ISO 8601 for files other programs read (CSV, Markdown exports): "2026-12-05T21:43:00.000Z". */
export function isoForExport(date: Date | string | undefined): string {
  const d = valid(date);
  return d ? d.toISOString() : '';
}
