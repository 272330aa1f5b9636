import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@pbxkit/core';
import { where, type Cdr } from '../../src/index.js';

describe('where()', () => {
  it('turns plain values into eq conditions and operator objects into one condition each', () => {
    expect(where<Cdr>({ type: 'I', billsec: { gt: 60, lte: 600 }, src: { like: '44%' } })).toEqual([
      { property: 'type', operator: 'eq', value: 'I' },
      { property: 'billsec', operator: 'gt', value: 60 },
      { property: 'billsec', operator: 'lte', value: 600 },
      { property: 'src', operator: 'like', value: '44%' },
    ]);
  });

  it('writes Dates as VoIPstudio UTC date-times, also inside `in` lists', () => {
    const d = new Date(Date.UTC(2026, 10, 1, 8, 5, 9));
    expect(where<Cdr>({ calldate: { gte: d, in: [d] } })).toEqual([
      { property: 'calldate', operator: 'gte', value: '2026-11-01 08:05:09' },
      { property: 'calldate', operator: 'in', value: ['2026-11-01 08:05:09'] },
    ]);
  });

  it('skips undefined conditions and keeps null as a value', () => {
    expect(where<Record<string, unknown>>({ a: undefined, b: null, c: { eq: undefined } })).toEqual([
      { property: 'b', operator: 'eq', value: null },
    ]);
  });

  it.each([
    [{ calldate: { between: ['a', 'b'] } }, /unknown operator "between"/],
    [{ type: { in: 'I' } }, /"in" takes an array/],
    [{ type: () => 1 }, /function is not/],
    [[], /takes an object/],
    [null, /takes an object/],
  ])('rejects %j with InvalidArgumentError', (input, message) => {
    expect(() => where(input as never)).toThrow(InvalidArgumentError);
    expect(() => where(input as never)).toThrow(message);
  });
});
