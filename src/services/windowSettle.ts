/**
 * How long after activation the window is taken as settled: background work that is not needed for
 * what the user first sees (the key count past each account's first page, leak detection) waits
 * until then, so it does not compete with the workbench's start-up and the tree's first pages.
 */
export const WINDOW_SETTLE_MS = 3_000;
