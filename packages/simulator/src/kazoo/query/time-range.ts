/**
 * The time range of a time-ranged listing (`crossbar_view:time_range/3`): `created_to` defaults to now,
 * `created_from` to `created_to - max_range`; a range that runs backwards, or is longer than `max_range`,
 * is a 400 `date_range` validation error on `created_from`.
 */
export interface TimeRange {
  from: number;
  to: number;
}

export interface RangeError {
  key: string;
  message: string;
  cause: number;
}

export interface RangeOptions {
  /** The query key's prefix: `created` (`created_from`/`created_to`). */
  key?: string;
  /** A longer default span when `<key>_from` is absent (voicemail: the retention period); then not limited. */
  defaultRange?: number;
}

export function timeRange(query: URLSearchParams, now: number, maxRange: number, options: RangeOptions = {}): TimeRange | RangeError {
  const key = options.key ?? 'created';
  const to = readSeconds(query.get(`${key}_to`)) ?? now;
  const given = readSeconds(query.get(`${key}_from`));
  const from = given ?? to - (options.defaultRange ?? maxRange);
  const path = `${key}_from`;
  if (to < from) return { key: path, message: `${key}_to ${to} is prior to ${path} ${from}`, cause: from };
  if (to - from > maxRange && (given !== undefined || options.defaultRange === undefined)) {
    return { key: path, message: `${key}_to ${to} is more than ${maxRange} seconds from ${path} ${from}`, cause: to };
  }
  return { from, to };
}

export const isRangeError = (range: TimeRange | RangeError): range is RangeError => 'message' in range;

function readSeconds(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}
