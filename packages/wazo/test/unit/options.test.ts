import { describe, expect, it } from 'vitest';
import { createWazoClient, InvalidArgumentError, type WazoClientOptions } from '../../src/index.js';

const SECRET = 'a-secret-token-value';

describe('createWazoClient options', () => {
  it.each([
    ['no options', undefined],
    ['a string', 'stack.example.com'],
    ['neither host nor baseUrl', {}],
    ['both host and baseUrl', { host: 'stack.example.com', baseUrl: 'https://stack.example.com' }],
    ['a host with a scheme', { host: 'https://stack.example.com' }],
    ['a host with a path', { host: 'stack.example.com/api' }],
    ['a host with credentials', { host: 'user@stack.example.com' }],
    ['a host with a bad port', { host: 'stack.example.com:99999' }],
    ['a relative baseUrl', { baseUrl: '/api' }],
    ['a baseUrl that is not http', { baseUrl: 'ftp://stack.example.com' }],
    ['an empty clientId', { host: 'h', clientId: '' }],
    ['a clientId over 1024 characters', { host: 'h', clientId: 'x'.repeat(1025) }],
    ['a fractional tokenExpiration', { host: 'h', tokenExpiration: 1.5 }],
    ['a zero tokenExpiration', { host: 'h', tokenExpiration: 0 }],
    ['a negative minSubscriptionType', { host: 'h', minSubscriptionType: -1 }],
    ['an empty authorizationName', { host: 'h', authorizationName: '' }],
    ['an empty tenant', { host: 'h', tenant: '' }],
    ['a refreshToken without clientId', { host: 'h', refreshToken: SECRET }],
    ['a negative timeout', { host: 'h', timeout: -1 }],
    ['a fetch that is not a function', { host: 'h', fetch: 'fetch' }],
    ['an unknown logLevel', { host: 'h', logLevel: 'verbose' }],
    ['fetchOptions with headers', { host: 'h', fetchOptions: { headers: { a: 'b' } } }],
    ['fetchOptions with a signal', { host: 'h', fetchOptions: { signal: AbortSignal.timeout(1) } }],
    ['fetchOptions that are not an object', { host: 'h', fetchOptions: 'include' }],
    ['a header Wazo does not allow', { host: 'h', headers: { 'X-Request-Id': '1' } }],
    ['an X-Auth-Token header', { host: 'h', headers: { 'X-Auth-Token': SECRET } }],
  ])('refuses %s with InvalidArgumentError', (_, options) => {
    expect(() => createWazoClient(options as never)).toThrow(InvalidArgumentError);
  });

  it('names every problem at once, never a secret value', () => {
    const options = { host: 'h', token: '', refreshToken: SECRET, tokenExpiration: -5, headers: { 'X-Auth-Token': SECRET } };
    let message = '';
    try {
      createWazoClient(options as WazoClientOptions);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const part of ['`token`', '`refreshToken` needs the `clientId`', '`tokenExpiration`', 'refuses X-Auth-Token']) {
      expect(message).toContain(part);
    }
    expect(message).not.toContain(SECRET);
  });

  it.each([
    [{ host: 'stack.example.com' }, 'https://stack.example.com/api/calld/1.0/users/me/calls'],
    [{ host: 'Stack.Example.com:8443' }, 'https://stack.example.com:8443/api/calld/1.0/users/me/calls'],
    [{ host: '192.0.2.10:443' }, 'https://192.0.2.10/api/calld/1.0/users/me/calls'],
    [{ host: '[2001:db8::1]:9443' }, 'https://[2001:db8::1]:9443/api/calld/1.0/users/me/calls'],
    [{ baseUrl: 'http://127.0.0.1:8080//' }, 'http://127.0.0.1:8080/api/calld/1.0/users/me/calls'],
    [{ baseUrl: 'https://proxy.example.com/wazo/' }, 'https://proxy.example.com/wazo/api/calld/1.0/users/me/calls'],
  ])('%j sends to %s', async (options, expected) => {
    let seen = '';
    const wazo = createWazoClient({
      ...options,
      token: 'token-1234',
      fetch: async (url) => ((seen = url), Response.json({ items: [] })),
    });
    await wazo.calld.listCalls();
    expect(seen).toBe(expected);
  });

  it('accepts the allowed headers and fetchOptions', () => {
    expect(() =>
      createWazoClient({
        host: 'stack.example.com',
        headers: { 'Accept-Language': 'fr', 'Wazo-Tenant': 't' },
        fetchOptions: { credentials: 'include', mode: 'cors', cache: 'no-store', referrerPolicy: 'no-referrer', keepalive: true },
      }),
    ).not.toThrow();
  });
});
