/**
 * Crossbar's view paging (`crossbar_view.erl`): rows in key order, descending unless `ascending=true`,
 * `page_size` matching rows per page (filters are applied while scanning, so a page is only short at the
 * end), an opaque `start_key` for where a page starts and `next_start_key` for the next one, absent on the
 * last page. `paginate=false` answers every matching row without paging keys.
 */
export type SortKey = readonly (string | number)[];

export interface PageRequest {
  pageSize: number;
  /** The decoded `start_key`, if one was sent. */
  startKey?: SortKey;
  ascending: boolean;
  paginate: boolean;
}

export interface Page<T> {
  items: T[];
  /** Paging keys for the envelope; absent with `paginate=false`. */
  paging?: { page_size: number; start_key?: string; next_start_key?: string };
}

export function readPageRequest(query: URLSearchParams, defaultPageSize: number): PageRequest {
  const size = Number(query.get('page_size'));
  const startKey = query.get('start_key');
  return {
    pageSize: Number.isInteger(size) && size >= 1 ? size : defaultPageSize,
    ...(startKey ? { startKey: decodeStartKey(startKey) } : {}),
    ascending: query.get('ascending') === 'true' || query.get('descending') === 'false',
    paginate: query.get('paginate') !== 'false',
  };
}

export function paginate<T>(rows: readonly T[], keyOf: (row: T) => SortKey, matches: (row: T) => boolean, request: PageRequest): Page<T> {
  const direction = request.ascending ? 1 : -1;
  const ordered = rows
    .map((row) => ({ row, key: keyOf(row) }))
    .sort((a, b) => direction * compareKeys(a.key, b.key));
  if (!request.paginate) return { items: ordered.filter(({ row }) => matches(row)).map(({ row }) => row) };

  const { startKey } = request;
  let index = startKey === undefined ? 0 : ordered.findIndex(({ key }) => direction * compareKeys(key, startKey) >= 0);
  if (index < 0) index = ordered.length;
  const items: T[] = [];
  let first: SortKey | undefined;
  let next: SortKey | undefined;
  for (; index < ordered.length; index++) {
    const { row, key } = ordered[index]!;
    if (!matches(row)) continue;
    if (items.length === request.pageSize) {
      next = key;
      break;
    }
    first ??= key;
    items.push(row);
  }
  const start = startKey ?? first;
  return {
    items,
    paging: {
      page_size: items.length,
      ...(start === undefined ? {} : { start_key: encodeStartKey(start) }),
      ...(next === undefined ? {} : { next_start_key: encodeStartKey(next) }),
    },
  };
}

/** Numbers before strings; element by element; a prefix sorts first (as CouchDB collates arrays). */
export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareScalars(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareScalars(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Opaque to clients: base64url of the JSON key (Kazoo uses base64url of an Erlang term). */
export function encodeStartKey(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A key that does not decode is used raw, as Crossbar does (`api_util:decode_start_key`). */
export function decodeStartKey(text: string): SortKey {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.every((part) => typeof part === 'string' || typeof part === 'number')) return decoded;
  } catch {
    // not one of ours
  }
  return [/^\d+$/.test(text) ? Number(text) : text];
}
