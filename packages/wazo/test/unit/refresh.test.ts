/** When the client refreshes its token, against a scripted stack over real HTTP. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, createWazoClient, PermissionDeniedError, type WazoClientOptions } from '../../src/index.js';
import { AUTH, tokenData, useFakeStack, verifier401, type Route, type SeenRequest } from './fake-stack.js';

const stack = useFakeStack();
const CLIENT_ID = 'test-app';
const REFRESH_TOKEN = 'f00dfeed-0000-4000-8000-00000000cafe';
const CALLS = '/api/calld/1.0/users/me/calls';
const CONFD_ME = '/api/confd/1.1/users/me';
const LOGIN = `POST ${AUTH}/token`;

afterEach(() => {
  vi.useRealTimers();
});

const tokenOf = (request: SeenRequest) => String(request.headers['x-auth-token']);

/**
 * A stack whose tokens are valid until `expire()`d: `POST /token` logs in or refreshes with
 * REFRESH_TOKEN, `HEAD /token/{token}` checks a token, and the daemon routes answer 200 for a valid
 * token and `rejection(token)` otherwise.
 */
/** A daemon route: 200 for a valid token, `rejection` otherwise. */
type Daemon = (rejection: Route) => Route;

function scriptedStack(routes: Record<string, (daemon: Daemon) => Route> = {}) {
  const valid = new Set<string>();
  const auth = {
    valid,
    expire: (token: string) => valid.delete(token),
    refreshes: () => stack.seen.filter((r) => `${r.method} ${r.path}` === LOGIN && JSON.parse(r.body).refresh_token).length,
    checks: () => stack.seen.filter((r) => r.method === 'HEAD').length,
  };
  stack.routes[LOGIN] = (request) => {
    const body = JSON.parse(request.body);
    if (body.refresh_token !== undefined && body.refresh_token !== REFRESH_TOKEN) {
      return { status: 401, body: { reason: ['Authentication Failed'], timestamp: [1], status_code: 401 } };
    }
    const data = tokenData({ seconds: body.expiration, refreshToken: body.access_type === 'offline' ? REFRESH_TOKEN : undefined });
    valid.add(data.token);
    return { status: 200, body: { data } };
  };
  stack.routes[`HEAD ${AUTH}/token/*`] = (request) => ({ status: valid.has(request.path.split('/').pop()!) ? 204 : 404 });
  const daemon: Daemon = (rejection) => (request) => (valid.has(tokenOf(request)) ? { status: 200, body: { items: [] } } : rejection(request));
  stack.routes[`GET ${CALLS}`] = daemon((request) => verifier401(tokenOf(request), 'not_found_or_expired'));
  for (const [key, make] of Object.entries(routes)) stack.routes[key] = make(daemon);
  return auth;
}

async function loggedIn(options: Partial<WazoClientOptions> = {}) {
  const wazo = createWazoClient({ baseUrl: stack.url, clientId: CLIENT_ID, retry: false, ...options });
  const session = await wazo.auth.logIn({ username: 'alice', password: 'secret-password' });
  return { wazo, session };
}

const confd401 = (request: SeenRequest) => ({ status: 401, body: [`('${tokenOf(request)}', 'confd.users.me.read')`] });
const agentd401 = () => ({ status: 401, body: { error: 'invalid token or unauthorized' } });
const dird401 = () => ({ status: 401, body: { reason: ['Unauthorized'], timestamp: 1, status_code: 401 } });

