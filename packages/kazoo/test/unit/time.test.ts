import { describe, expect, it } from 'vitest';
import { fromGregorian, GREGORIAN_UNIX_OFFSET, InvalidArgumentError, toGregorian } from '../../src/index.js';
import { tokenExpiry } from '../../src/jwt.js';

describe('Gregorian seconds', () => {
  it('are Unix seconds plus 62167219200', () => {
    expect(toGregorian(new Date('1970-01-01T00:00:00Z'))).toBe(GREGORIAN_UNIX_OFFSET);
    expect(toGregorian(new Date('2026-11-22T10:00:00.999Z'))).toBe(Date.UTC(2026, 10, 22, 10) / 1000 + GREGORIAN_UNIX_OFFSET);
    expect(fromGregorian(63911836800).toISOString()).toBe('2025-04-14T08:00:00.000Z');
    expect(fromGregorian('63911836800').getTime()).toBe(fromGregorian(63911836800).getTime());
  });

  it('round-trip to the second', () => {
    const now = new Date('2026-11-22T10:11:12Z');
    expect(fromGregorian(toGregorian(now))).toEqual(now);
  });

  it('refuse what is not a time', () => {
    expect(() => toGregorian(new Date('nope'))).toThrow(InvalidArgumentError);
    expect(() => fromGregorian('')).toThrow(InvalidArgumentError);
    expect(() => fromGregorian('12abc')).toThrow(InvalidArgumentError);
  });
});

describe('token expiry', () => {
  const jwt = (payload: object) => `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.c2ln`;

  it("is the JWT's exp in milliseconds", () => {
    expect(tokenExpiry(jwt({ account_id: 'a', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it('is unknown for opaque tokens, broken payloads and missing exp', () => {
    expect(tokenExpiry('5a3f0c1e9b7d')).toBeUndefined();
    expect(tokenExpiry('a.!!!.c')).toBeUndefined();
    expect(tokenExpiry(jwt({ account_id: 'a' }))).toBeUndefined();
    expect(tokenExpiry(jwt({ exp: 'soon' }))).toBeUndefined();
  });
});
