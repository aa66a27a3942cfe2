import type * as KeyUsesBundle from '../keyUses/lazyEntry';
import type * as LeaksBundle from '../features/leaks/lazyEntry';
import type * as TableExportBundle from '../webview/shared/tableExport';
import { lazyBundle } from '../util/lazyBundles';

// Lazy bundles the forms' controllers use too: apart from lazyModules.ts, which names the forms'
// own bundle, so that no import cycle runs through them.

export type TableExportModule = typeof TableExportBundle;
export type KeyUsesModule = typeof KeyUsesBundle;
export type LeaksModule = typeof LeaksBundle;

/** The Key Age Overview's CSV and Markdown exports, with csv-stringify. */
export const loadTableExport = lazyBundle<TableExportModule>('tableExport', 'table export');

/** Find Uses of Key: the matching engine and the file finder. */
export const loadKeyUsesModule = lazyBundle<KeyUsesModule>('keyUses', 'Find Uses of Key');

/** Leak detection: the key-matching engine and the detectors. */
export const loadLeaksModule = lazyBundle<LeaksModule>('leaks', 'leak detection');
