import type { Failure } from './errors.js';

/** The list parameters every daemon shares (reference §3). */
export interface ListQuery {
  limit?: number;
  offset?: number;
  order?: string;
  direction?: 'asc' | 'desc';
  search?: string;
}

export interface ListOptions<T> {
  /** The text `search` looks into, per row. */
  searchable: (row: T) => readonly (string | number | null | undefined)[];
  /** Fields `order` accepts; anything else answers 400. */
  sortable: readonly string[];
  defaultOrder: string;
  defaultDirection?: 'asc' | 'desc';
  /** Exact-match filters, by query parameter name; applied when the parameter is present. */
  filters?: Record<string, (row: T, value: unknown) => boolean>;
  /** The value `order` sorts by; the row's property of that name by default. */
  sortValue?: (row: T, order: string) => unknown;
}

export type ListResult<T> = { items: T[]; total: number; filtered: number } | { failure: Failure };

/**
 * Searches, filters, sorts and pages rows already scoped to what the caller may see. `total` counts those
 * rows, `filtered` the ones left after `search` and the filters, before `limit`/`offset`.
 */
export function listRows<T>(rows: readonly T[], query: ListQuery & Record<string, unknown>, options: ListOptions<T>): ListResult<T> {
  const order = query.order ?? options.defaultOrder;
  if (!options.sortable.includes(order)) {
    return { failure: { status: 400, message: 'Sent data is invalid', errorId: 'invalid-data', fields: { order: [`Must be one of: ${options.sortable.join(', ')}.`] } } };
  }
  const search = query.search?.toLowerCase();
  const filters = Object.entries(options.filters ?? {}).filter(([name]) => query[name] !== undefined);
  const matching = rows.filter(
    (row) =>
      (!search || options.searchable(row).some((text) => text !== null && text !== undefined && String(text).toLowerCase().includes(search))) &&
      filters.every(([name, test]) => test(row, query[name])),
  );
  const sortValue = options.sortValue ?? ((row: T, field: string) => (row as Record<string, unknown>)[field]);
  const sign = (query.direction ?? options.defaultDirection ?? 'asc') === 'desc' ? -1 : 1;
  const sorted = [...matching].sort((a, b) => sign * compareValues(sortValue(a, order), sortValue(b, order)));
  const offset = query.offset ?? 0;
  const items = query.limit === undefined ? sorted.slice(offset) : sorted.slice(offset, offset + query.limit);
  return { items, total: rows.length, filtered: matching.length };
}

/** Ascending order with nulls last (PostgreSQL's default); strings compare case-insensitively. */
export function compareValues(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}
