import { toCsv } from '../framework/csv.js';

/** CSV as Crossbar exports listings: a header row of the columns, then one row per item. */
export function listingCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return toCsv(columns, rows.map((row) => columns.map((column) => cellText(row[column]))));
}

const cellText = (value: unknown): string => (value === undefined || value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value));

/** The file name of a CSV download: `X-File-Name`, else `?file_name=`, else Crossbar's default. */
export function csvFileName(request: Request): string {
  return request.headers.get('x-file-name') ?? new URL(request.url).searchParams.get('file_name') ?? 'result.csv';
}

/** Whether a listing request asks for CSV (`Accept`, or the `accept` query tunnel). */
export function wantsCsv(request: Request): boolean {
  const tunnelled = new URL(request.url).searchParams.get('accept');
  const accept = (tunnelled ?? request.headers.get('accept') ?? '').toLowerCase();
  return ['text/csv', 'csv', 'text/comma-separated-values'].some((type) => accept.split(',').some((part) => part.trim().split(';')[0] === type));
}
