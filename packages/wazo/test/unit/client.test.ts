/** What the client sends besides the operation itself, and what its errors show. */
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  AuthenticationError,
  composeWazoClient,
  createCalldApi,
  createChatdApi,
  createWazoClient,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
  type WazoClientOptions,
} from '../../src/index.js';
import { TENANT_UUID, useFakeStack } from './fake-stack.js';

const stack = useFakeStack();
const TOKEN = 'c0ffee00-1234-4abc-8def-0123456789ab';
const CALLS = '/api/calld/1.0/users/me/calls';
const client = (options: Partial<WazoClientOptions> = {}) => createWazoClient({ baseUrl: stack.url, token: TOKEN, retry: false, ...options });

describe('headers', () => {
  it('Wazo-Tenant: from the tenant option, setTenant() and a per-call header, on authenticated requests only', async () => {
    stack.routes[`GET ${CALLS}`] = () => ({ status: 200, body: { items: [] } });
    stack.routes['HEAD /api/auth/0.1/token/*'] = () => ({ status: 204 });
    const wazo = client({ tenant: TENANT_UUID });

    await wazo.calld.listCalls();
    await wazo.calld.listCalls({ headers: { 'Wazo-Tenant': 'per-call-tenant' } });
    wazo.setTenant('another-tenant');
    await wazo.calld.listCalls();
    await wazo.auth.checkToken();
    wazo.setTenant(undefined);
    await wazo.calld.listCalls();

    expect(stack.seen.map((r) => r.headers['wazo-tenant'])).toEqual([TENANT_UUID, 'per-call-tenant', 'another-tenant', undefined, undefined]);
  });

  it('drops headers that Wazo\'s CORS policy refuses, with a warning that names them', async () => {
    stack.routes[`GET ${CALLS}`] = () => ({ status: 200, body: { items: [] } });
    const warn = vi.fn();
    const wazo = client({ logger: { warn } });

    await wazo.calld.listCalls({ headers: { 'X-Request-Id': 'abc', 'Accept-Language': 'fr', Authorization: 'Basic eA==' } });

    const [request] = stack.seen;
    expect(request!.headers['x-request-id']).toBeUndefined();
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.headers['accept-language']).toBe('fr');
    expect(request!.headers['x-auth-token']).toBe(TOKEN);
    expect(warn.mock.calls.map(([m]) => m).sort()).toEqual([
      "dropped the header authorization: Wazo's CORS policy does not allow it",
      "dropped the header x-request-id: Wazo's CORS policy does not allow it",
    ]);
  });

  it('fetchOptions reach every fetch call; the client keeps method, headers, body and signal', async () => {
    stack.routes[`GET ${CALLS}`] = () => ({ status: 200, body: { items: [] } });
    stack.routes['POST /api/auth/0.1/token'] = () => ({ status: 401, body: { reason: ['Authentication Failed'], timestamp: [1], status_code: 401 } });
    const inits: RequestInit[] = [];
    const wazo = client({
      fetchOptions: { credentials: 'include', cache: 'no-store', referrerPolicy: 'no-referrer' },
      fetch: (url, init) => (inits.push(init), fetch(url, init)),
    });

    await wazo.calld.listCalls();
    await wazo.auth.logIn({ username: 'a', password: 'b' }).catch(() => undefined);

    expect(inits).toHaveLength(2);
    for (const init of inits) {
      expect(init).toMatchObject({ credentials: 'include', cache: 'no-store', referrerPolicy: 'no-referrer' });
      expect(init.signal).toBeInstanceOf(AbortSignal);
    }
    expect(inits.map((i) => i.method)).toEqual(['GET', 'POST']);
  });
});

