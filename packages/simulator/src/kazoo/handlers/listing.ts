import type { SimReply } from '../../framework/reply.js';
import { csvFileName, listingCsv, wantsCsv } from '../csv.js';
import type { DocMeta } from '../documents.js';
import { buildFilter } from '../query/filters.js';
import { paginate, readPageRequest, type SortKey } from '../query/paging.js';
import { isRangeError, timeRange } from '../query/time-range.js';
import { download, nowSeconds, queryOf, reply, type Deps, type KzContext } from './common.js';

export interface ListingOptions<T extends DocMeta> {
  /** The view's sort key; the document id breaks ties. Creation time by default. */
  key?: (row: T) => string | number;
  /** How a row appears in the listing (its summary). */
  view: (row: T) => Record<string, unknown>;
  /** Time-ranged listings (CDRs, recordings, ...): the Gregorian time the range applies to; it is also the sort key. */
  time?: (row: T) => number;
  /** A longer default range than `max_range` when `created_from` is absent (voicemail retention). */
  defaultRangeSeconds?: number;
  /** Columns of the `text/csv` form, for listings that offer one. */
  csvColumns?: readonly string[];
}

/** A paged, filtered listing of documents in Crossbar's envelope (or CSV when asked for and offered). */
export function listing<T extends DocMeta>(deps: Deps, context: KzContext, rows: readonly T[], options: ListingOptions<T>): SimReply {
  const query = queryOf(context);
  let candidates = rows;
  const { time } = options;
  if (time) {
    const range = timeRange(query, nowSeconds(deps), deps.maxRangeSeconds, options.defaultRangeSeconds === undefined ? {} : { defaultRange: options.defaultRangeSeconds });
    if (isRangeError(range)) {
      return deps.envelopes.invalidField(context.request, range.key, 'date_range', { message: range.message, cause: range.cause });
    }
    candidates = rows.filter((row) => time(row) >= range.from && time(row) <= range.to);
  }
  const sortBy = time ?? options.key ?? ((row: T) => row.pvt_created);
  const keyOf = (row: T): SortKey => [sortBy(row), row.id];
  const matches = buildFilter(query, { createdBounds: time === undefined });
  const page = paginate(candidates, keyOf, matches, readPageRequest(query, deps.pageSizeDefault));
  const items = page.items.map(options.view);
  if (options.csvColumns && wantsCsv(context.request)) {
    const name = csvFileName(context.request);
    return download(context, listingCsv(options.csvColumns, items), 'text/csv', { 'Content-Disposition': `attachment; filename="${name}"`, 'X-File-Name': name });
  }
  return reply(deps, context, 200, items, page.paging ? { paging: page.paging } : {});
}