describe('a 401 that says why', () => {
  it('not_found_or_expired: refreshes once with the refresh token and replays with the new token', async () => {
    const auth = scriptedStack();
    const { wazo, session } = await loggedIn();
    const refreshed = vi.fn();
    wazo.onTokenRefresh(refreshed);
    auth.expire(session.token);

    expect(await wazo.calld.listCalls()).toEqual([]);

    expect(auth.refreshes()).toBe(1);
    expect(auth.checks()).toBe(0);
    const refresh = stack.seen.find((r) => `${r.method} ${r.path}` === LOGIN && JSON.parse(r.body).refresh_token)!;
    expect(JSON.parse(refresh.body)).toEqual({
      refresh_token: REFRESH_TOKEN,
      client_id: CLIENT_ID,
      backend: 'wazo_user',
      expiration: 3600,
      access_type: 'online',
    });
    expect(refresh.headers.authorization).toBeUndefined();
    const replay = stack.seen.at(-1)!;
    expect(tokenOf(replay)).toBe(wazo.session!.token);
    expect(wazo.session!.token).not.toBe(session.token);
    expect(wazo.session!.refreshToken).toBe(REFRESH_TOKEN);
    expect(refreshed).toHaveBeenCalledExactlyOnceWith(wazo.session);
  });

  it.each([
    ['missing_permission_or_invalid_tenant', (r: SeenRequest) => verifier401(tokenOf(r), 'missing_permission_or_invalid_tenant')],
    ['unauthorized-tenant', () => ({ status: 401, body: { message: 'Unauthorized tenant', error_id: 'unauthorized-tenant', details: {}, timestamp: 1 } })],
  ])('%s: never refreshes, the 401 reaches the caller as a PermissionDeniedError', async (_, rejection) => {
    const auth = scriptedStack({ [`GET ${CALLS}`]: () => rejection });
    const { wazo, session } = await loggedIn();
    // Even a dead token is not refreshed on a permission refusal: the body says what happened.
    auth.expire(session.token);

    const error = await wazo.calld.listCalls().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 401 });
    expect(auth.refreshes()).toBe(0);
    expect(auth.checks()).toBe(0);
    expect(stack.count('GET', CALLS)).toBe(1);
  });
});

describe('a 401 that does not say why (confd, agentd, dird legacy)', () => {
  it.each([
    ['wazo-confd', `GET ${CONFD_ME}`, confd401, (wazo: any) => wazo.confd.getUser({ path: { user_id: 'me' } })],
    ['wazo-agentd', 'GET /api/agentd/1.0/users/me/agents', agentd401, (wazo: any) => wazo.agentd.getStatus()],
    ['wazo-dird (legacy)', 'GET /api/dird/0.1/personal', dird401, (wazo: any) => wazo.dird.listPersonalContacts()],
  ])('%s: HEAD /token/{token} answers 404, so the token is refreshed and the call replayed', async (_, route, rejection, call) => {
    const auth = scriptedStack({ [route]: (daemon) => daemon(rejection) });
    const { wazo, session } = await loggedIn();
    auth.expire(session.token);

    await call(wazo);

    expect(auth.checks()).toBe(1);
    expect(stack.seen.find((r) => r.method === 'HEAD')!.path).toBe(`${AUTH}/token/${session.token}`);
    expect(auth.refreshes()).toBe(1);
    expect(tokenOf(stack.seen.at(-1)!)).toBe(wazo.session!.token);
  });

  it.each([
    ['wazo-confd', `GET ${CONFD_ME}`, confd401, (wazo: any) => wazo.confd.getUser({ path: { user_id: 'me' } })],
    ['wazo-agentd', 'GET /api/agentd/1.0/users/me/agents', agentd401, (wazo: any) => wazo.agentd.getStatus()],
  ])('%s: HEAD /token/{token} answers 204, so it is a permission refusal: no refresh', async (_, route, rejection, call) => {
    const auth = scriptedStack({ [route]: () => rejection });
    const { wazo, session } = await loggedIn();

    const error = await call(wazo).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 401 });
    expect(auth.checks()).toBe(1);
    expect(auth.refreshes()).toBe(0);
    expect(wazo.session!.token).toBe(session.token);
  });

  it('a failed check proves nothing: the 401 stands and nothing is refreshed', async () => {
    const auth = scriptedStack({ [`GET ${CONFD_ME}`]: (daemon) => daemon(confd401) });
    const { wazo, session } = await loggedIn();
    auth.expire(session.token);
    stack.routes[`HEAD ${AUTH}/token/*`] = () => ({ status: 503, body: { message: 'down', error_id: 'unavailable', details: {} } });

    await expect(wazo.confd.getUser({ path: { user_id: 'me' } })).rejects.toBeInstanceOf(AuthenticationError);
    expect(auth.refreshes()).toBe(0);
  });

  it('a token known to be past its refresh time is refreshed without a check', async () => {
    const auth = scriptedStack({ [`GET ${CONFD_ME}`]: (daemon) => daemon(confd401) });
    // No refresh token: nothing is refreshed ahead of time, so the stale token reaches the server.
    const { wazo, session } = await loggedIn({ clientId: undefined });
    auth.expire(session.token);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);

    const error = await wazo.confd.getUser({ path: { user_id: 'me' } }).catch((e: unknown) => e);

    expect(auth.checks()).toBe(0);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/without a refresh token .* log in again/);
  });
});

