import { describe, expect, it } from 'vitest';
import { cdrsApi, composeKazooClient, createKazooClient, InvalidArgumentError, parseKazooError, type KazooAuth } from '../../src/index.js';

describe('client options', () => {
  it.each([
    ['a relative base URL', { baseUrl: '/v2' }],
    ['a negative timeout', { timeout: -1 }],
    ['an empty account id', { accountId: '' }],
    ['a zero time range', { maxRangeSeconds: 0 }],
    ['auth that is a string', { auth: 'key' as unknown as KazooAuth }],
    ['an empty API key', { auth: { apiKey: '' } }],
    ['credentials without an account', { auth: { username: 'jsmith', password: 'p' } as unknown as KazooAuth }],
    ['credentials with two accounts', { auth: { username: 'jsmith', password: 'p', accountName: 'a', accountRealm: 'b' } as unknown as KazooAuth }],
    ['an unknown hash method', { auth: { username: 'jsmith', password: 'p', accountName: 'a', method: 'sha1' } as unknown as KazooAuth }],
    ['an empty auth object', { auth: {} as KazooAuth }],
  ])('refuse %s with InvalidArgumentError', (_, options) => {
    expect(() => createKazooClient(options)).toThrow(InvalidArgumentError);
  });

  it('never put a secret in the error message', () => {
    const secret = 'super-secret-password';
    try {
      createKazooClient({ auth: { username: 'jsmith', password: secret } as unknown as KazooAuth });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });

  it('refuse a factory that is not a function', () => {
    expect(() => composeKazooClient({}, cdrsApi, 'users' as never)).toThrow(InvalidArgumentError);
    expect(Object.keys(composeKazooClient({}, cdrsApi))).toContain('cdrs');
  });

  it('accept null options and no options', () => {
    expect(createKazooClient(null as never).session).toBeUndefined();
    expect(createKazooClient().session).toBeUndefined();
  });

  it('read the account and expiry of a given JWT into the session', () => {
    const token = `e30.${btoa(JSON.stringify({ account_id: 'acc1', owner_id: 'usr1', exp: 1_900_000_000 }))}.c2ln`;
    const kazoo = createKazooClient({ auth: { token } });
    expect(kazoo.session).toEqual({ token, accountId: 'acc1', ownerId: 'usr1', expiresAt: new Date(1_900_000_000_000) });
  });
});

describe('error bodies', () => {
  it('give validation errors as field errors with the dotted path and the rule', () => {
    const parsed = parseKazooError({
      status: 'error',
      error: '400',
      message: 'validation error',
      data: { first_name: { required: { message: 'Field is required but missing' } }, 'caller_id.external.number': { maxLength: { message: 'too long', target: 35 } } },
    });
    expect(parsed).toEqual({
      message: 'validation error',
      fieldErrors: [
        { field: 'first_name', code: 'required', message: 'Field is required but missing' },
        { field: 'caller_id.external.number', code: 'maxLength', message: 'too long' },
      ],
    });
  });

  it('join the error name and the system message', () => {
    expect(parseKazooError({ error: '404', message: 'bad_identifier', data: { message: 'bad identifier', cause: 'x' } }).message).toBe('bad_identifier: bad identifier');
    expect(parseKazooError({ error: '404', message: 'bad identifier', data: ['abc'] })).toEqual({ message: 'bad identifier', fieldErrors: [] });
    expect(parseKazooError('<html>')).toEqual({});
  });
});
