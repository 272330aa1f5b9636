/** CSV as Crossbar exports listings: a header row of the columns, then one row per item, CRLF line ends. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Text as is; quoted (RFC 4180) when it holds a comma, a quote or a line break. */
function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
