import type { KeyRow, SortColumn, TableView } from '../protocol';

export const DEFAULT_TABLE_VIEW: TableView = { text: '', status: 'all', sortBy: 'ageDays', descending: true };

function matches(row: KeyRow, view: TableView): boolean {
  if (view.status !== 'all' && row.status !== view.status) return false;
  const needle = view.text.trim().toLowerCase();
  if (!needle) return true;
  return [row.cloudName, row.account, row.user, row.name, row.keyId, row.state, row.status].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

function compare(a: KeyRow, b: KeyRow, column: SortColumn): number {
  if (column === 'ageDays') {
    // Keys of unknown age sort as the youngest.
    return (a.ageDays ?? -1) - (b.ageDays ?? -1);
  }
  const field = column === 'cloud' ? 'cloudName' : column;
  return String(a[field]).localeCompare(String(b[field]), undefined, { sensitivity: 'base', numeric: true });
}

/** The rows a table view shows: filtered by text (any column) and status, sorted by one column, ties by key id. */
export function applyTableView(rows: readonly KeyRow[], view: TableView): KeyRow[] {
  const sign = view.descending ? -1 : 1;
  return rows.filter((row) => matches(row, view)).sort((a, b) => sign * compare(a, b, view.sortBy) || a.keyId.localeCompare(b.keyId));
}
