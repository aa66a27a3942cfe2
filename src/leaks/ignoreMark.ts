/** A comment holding this, on a finding's line or the line above, silences it there. */
export const IGNORE_MARK = 'cloud-keys:ignore';