describe('request()', () => {
  it('sends any path under /api/ with the query, body and token, and reads JSON', async () => {
    stack.routes['POST /api/dird/0.1/personal'] = (r) => ({ status: 201, body: { echo: JSON.parse(r.body), q: r.query.get('x') } });
    const wazo = client();

    const result = await wazo.request('post', '/dird/0.1/personal', { query: { x: 0 }, body: { firstname: 'Ada' } });

    expect(result).toEqual({ echo: { firstname: 'Ada' }, q: '0' });
    expect(stack.seen[0]!.headers['x-auth-token']).toBe(TOKEN);
    expect(stack.seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('reads text when asked, and throws typed errors', async () => {
    stack.routes['GET /api/dird/0.1/personal'] = () => ({ status: 200, body: 'a,b' });
    stack.routes['GET /api/calld/1.0/calls/nope'] = () => ({ status: 404, body: { message: 'No such call', error_id: 'no-such-call', details: {} } });
    const wazo = client();
    expect(await wazo.request('GET', 'dird/0.1/personal', { parseAs: 'text' })).toBe('"a,b"');
    await expect(wazo.request('GET', 'calld/1.0/calls/nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps braces literal', async () => {
    stack.routes['GET /api/confd/1.1/users/%7Bme%7D'] = () => ({ status: 200, body: {} });
    await client().request('GET', 'confd/1.1/users/{me}');
    expect(stack.seen[0]!.path).toBe('/api/confd/1.1/users/%7Bme%7D');
  });

  it.each([
    ['FETCH', 'calld/1.0/calls'],
    ['GET', ''],
    ['GET', 'calld/1.0/calls?limit=1'],
    ['GET', 'https://evil.example.com/'],
    ['GET', 'calld/../../etc'],
    ['GET', 42],
  ])('refuses %s %j before sending', async (method, path) => {
    expect(() => client().request(method as never, path as never)).toThrow(InvalidArgumentError);
    expect(stack.seen).toEqual([]);
  });
});

describe('errors', () => {
  it('a wazo-confd 401 never shows the token: message, body, JSON', async () => {
    stack.routes['GET /api/confd/1.1/users/me'] = (r) => ({ status: 401, body: [`('${r.headers['x-auth-token']}', 'confd.users.me.read')`] });
    stack.routes['HEAD /api/auth/0.1/token/*'] = () => ({ status: 204 });

    const error = await client().confd.getUser({ path: { user_id: 'me' } }).catch((e: unknown) => e);

    // The token check says it is alive: a permission refusal.
    expect(error).toBeInstanceOf(PermissionDeniedError);
    const { message, body } = error as PermissionDeniedError;
    expect(message).toContain("('[REDACTED]', 'confd.users.me.read')");
    expect(body).toEqual(["('[REDACTED]', 'confd.users.me.read')"]);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(`${(error as Error).stack}`).not.toContain(TOKEN);
  });

  it('a standard 401 hides details.invalid_token', async () => {
    stack.routes[`GET ${CALLS}`] = () => ({
      status: 401,
      body: { message: 'Unauthorized', error_id: 'unauthorized', details: { invalid_token: TOKEN, reason: 'missing_permission_or_invalid_tenant' } },
    });
    const error = (await client().calld.listCalls().catch((e: unknown) => e)) as AuthenticationError;
    expect(error.body).toMatchObject({ details: { invalid_token: '[REDACTED]', reason: 'missing_permission_or_invalid_tenant' } });
  });

  it('field errors of the standard and confd shapes', async () => {
    stack.routes['PUT /api/confd/1.1/users/me/forwards/busy'] = () => ({ status: 422, body: [{ destination: ['Not a valid string.'] }] });
    const error = (await client()
      .confd.updateUserForward({ path: { user_id: 'me', forward_name: 'busy' }, body: { enabled: true, destination: '1234' } })
      .catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.fieldErrors).toEqual([{ field: 'destination', message: 'Not a valid string.' }]);
    expect(error.message).toMatch(/^422 Invalid input \[destination: Not a valid string\.\]/);
  });
});

describe('composeWazoClient', () => {
  it('carries only the namespaces it is given, plus the session layer', async () => {
    stack.routes[`GET ${CALLS}`] = () => ({ status: 200, body: { items: [] } });
    const wazo = composeWazoClient({ baseUrl: stack.url, token: TOKEN }, createCalldApi, createChatdApi);

    expect(Object.keys(wazo).sort()).toEqual(
      ['application', 'auth', 'baseUrl', 'calld', 'chatd', 'currentToken', 'onTokenRefresh', 'renewToken', 'request', 'session', 'setRefreshToken', 'setTenant', 'setToken'].sort(),
    );
    expect(Object.keys(wazo.auth).sort()).toEqual(['checkToken', 'logIn', 'logOut', 'validateToken']);
    expect(await wazo.calld.listCalls()).toEqual([]);

    expectTypeOf(wazo.calld.listCalls).returns.resolves.toBeArray();
    expectTypeOf(wazo.chatd).toBeObject();
    expectTypeOf(wazo).not.toHaveProperty('confd');
    expectTypeOf(wazo.auth).not.toHaveProperty('listUsers');
  });

  it('createWazoClient carries every daemon; wazo-auth\'s other operations stay beside the session methods', () => {
    const wazo = createWazoClient({ host: 'stack.example.com' });
    for (const name of ['auth', 'calld', 'application', 'confd', 'dird', 'agentd', 'callLogd', 'chatd']) expect(wazo).toHaveProperty(name);
    expect(typeof wazo.auth.listUsers).toBe('function');
    expect(typeof wazo.auth.getToken).toBe('function');
    expectTypeOf(wazo.auth.logIn).parameter(0).toHaveProperty('username');
    expectTypeOf(wazo.auth.checkToken).returns.resolves.toBeBoolean();
  });
});
