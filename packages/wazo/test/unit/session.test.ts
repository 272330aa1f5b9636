import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWazoTime, PbxkitError, toSession } from '../../src/index.js';
import { exampleResponses } from '../../src/generated/auth/testing.js';

describe('parseWazoTime', () => {
  // A time zone far from UTC, so that reading a time as local would show.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('the test runs in a zone that is not UTC', () => {
    expect(new Date(2024, 5, 1).getTimezoneOffset()).not.toBe(0);
  });

  it.each([
    ['2024-06-01T15:00:00.123456', '2024-06-01T15:00:00.123Z'],
    ['2024-06-01T15:00:00', '2024-06-01T15:00:00.000Z'],
    ['2024-06-01T15:00:00.5', '2024-06-01T15:00:00.500Z'],
    ['2024-06-01T15:00:00.123456Z', '2024-06-01T15:00:00.123Z'],
    ['2024-06-01T15:00:00.123456+02:00', '2024-06-01T13:00:00.123Z'],
    ['2024-06-01T15:00:00-0130', '2024-06-01T16:30:00.000Z'],
  ])('%s is %s (no offset means UTC, whatever the local time zone)', (text, iso) => {
    expect(parseWazoTime(text).toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2024-06-01 15:00:00', '2024-06-01'])('%j is an invalid date', (text) => {
    expect(Number.isNaN(parseWazoTime(text).getTime())).toBe(true);
  });
});

describe('toSession', () => {
  const data = exampleResponses.logIn.data;

  it('reads the token data of wazo-auth', () => {
    const session = toSession(data);
    expect(session).toMatchObject({
      token: data.token,
      refreshToken: data.refresh_token,
      userUuid: data.metadata.uuid,
      tenantUuid: data.metadata.tenant_uuid,
      sessionUuid: data.session_uuid,
      acl: data.acl,
      metadata: data.metadata,
    });
    expect(session.expiresAt.toISOString()).toBe('2024-06-01T15:00:00.123Z');
    expect(session.issuedAt.toISOString()).toBe('2024-06-01T14:00:00.123Z');
    expect(session.hasAccess('calld.users.me.calls.read')).toBe(true);
    expect(session.hasAccess(`calld.users.${data.metadata.uuid}.calls.read`)).toBe(true);
    expect(session.hasAccess('confd.users.me.update')).toBe(false);
  });

  it('a refresh answer has no refresh token: the one refreshed with carries over', () => {
    const { refresh_token: _, ...refreshed } = data;
    expect(toSession(refreshed, 'the-refresh-token').refreshToken).toBe('the-refresh-token');
    expect(toSession(refreshed).refreshToken).toBeUndefined();
  });

  it('refuses token data without a token or a readable expiry', () => {
    expect(() => toSession({ ...data, token: '' })).toThrow(PbxkitError);
    expect(() => toSession({ ...data, utc_expires_at: 'soon' })).toThrow(/cannot read/);
  });
});
