import type { AgeStatus } from '../protocol';

/** Each policy status in the words the Key Age Overview shows, and its exports write. */
export const STATUS_LABELS: Record<AgeStatus, string> = {
  ok: 'within policy',
  expiring: 'expiring soon',
  old: 'older than policy',
  expired: 'expired',
  inactive: 'inactive',
  unknown: 'age unknown',
};
