/** Time formats of the Wazo daemons. The simulated stack runs in UTC, so "local" times equal UTC ones. */

/** `2024-06-01T14:00:00.123000`: wazo-auth's token times, microseconds and no offset. */
export function tokenTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000`;
}

/** `2024-06-01T14:00:00.123000+00:00`: the Python `isoformat()` most daemons print. */
export function isoWithOffset(ms: number): string {
  return `${tokenTime(ms)}+00:00`;
}

/** Seconds since the epoch with a fraction, as error bodies carry them. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** Asterisk's channel creation time, e.g. `2024-06-01T14:00:00.123+0000` (offset without a colon). */
export function asteriskTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+0000`;
}
