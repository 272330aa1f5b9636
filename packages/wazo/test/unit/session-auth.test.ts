/** logIn, logOut, validateToken, checkToken and the login gates, against a scripted stack over real HTTP. */
import { describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  AuthorizationRequiredError,
  createWazoClient,
  InvalidArgumentError,
  SubscriptionRequiredError,
  type WazoClientOptions,
} from '../../src/index.js';
import { AUTH, tokenData, useFakeStack, USER_UUID, type SeenRequest } from './fake-stack.js';

const stack = useFakeStack();
const CLIENT_ID = 'test-app';
const REFRESH_TOKEN = 'f00dfeed-0000-4000-8000-00000000cafe';
const LOGIN = `POST ${AUTH}/token`;

const client = (options: Partial<WazoClientOptions> = {}) => createWazoClient({ baseUrl: stack.url, retry: false, ...options });
const decodeBasic = (request: SeenRequest) => {
  const binary = atob(String(request.headers.authorization).replace(/^Basic /, ''));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};
const unsignedJwt = (payload: object) =>
  `e30.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.`;

/** `POST /token` answers with `data`; revocations and the user's confd record are scripted too. */
function tokenRoutes(data = tokenData(), subscriptionType: number | null = 2) {
  stack.routes[LOGIN] = () => ({ status: 200, body: { data } });
  stack.routes[`DELETE ${AUTH}/token/*`] = () => ({ status: 200, body: { data: { message: 'success' } } });
  stack.routes[`DELETE ${AUTH}/users/me/tokens/${CLIENT_ID}`] = () => ({ status: 204 });
  stack.routes[`GET /api/confd/1.1/users/${USER_UUID}`] = () => ({ status: 200, body: { uuid: USER_UUID, subscription_type: subscriptionType } });
  return data;
}

