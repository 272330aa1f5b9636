import { InvalidArgumentError } from '@pbxkit/core';

/** Seconds from 0001-01-01 (Gregorian) to the Unix epoch: Kazoo's timestamps are Gregorian seconds. */
export const GREGORIAN_UNIX_OFFSET = 62_167_219_200;

/** A `Date` (or Unix milliseconds) as Kazoo's Gregorian seconds, rounded down to the second. */
export function toGregorian(date: Date | number): number {
  const ms = date instanceof Date ? date.getTime() : date;
  if (!Number.isFinite(ms)) throw new InvalidArgumentError('toGregorian() takes a valid Date or a number of milliseconds');
  return Math.floor(ms / 1000) + GREGORIAN_UNIX_OFFSET;
}

/** Kazoo's Gregorian seconds (a number or a numeric string, as form-encoded webhooks send them) as a `Date`. */
export function fromGregorian(seconds: number | string): Date {
  const value = typeof seconds === 'string' && seconds.trim() !== '' ? Number(seconds) : seconds;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InvalidArgumentError('fromGregorian() takes a number of Gregorian seconds');
  return new Date((value - GREGORIAN_UNIX_OFFSET) * 1000);
}

/** The `gregorian-seconds` query serializer: a `Date` becomes Gregorian seconds, a number is sent as it is. */
export const gregorianSerializer = (name: string, value: unknown): Record<string, unknown> => ({
  [name]: value instanceof Date ? toGregorian(value) : value,
});
