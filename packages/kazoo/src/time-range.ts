import { InvalidArgumentError, type CallInput } from '@pbxkit/core';
import { toGregorian } from './gregorian.js';

/** Kazoo's default `crossbar.maximum_range`: a time-ranged listing may span 31 days and 1 hour. */
export const DEFAULT_MAX_RANGE_SECONDS = 2_682_000;

type Walk<Item> = (input?: CallInput) => AsyncIterableIterator<Item>;

const seconds = (value: unknown): number | undefined =>
  value instanceof Date ? toGregorian(value) : typeof value === 'number' ? value : undefined;

/**
 * Wraps a time-ranged listing's `.all()` so that a `created_from`..`created_to` range longer than the
 * server's limit is walked as consecutive windows, newest first (oldest first with `ascending: true`),
 * each within the limit; bounds are inclusive, so windows do not overlap. A reversed range is refused
 * up front. A range within the limit, or without `created_from`, is one walk as before.
 */
export function splitByTimeRange<Item>(all: Walk<Item>, maxRangeSeconds: number, now = () => Date.now()): Walk<Item> {
  return async function* (input: CallInput = {}) {
    const query = input.query ?? {};
    const from = seconds(query.created_from);
    const to = seconds(query.created_to) ?? toGregorian(now());
    if (from !== undefined && to < from)
      throw new InvalidArgumentError('created_to must not be before created_from');
    if (from === undefined || to - from <= maxRangeSeconds) {
      yield* all(input);
      return;
    }
    const windows: [number, number][] = [];
    for (let end = to; end >= from; end -= maxRangeSeconds + 1) windows.push([Math.max(from, end - maxRangeSeconds), end]);
    if (query.ascending === true) windows.reverse();
    for (const [start, end] of windows) yield* all({ ...input, query: { ...query, created_from: start, created_to: end } });
  };
}