describe('auth.logIn', () => {
  it('sends UTF-8 Basic credentials, the expiration and backend, and resolves to the parsed session', async () => {
    const data = tokenRoutes();
    const wazo = client();

    const session = await wazo.auth.logIn({ username: 'zoë@example.com', password: 'pässwörd:with:colons' });

    const [request] = stack.seen;
    expect(decodeBasic(request!)).toBe('zoë@example.com:pässwörd:with:colons');
    expect(JSON.parse(request!.body)).toEqual({ backend: 'wazo_user', expiration: 3600, access_type: 'online' });
    expect(request!.headers['wazo-session-type']).toBeUndefined();
    expect(request!.headers['x-auth-token']).toBeUndefined();
    expect(session).toMatchObject({
      token: data.token,
      refreshToken: undefined,
      userUuid: USER_UUID,
      tenantUuid: data.metadata.tenant_uuid,
      sessionUuid: data.session_uuid,
      acl: data.acl,
      metadata: data.metadata,
    });
    expect(session.expiresAt.toISOString().slice(0, 23)).toBe(data.utc_expires_at.slice(0, 23));
    expect(session.hasAccess('calld.users.me.calls.read')).toBe(true);
    expect(wazo.session).toBe(session);
  });

  it('with a clientId asks for a refresh token; mobile, backend, domain and expiration are passed on', async () => {
    tokenRoutes(tokenData({ refreshToken: REFRESH_TOKEN }));
    const wazo = client({ clientId: CLIENT_ID });

    const session = await wazo.auth.logIn({ username: 'alice', password: 'p', mobile: true, backend: 'ldap_user', domain: 'acme.example.com', expiration: 600 });

    const [request] = stack.seen;
    expect(request!.headers['wazo-session-type']).toBe('mobile');
    expect(JSON.parse(request!.body)).toEqual({
      backend: 'ldap_user',
      expiration: 600,
      access_type: 'offline',
      client_id: CLIENT_ID,
      domain_name: 'acme.example.com',
    });
    expect(session.refreshToken).toBe(REFRESH_TOKEN);
  });

  it('a wrong password is an AuthenticationError carrying wazo-auth\'s reason', async () => {
    stack.routes[LOGIN] = () => ({ status: 401, body: { reason: ['Authentication Failed'], timestamp: [1], status_code: 401 } });
    const error = await client().auth.logIn({ username: 'alice', password: 'wrong' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('401 Authentication Failed');
  });

  it.each([
    [{}, /username/],
    [{ username: 'a:b', password: 'p' }, /cannot contain ":"/],
    [{ username: 'alice', password: '' }, /password/],
    [{ username: 'alice', password: 'p', expiration: 0 }, /expiration/],
    [{ username: 'alice', password: 'p', mobile: 'yes' }, /mobile/],
  ])('refuses bad input %j before sending anything', async (input, message) => {
    await expect(client().auth.logIn(input as never)).rejects.toThrow(message);
    await expect(client().auth.logIn(input as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(stack.seen).toEqual([]);
  });
});

describe('login gates', () => {
  it('minSubscriptionType: a user below it gets SubscriptionRequiredError and both new tokens are revoked', async () => {
    const data = tokenRoutes(tokenData({ refreshToken: REFRESH_TOKEN }), 1);
    const wazo = client({ clientId: CLIENT_ID, minSubscriptionType: 2 });

    const error = await wazo.auth.logIn({ username: 'bob', password: 'p' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SubscriptionRequiredError);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ required: 2, actual: 1 });
    expect(stack.seen.map((r) => `${r.method} ${r.path} ${r.headers['x-auth-token'] ?? ''}`.trim())).toEqual([
      LOGIN,
      `GET /api/confd/1.1/users/${USER_UUID} ${data.token}`,
      `DELETE ${AUTH}/users/me/tokens/${CLIENT_ID} ${data.token}`,
      `DELETE ${AUTH}/token/${data.token}`,
    ]);
    expect(wazo.session).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain(data.token);
  });

  it('minSubscriptionType: a user at the minimum or above qualifies', async () => {
    tokenRoutes(tokenData(), 2);
    const session = await client({ minSubscriptionType: 2 }).auth.logIn({ username: 'alice', password: 'p' });
    expect(session.userUuid).toBe(USER_UUID);
  });

  it('authorizationName: reads the authorizations of metadata.jwt', async () => {
    const jwt = unsignedJwt({ authorizations: [{ uuid: 'a', rules: [{ name: 'softphone', options: {} }] }] });
    tokenRoutes(tokenData({ extra: { metadata: { uuid: USER_UUID, tenant_uuid: 't', auth_id: USER_UUID, purpose: 'user', jwt } } }));

    expect((await client({ authorizationName: 'softphone' }).auth.logIn({ username: 'alice', password: 'p' })).token).toBeTruthy();

    const data = tokenRoutes(tokenData({ extra: { metadata: { uuid: USER_UUID, tenant_uuid: 't', auth_id: USER_UUID, purpose: 'user', jwt } } }));
    stack.seen.length = 0;
    const error = await client({ authorizationName: 'switchboard' }).auth.logIn({ username: 'alice', password: 'p' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorizationRequiredError);
    expect(error).toMatchObject({ authorizationName: 'switchboard' });
    expect(stack.seen.map((r) => `${r.method} ${r.path}`)).toEqual([LOGIN, `DELETE ${AUTH}/token/${data.token}`]);
  });

  it('authorizationName: a token without a JWT does not qualify', async () => {
    tokenRoutes();
    await expect(client({ authorizationName: 'softphone' }).auth.logIn({ username: 'alice', password: 'p' })).rejects.toBeInstanceOf(
      AuthorizationRequiredError,
    );
  });
});

describe('auth.logOut', () => {
  it('revokes the refresh token, then the access token, and forgets both', async () => {
    const data = tokenRoutes(tokenData({ refreshToken: REFRESH_TOKEN }));
    const wazo = client({ clientId: CLIENT_ID });
    await wazo.auth.logIn({ username: 'alice', password: 'p' });
    stack.seen.length = 0;

    await wazo.auth.logOut();

    expect(stack.seen.map((r) => `${r.method} ${r.path} ${r.headers['x-auth-token'] ?? ''}`.trim())).toEqual([
      `DELETE ${AUTH}/users/me/tokens/${CLIENT_ID} ${data.token}`,
      `DELETE ${AUTH}/token/${data.token}`,
    ]);
    expect(wazo.session).toBeUndefined();
    await expect(wazo.calld.listCalls()).rejects.toThrow(/Not logged in/);
  });

  it('without a refresh token only the access token is revoked; logged out, it does nothing', async () => {
    tokenRoutes();
    const wazo = client({ clientId: CLIENT_ID });
    await wazo.auth.logIn({ username: 'alice', password: 'p' });
    await wazo.auth.logOut();
    expect(stack.seen.map((r) => r.method)).toEqual(['POST', 'DELETE']);
    await wazo.auth.logOut();
    expect(stack.seen).toHaveLength(2);
  });
});

describe('auth.validateToken and auth.checkToken', () => {
  it('a valid token: reads it and uses it', async () => {
    const data = tokenData();
    stack.routes[`GET ${AUTH}/token/${data.token}`] = () => ({ status: 200, body: { data } });
    const wazo = client();

    const session = await wazo.auth.validateToken(data.token);

    expect(session.token).toBe(data.token);
    expect(wazo.session).toBe(session);
  });

  it('an expired token with a refresh token: refreshes it, and onTokenRefresh hears of it', async () => {
    const fresh = tokenData();
    stack.routes[`GET ${AUTH}/token/*`] = () => ({ status: 404, body: { reason: ['No such token'], timestamp: [1], status_code: 404 } });
    stack.routes[LOGIN] = () => ({ status: 200, body: { data: fresh } });
    const wazo = client({ clientId: CLIENT_ID });
    const refreshed = vi.fn();
    wazo.onTokenRefresh(refreshed);

    const session = await wazo.auth.validateToken('0dead000-0000-4000-8000-000000000000', REFRESH_TOKEN);

    expect(session).toMatchObject({ token: fresh.token, refreshToken: REFRESH_TOKEN });
    expect(JSON.parse(stack.seen[1]!.body)).toMatchObject({ refresh_token: REFRESH_TOKEN, client_id: CLIENT_ID });
    expect(refreshed).toHaveBeenCalledExactlyOnceWith(session);
    expect(wazo.session).toBe(session);
  });

  it('an expired token without a refresh token: AuthenticationError', async () => {
    stack.routes[`GET ${AUTH}/token/*`] = () => ({ status: 404, body: { reason: ['No such token'], timestamp: [1], status_code: 404 } });
    const error = await client({ clientId: CLIENT_ID }).auth.validateToken('0dead000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/unknown or expired/);
    expect(JSON.stringify(error)).not.toContain('0dead000');
  });

  it('checkToken: true on 204, false on 404, false when there is no token', async () => {
    stack.routes[`HEAD ${AUTH}/token/good-token-1`] = () => ({ status: 204 });
    stack.routes[`HEAD ${AUTH}/token/gone-token-2`] = () => ({ status: 404 });
    const wazo = client();
    expect(await wazo.auth.checkToken('good-token-1')).toBe(true);
    expect(await wazo.auth.checkToken('gone-token-2')).toBe(false);
    expect(await wazo.auth.checkToken()).toBe(false);
    wazo.setToken('good-token-1');
    expect(await wazo.auth.checkToken()).toBe(true);
  });
});
