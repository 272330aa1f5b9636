import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, type CallInput } from '@pbxkit/core';
import { fromGregorian, toGregorian } from '../../src/index.js';
import { splitByTimeRange } from '../../src/time-range.js';

/** A fake `.all()` that records the ranges it was asked for and yields one item per call. */
function recorder() {
  const seen: Record<string, unknown>[] = [];
  const all = async function* (input: CallInput = {}) {
    seen.push(input.query ?? {});
    yield seen.length;
  };
  return { seen, all };
}

const day = 86_400;
const nov1 = new Date('2026-11-01T00:00:00Z');

describe('CDR ranges longer than the server allows', () => {
  it('are walked as windows within the limit, newest first, without overlap or gap', async () => {
    const { seen, all } = recorder();
    const from = toGregorian(nov1) - 100 * day;
    const to = toGregorian(nov1);
    const walk = splitByTimeRange(all, 31 * day);
    const items = [];
    for await (const item of walk({ query: { created_from: fromGregorian(from), created_to: nov1, page_size: 50 } })) items.push(item);
    expect(items).toEqual([1, 2, 3, 4]);
    const windows = seen.map((q) => [q.created_from as number, q.created_to as number] as const);
    expect(windows[0]![1]).toBe(to);
    expect(windows.at(-1)![0]).toBe(from);
    for (const [start, end] of windows) expect(end - start).toBeLessThanOrEqual(31 * day);
    for (let i = 1; i < windows.length; i++) expect(windows[i]![1]).toBe(windows[i - 1]![0] - 1);
    expect(seen.every((q) => q.page_size === 50)).toBe(true);
  });

  it('go oldest first with ascending', async () => {
    const { seen, all } = recorder();
    const walk = splitByTimeRange(all, 31 * day);
    for await (const _ of walk({ query: { created_from: toGregorian(nov1) - 40 * day, created_to: toGregorian(nov1), ascending: true } })) void _;
    expect(seen.map((q) => q.created_from as number)).toEqual([...seen.map((q) => q.created_from as number)].sort((a, b) => a - b));
    expect(seen).toHaveLength(2);
  });

  it('is one walk when the range fits or has no start', async () => {
    const { seen, all } = recorder();
    const walk = splitByTimeRange(all, 31 * day, () => nov1.getTime());
    for await (const _ of walk({ query: { created_from: toGregorian(nov1) - 31 * day } })) void _;
    for await (const _ of walk()) void _;
    expect(seen).toEqual([{ created_from: toGregorian(nov1) - 31 * day }, {}]);
  });

  it('is refused up front when reversed', async () => {
    const { seen, all } = recorder();
    const walk = splitByTimeRange(all, 31 * day);
    await expect(walk({ query: { created_from: nov1, created_to: new Date(nov1.getTime() - 1000) } }).next()).rejects.toThrow(InvalidArgumentError);
    expect(seen).toEqual([]);
  });
});