describe('single flight', () => {
  it('200 concurrent 401s (not_found_or_expired) cause exactly one refresh', async () => {
    const auth = scriptedStack();
    const { wazo, session } = await loggedIn();
    const refreshed = vi.fn();
    wazo.onTokenRefresh(refreshed);
    auth.expire(session.token);

    const results = await Promise.all(Array.from({ length: 200 }, () => wazo.calld.listCalls()));

    expect(results).toHaveLength(200);
    expect(auth.refreshes()).toBe(1);
    expect(auth.checks()).toBe(0);
    expect(refreshed).toHaveBeenCalledOnce();
    expect(stack.count('GET', CALLS)).toBe(400);
  });

  it('200 concurrent ambiguous 401s cause one check and one refresh', async () => {
    const auth = scriptedStack({ [`GET ${CONFD_ME}`]: (daemon) => daemon(confd401) });
    const { wazo, session } = await loggedIn();
    auth.expire(session.token);

    await Promise.all(Array.from({ length: 200 }, () => wazo.confd.getUser({ path: { user_id: 'me' } })));

    expect(auth.checks()).toBe(1);
    expect(auth.refreshes()).toBe(1);
  });

  it('a 401 for a token replaced in the meantime is replayed with the current one, without a check or refresh', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const auth = scriptedStack();
    const { wazo, session } = await loggedIn();
    // The confd call is sent with the first token and answered only once that token was refreshed.
    stack.routes[`GET ${CONFD_ME}`] = async (request) => {
      if (tokenOf(request) !== session.token) return { status: 200, body: { uuid: 'me' } };
      await held;
      return confd401(request);
    };
    const slow = wazo.confd.getUser({ path: { user_id: 'me' } });
    await vi.waitFor(() => expect(stack.count('GET', CONFD_ME)).toBe(1));
    auth.expire(session.token);
    await wazo.calld.listCalls();
    expect(auth.refreshes()).toBe(1);
    release();

    expect(await slow).toEqual({ uuid: 'me' });
    expect(auth.checks()).toBe(0);
    expect(auth.refreshes()).toBe(1);
  });
});

describe('from a refresh token alone', () => {
  it('a client restored with only a refresh token creates its token before the first call, once', async () => {
    const auth = scriptedStack();
    const wazo = createWazoClient({ baseUrl: stack.url, clientId: CLIENT_ID, refreshToken: REFRESH_TOKEN, retry: false });

    await Promise.all([wazo.calld.listCalls(), wazo.calld.listCalls()]);

    expect(auth.refreshes()).toBe(1);
    expect(stack.seen.map((r) => `${r.method} ${r.path}`)).toEqual([LOGIN, `GET ${CALLS}`, `GET ${CALLS}`]);
    expect(wazo.session).toMatchObject({ refreshToken: REFRESH_TOKEN });
  });
});

describe('ahead of expiry', () => {
  it('refreshes before a request once the token is in its last quarter (at most 30 s) of life', async () => {
    const auth = scriptedStack();
    const { wazo, session } = await loggedIn({ tokenExpiration: 60 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 44_000);
    await wazo.calld.listCalls();
    expect(auth.refreshes()).toBe(0);

    vi.setSystemTime(Date.now() + 2_000);
    await wazo.calld.listCalls();

    expect(auth.refreshes()).toBe(1);
    expect(stack.seen.filter((r) => r.path === CALLS).map(tokenOf)).toEqual([session.token, wazo.session!.token]);
  });

  it('without a refresh token there is no early refresh, and an expired token ends in one AuthenticationError per call', async () => {
    const auth = scriptedStack();
    const { wazo, session } = await loggedIn({ clientId: undefined });
    expect(session.refreshToken).toBeUndefined();
    auth.expire(session.token);

    for (const _ of [1, 2]) {
      const error = await wazo.calld.listCalls().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toMatch(/log in again/);
    }
    expect(stack.count('GET', CALLS)).toBe(2);
    expect(auth.refreshes()).toBe(0);
  });

  it('a refused refresh token ends in AuthenticationError for every waiting call, after one attempt', async () => {
    const auth = scriptedStack();
    const { wazo, session } = await loggedIn();
    wazo.setRefreshToken('0badc0de-0000-4000-8000-000000000000');
    auth.expire(session.token);

    const errors = await Promise.all(Array.from({ length: 5 }, () => wazo.calld.listCalls().catch((e: unknown) => e)));

    expect(errors.every((e) => e instanceof AuthenticationError)).toBe(true);
    expect(stack.seen.filter((r) => `${r.method} ${r.path}` === LOGIN)).toHaveLength(2);
  });
});
