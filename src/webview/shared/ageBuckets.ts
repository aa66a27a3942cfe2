import type { AgeStatus, KeyRow } from '../protocol';

export interface AgeBucket {
  readonly label: string;
  /** Inclusive lower bound in days; `null` for keys of unknown age. */
  readonly from: number | null;
  readonly to: number;
  readonly counts: Readonly<Record<AgeStatus, number>>;
  readonly total: number;
}

/** The order statuses are stacked in, healthiest at the bottom. */
export const STATUS_ORDER: readonly AgeStatus[] = ['ok', 'expiring', 'old', 'expired', 'inactive', 'unknown'];

function empty(): Record<AgeStatus, number> {
  return { ok: 0, old: 0, expiring: 0, expired: 0, inactive: 0, unknown: 0 };
}

/**
 * Bars of the age chart: 0–30, 31–60, 61–<max>, then past the policy up to a year, over a year, and
 * unknown age. A policy maximum under a year is always a bucket edge, so no bar mixes keys on both sides.
 */
export function ageBuckets(rows: readonly KeyRow[], maxAgeDays: number): AgeBucket[] {
  const edges = [...new Set([0, 31, 61, maxAgeDays + 1, 181, 366])].filter((e) => e <= 366).sort((a, b) => a - b);
  const ranges = edges.map((from, i) => ({ from, to: i + 1 < edges.length ? edges[i + 1] - 1 : Number.POSITIVE_INFINITY }));
  const buckets = ranges.map((r) => ({ ...r, counts: empty(), total: 0 }));
  const unknown = { from: null, to: Number.NaN, counts: empty(), total: 0 };
  for (const row of rows) {
    const bucket = row.ageDays === null ? unknown : (buckets.find((b) => row.ageDays! >= b.from && row.ageDays! <= b.to) ?? buckets[0]);
    bucket.counts[row.status] += 1;
    bucket.total += 1;
  }
  const labelled: AgeBucket[] = buckets.map((b) => ({
    ...b,
    label: Number.isFinite(b.to) ? `${b.from}–${b.to} d` : `> ${b.from - 1} d`,
  }));
  if (unknown.total > 0) labelled.push({ ...unknown, label: 'unknown' });
  return labelled;
}
