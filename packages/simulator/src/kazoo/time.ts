/** Kazoo times are Gregorian seconds: seconds since 0000-01-01 UTC. */
export const GREGORIAN_OFFSET = 62_167_219_200;

export function gregorianSeconds(ms: number): number {
  return Math.floor(ms / 1000) + GREGORIAN_OFFSET;
}

export function msFromGregorian(seconds: number): number {
  return (seconds - GREGORIAN_OFFSET) * 1000;
}

/** `2026-11-22T10:00:00Z`, as the response envelope's `timestamp`. */
export function iso8601(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `YYYYMM` of a Gregorian time: the month database (MODB) a document lives in. */
export function modbMonth(seconds: number): string {
  const date = new Date(msFromGregorian(seconds));
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The id of a document stored in a month database: `YYYYMM-<32 hex>`. */
export function modbId(seconds: number, hex: string): string {
  return `${modbMonth(seconds)}-${hex}`;
}

/** Kazoo's `pretty_print_datetime`: `2026-11-22 10:00:00`. */
export function prettyDateTime(seconds: number): string {
  return new Date(msFromGregorian(seconds)).toISOString().slice(0, 19).replace('T', ' ');
}

/** RFC 1036 dates as CDRs carry them: `Sun, 22 Nov 26 10:00:00 +0000`. */
export function rfc1036(seconds: number): string {
  const date = new Date(msFromGregorian(seconds));
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()];
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day}, ${pad(date.getUTCDate())} ${month} ${String(date.getUTCFullYear()).slice(2)} ${time} +0000`;
}
