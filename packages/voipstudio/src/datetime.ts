import { InvalidArgumentError } from '@pbxkit/core';

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as VoIPstudio writes times: `YYYY-MM-DD HH:MM:SS`, in UTC. */
export function formatDateTime(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('formatDateTime() takes a valid Date');
  }
  const d = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${d} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** Parse VoIPstudio's `YYYY-MM-DD HH:MM:SS` (or a bare date) as UTC. */
export function parseDateTime(text: string): Date {
  const m = typeof text === 'string' ? pattern.exec(text) : null;
  if (!m) throw new InvalidArgumentError('parseDateTime() takes "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD"');
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
  if (date.getUTCDate() !== +d! || date.getUTCMonth() !== +mo! - 1) {
    throw new InvalidArgumentError(`parseDateTime(): ${text} is not a calendar date`);
  }
  return date;
}
