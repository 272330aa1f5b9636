import { describe, expect, it } from 'vitest';
import { parseWazoError } from '../../src/index.js';
import { redactBody } from '../../src/errors.js';

describe('parseWazoError reads the four error shapes of Wazo', () => {
  it('standard: message, and invalid-data details as field errors', () => {
    expect(parseWazoError({ message: 'No such user', error_id: 'unknown-user', details: { uuid: 'x' }, timestamp: 1 })).toEqual({
      message: 'No such user',
      fieldErrors: [],
    });
    expect(
      parseWazoError({
        message: 'Sent data is invalid',
        error_id: 'invalid-data',
        details: {
          name: { constraint_id: 'length', constraint: { min: 1 }, message: 'Length must be between 1 and 128.' },
          address: { city: ['Not a valid string.'] },
          tags: ['Not a valid list.'],
        },
      }),
    ).toEqual({
      message: 'Sent data is invalid',
      fieldErrors: [
        { field: 'name', code: 'length', message: 'Length must be between 1 and 128.' },
        { field: 'address.city', message: 'Not a valid string.' },
        { field: 'tags', message: 'Not a valid list.' },
      ],
    });
  });

  it('legacy wazo-auth / dird: the reasons', () => {
    expect(parseWazoError({ reason: ['Authentication Failed'], timestamp: [1], status_code: 401 })).toEqual({ message: 'Authentication Failed' });
    expect(parseWazoError({ reason: ['a', 'b'], timestamp: 1, status_code: 400 })).toEqual({ message: 'a; b' });
  });

  it('wazo-confd: an array of messages, or of field → messages maps', () => {
    expect(parseWazoError(["Resource Not Found - User was not found ('uuid': 'x')"])).toEqual({
      message: "Resource Not Found - User was not found ('uuid': 'x')",
      fieldErrors: [],
    });
    expect(parseWazoError([{ firstname: ['Missing data for required field.'], forwards: { busy: ['Not a valid boolean.'] } }])).toEqual({
      message: 'Invalid input',
      fieldErrors: [
        { field: 'firstname', message: 'Missing data for required field.' },
        { field: 'forwards.busy', message: 'Not a valid boolean.' },
      ],
    });
  });

  it('wazo-agentd: the error', () => {
    expect(parseWazoError({ error: 'no such agent' })).toEqual({ message: 'no such agent' });
  });

  it.each([undefined, null, 'Bad Gateway', 42, {}, [], { message: 5 }])('%j: nothing to read', (body) => {
    expect(parseWazoError(body).message).toBeUndefined();
  });
});

describe('redactBody', () => {
  it('hides credential-like keys and known secrets inside strings, in place', () => {
    const body = {
      details: { invalid_token: 'not-known-but-a-token', reason: 'not_found_or_expired', nested: [{ refresh_token: 'r' }] },
      list: ["('0d8f1b9a-secret', 'confd.users.read')", 7],
    };
    redactBody(body, ['0d8f1b9a-secret', undefined]);
    expect(body).toEqual({
      details: { invalid_token: '[REDACTED]', reason: 'not_found_or_expired', nested: [{ refresh_token: '[REDACTED]' }] },
      list: ["('[REDACTED]', 'confd.users.read')", 7],
    });
  });
});
