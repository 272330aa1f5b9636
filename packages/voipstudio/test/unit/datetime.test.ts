import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@pbxkit/core';
import { formatDateTime, parseDateTime } from '../../src/index.js';

describe('VoIPstudio date-times', () => {
  it('round-trips through YYYY-MM-DD HH:MM:SS in UTC', () => {
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(formatDateTime(d)).toBe('2026-01-02 03:04:05');
    expect(parseDateTime('2026-01-02 03:04:05')).toEqual(d);
  });

  it('accepts a bare date as midnight', () => {
    expect(parseDateTime('2026-11-01')).toEqual(new Date(Date.UTC(2026, 10, 1)));
  });

  it.each(['2026-02-30 00:00:00', '2026-11-01T10:00:00Z', '', 'yesterday'])('rejects %j', (text) => {
    expect(() => parseDateTime(text)).toThrow(InvalidArgumentError);
  });

  it('rejects an invalid Date', () => {
    expect(() => formatDateTime(new Date(Number.NaN))).toThrow(InvalidArgumentError);
  });
});
