/** Every way the client authenticates, against the simulator over real HTTP. */
import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  createVoipstudioClient,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  RateLimitError,
  TwoFactorRequiredError,
  type VoipstudioClientOptions,
} from '../../src/index.js';
import { DEMO, DEMO_API_TOKEN, DEMO_USER_ID, rejectionOf, TWO_FACTOR, useSimulator } from './harness.js';

const e2e = useSimulator();
const sessionToken = /^[0-9a-f]{32}$/;

describe('email and password', () => {
  it('login() logs in at once and reports the session once', async () => {
    const vs = e2e.client();
    const refreshed = vi.fn();
    vs.onTokenRefresh(refreshed);
    expect(vs.session).toBeUndefined();

    const session = await vs.login();

    expect(session).toEqual({ token: expect.stringMatching(sessionToken), userId: DEMO_USER_ID });
    expect(vs.session).toEqual(session);
    expect(refreshed).toHaveBeenCalledExactlyOnceWith(session);
    expect((await vs.users.me()).email).toBe(DEMO.email);
    expect(e2e.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /login', 'GET /me']);
    expect(e2e.requests[1]!.headers.get('x-auth-token')).toBe(session.token);
    expect(refreshed).toHaveBeenCalledTimes(1);
  });

  it('logs in lazily before the first call, once for concurrent first calls', async () => {
    const vs = e2e.client();
    const refreshed = vi.fn();
    vs.onTokenRefresh(refreshed);

    const [me, ping, users] = await Promise.all([vs.users.me(), vs.auth.ping(), vs.users.list({ query: { limit: 2 } })]);

    expect(me.id).toBe(DEMO_USER_ID);
    expect(ping.response).toBe('Pong');
    expect(users.items).toHaveLength(2);
    expect(e2e.requests[0]).toMatchObject({ method: 'POST', path: '/login' });
    expect(e2e.count('POST', '/login')).toBe(1);
    expect(e2e.requests).toHaveLength(4);
    expect(refreshed).toHaveBeenCalledExactlyOnceWith(vs.session);
    expect(vs.session?.userId).toBe(DEMO_USER_ID);
  });

  it('an unsubscribed listener is not called', async () => {
    const vs = e2e.client();
    const refreshed = vi.fn();
    const unsubscribe = vs.onTokenRefresh(refreshed);
    unsubscribe();
    await vs.login();
    expect(refreshed).not.toHaveBeenCalled();
  });

  it('a wrong password is one AuthenticationError per call carrying the AU1003 field error', async () => {
    const vs = e2e.client({ auth: { email: DEMO.email, password: 'not-the-password' } });

    for (const attempt of [1, 2]) {
      const error = await rejectionOf(vs.users.me());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({
        status: 400,
        method: 'POST',
        url: `${e2e.baseUrl}/login`,
        requestId: expect.any(String),
        fieldErrors: [{ field: 'email', code: 'AU1003', message: 'Invalid email or password.' }],
      });
      expect(e2e.count('POST', '/login')).toBe(attempt);
    }
    expect(await rejectionOf(vs.login())).toBeInstanceOf(AuthenticationError);
    expect(e2e.count('POST', '/login')).toBe(3);
    expect(e2e.count('GET', '/me')).toBe(0);
    expect(vs.session).toBeUndefined();
  });
});

describe('a login the server cannot answer', () => {
  it('a dropped connection fails the call with ConnectionError; the next call logs in', async () => {
    const vs = e2e.client();
    e2e.sim.faults.drop({ path: '/login', times: 1 });

    const error = await rejectionOf(vs.users.me());

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect((await vs.users.me()).id).toBe(DEMO_USER_ID);
    expect(e2e.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /login', 'POST /login', 'GET /me']);
  });

  // BUG (packages/core/src/auth.ts, createTokenManager `start`, the rejection handler): any refresh
  // failure other than AuthenticationError/ConnectionError/AbortError is replaced by
  // `new AuthenticationError({ status: 401, message: 'Could not refresh the credentials' })`, so a 503
  // or 429 on POST /login reads as "bad credentials" with a made-up 401, no requestId, no url and no
  // retryAfterMs. Remove `.fails` once server errors pass through as they are.
  it.each([
    ['503', () => e2e.sim.faults.status(503, { path: '/login', times: 1 }), InternalServerError, 503],
    ['429', () => e2e.sim.faults.rateLimit(7, { path: '/login', times: 1 }), RateLimitError, 429],
  ] as const)('a %s on POST /login surfaces as that server error, not as bad credentials', async (_, inject, ErrorClass, status) => {
    inject();
    const error = await rejectionOf(e2e.client().users.me());
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status, requestId: expect.any(String), url: `${e2e.baseUrl}/login` });
  });
});

describe('two-factor login', () => {
  it('asks the twoFactor callback for the code with the nonce and the email', async () => {
    const twoFactor = vi.fn(async () => TWO_FACTOR.code);
    const vs = e2e.client({ auth: { email: TWO_FACTOR.email, password: TWO_FACTOR.password, twoFactor } });

    const session = await vs.login();

    expect(session.userId).toBe(1002);
    expect(twoFactor).toHaveBeenCalledExactlyOnceWith({ nonce: expect.stringMatching(sessionToken), email: TWO_FACTOR.email });
    expect(e2e.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /login', 'POST /login2fa']);
    expect((await vs.users.me()).id).toBe(1002);
  });

  it('a wrong code is an AuthenticationError', async () => {
    const vs = e2e.client({ auth: { email: TWO_FACTOR.email, password: TWO_FACTOR.password, twoFactor: () => '000000' } });
    const error = await rejectionOf(vs.users.me());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, fieldErrors: [{ field: 'code', message: 'Invalid code' }] });
    expect(e2e.count('GET', '/me')).toBe(0);
  });

  it('without a callback the call fails with TwoFactorRequiredError', async () => {
    const vs = e2e.client({ auth: { email: TWO_FACTOR.email, password: TWO_FACTOR.password } });

    const error = await rejectionOf(vs.users.me());

    expect(error).toBeInstanceOf(TwoFactorRequiredError);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ name: 'TwoFactorRequiredError', status: 202, requestId: expect.any(String) });
    expect(error.message).toMatch(/twoFactor/);
    expect(e2e.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /login']);
  });
});

describe('API tokens', () => {
  it('{ apiKey } sends X-Auth-Token and never logs in', async () => {
    const vs = e2e.client({ auth: { apiKey: DEMO_API_TOKEN } });
    expect((await vs.users.me()).id).toBe(DEMO_USER_ID);
    expect(e2e.requests).toHaveLength(1);
    expect(e2e.requests[0]!.headers.get('x-auth-token')).toBe(DEMO_API_TOKEN);
    expect(e2e.requests[0]!.headers.get('authorization')).toBeNull();
  });

  it('logout() with an API key sends nothing and keeps the key: there is no session to end', async () => {
    const vs = e2e.client({ auth: { apiKey: DEMO_API_TOKEN } });
    await vs.logout();
    expect(e2e.requests).toHaveLength(0);
    expect((await vs.users.me()).id).toBe(DEMO_USER_ID);
    expect(e2e.requests[0]!.headers.get('x-auth-token')).toBe(DEMO_API_TOKEN);
  });

  it('{ apiKey, userId } sends HTTP Basic user_id:token', async () => {
    const vs = e2e.client({ auth: { apiKey: DEMO_API_TOKEN, userId: DEMO_USER_ID } });
    expect((await vs.users.me()).id).toBe(DEMO_USER_ID);
    expect(e2e.requests[0]!.headers.get('authorization')).toBe(`Basic ${btoa(`${DEMO_USER_ID}:${DEMO_API_TOKEN}`)}`);
    expect(e2e.requests[0]!.headers.get('x-auth-token')).toBeNull();

    const wrongUser = e2e.client({ auth: { apiKey: DEMO_API_TOKEN, userId: 1002 } });
    expect(await rejectionOf(wrongUser.users.me())).toMatchObject({ name: 'AuthenticationError', status: 401 });
  });

  it('a minted token works from a second client until it is revoked', async () => {
    const owner = e2e.client();
    const minted = await owner.apiTokens.create({ body: { name: 'e2e integration', expiry: 3600 } });
    expect(minted).toMatchObject({ user_id: DEMO_USER_ID, name: 'e2e integration', expiry: 3600, token: expect.any(String) });

    const integration = e2e.client({ auth: { apiKey: minted.token } });
    expect((await integration.users.me()).id).toBe(DEMO_USER_ID);
    const listed = await owner.apiTokens.list();
    expect(listed.items.map((t) => t.name)).toContain('e2e integration');

    await owner.apiTokens.delete({ path: { token: minted.token } });
    const error = await rejectionOf(integration.users.me());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, fieldErrors: [{ message: 'Invalid token' }] });
    expect(await rejectionOf(owner.apiTokens.delete({ path: { token: minted.token } }))).toBeInstanceOf(NotFoundError);
    expect(e2e.count('POST', '/login')).toBe(1);
  });
});

describe('{ token } and setToken', () => {
  it('a rejected token is an AuthenticationError and no login is attempted', async () => {
    const vs = e2e.client({ auth: { token: 'ffffffffffffffffffffffffffffffff' } });
    const error = await rejectionOf(vs.users.me());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, method: 'GET', url: `${e2e.baseUrl}/me` });
    expect(e2e.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me']);
  });

  it('a session token from another client works in { token } mode', async () => {
    const { token } = await e2e.client().login();
    const vs = e2e.client({ auth: { token, userId: DEMO_USER_ID } });
    expect((await vs.users.me()).id).toBe(DEMO_USER_ID);
    expect(e2e.requests.at(-1)!.headers.get('x-auth-token')).toBe(token);
  });

  it('logout() ends the server session: the old token then gets 401', async () => {
    const vs = e2e.client();
    const { token } = await vs.login();

    await vs.logout();

    expect(vs.session).toBeUndefined();
    expect(e2e.requests.at(-1)).toMatchObject({ method: 'POST', path: '/logout' });
    expect(e2e.requests.at(-1)!.headers.get('x-auth-token')).toBe(token);
    const other = e2e.client({ auth: undefined });
    other.setToken(token);
    expect(await rejectionOf(other.users.me())).toBeInstanceOf(AuthenticationError);
    expect(e2e.count('POST', '/login')).toBe(1);

    // The logged-out client logs in again on its next call, with a new session.
    await vs.users.me();
    expect(vs.session?.token).not.toBe(token);
    expect(e2e.count('POST', '/login')).toBe(2);
  });

  it('setToken swaps the token the next calls send', async () => {
    const { token } = await e2e.client().login();
    const vs = e2e.client({ auth: { token: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' } });
    expect(await rejectionOf(vs.users.me())).toBeInstanceOf(AuthenticationError);

    vs.setToken(token, DEMO_USER_ID);

    expect(vs.session).toEqual({ token, userId: DEMO_USER_ID });
    expect((await vs.users.me()).id).toBe(DEMO_USER_ID);
    expect(e2e.requests.at(-1)!.headers.get('x-auth-token')).toBe(token);
    vs.setToken(undefined);
    expect(vs.session).toBeUndefined();
    expect(() => vs.setToken('')).toThrow(InvalidArgumentError);
  });
});

describe('options', () => {
  it.each([
    ['an empty email', { auth: { email: '', password: 'x-password' } }],
    ['a missing password', { auth: { email: DEMO.email } }],
    ['a number as auth', { auth: 42 }],
    ['null as auth', { auth: null }],
    ['a fractional userId', { auth: { apiKey: DEMO_API_TOKEN, userId: 1.5 } }],
    ['an empty token', { auth: { token: '' } }],
    ['a twoFactor that is not a function', { auth: { ...DEMO, twoFactor: 'x' } }],
    ['options that are not an object', 'https://example.test'],
  ])('%s is an InvalidArgumentError at creation', (_, options) => {
    expect(() => createVoipstudioClient(options as VoipstudioClientOptions)).toThrow(InvalidArgumentError);
  });

  it('login() without email and password is an InvalidArgumentError', async () => {
    const vs = e2e.client({ auth: { apiKey: DEMO_API_TOKEN } });
    expect(await rejectionOf(vs.login())).toBeInstanceOf(InvalidArgumentError);
    expect(e2e.requests).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('no password, token or API key shows in log lines, error messages, URLs or JSON', async () => {
    const lines: string[] = [];
    const capture = (line: string) => void lines.push(line);
    const logging: VoipstudioClientOptions = {
      logger: { debug: capture, info: capture, warn: capture, error: capture },
      logLevel: 'debug',
    };
    const errors: Error[] = [];
    const fail = async (call: Promise<unknown>) => void errors.push(await rejectionOf(call));

    const vs = e2e.client(logging);
    await vs.users.me();
    const minted = await vs.apiTokens.create({ body: { name: 'secret check', expiry: 0 } });
    const keyed = e2e.client({ ...logging, auth: { apiKey: minted.token } });
    const basic = e2e.client({ ...logging, auth: { apiKey: minted.token, userId: DEMO_USER_ID } });
    await keyed.auth.ping();
    await basic.auth.ping();
    await vs.apiTokens.delete({ path: { token: minted.token } });
    await fail(vs.apiTokens.delete({ path: { token: minted.token } }));
    await fail(keyed.auth.ping());
    await fail(basic.auth.ping());
    const byToken = e2e.client({ ...logging, auth: { token: vs.session!.token } });
    await fail(byToken.sms.send({ body: { to: '447700900555', from: '442079460100', message: 'x' } }));
    await fail(e2e.client({ ...logging, auth: { email: DEMO.email, password: 'wrong-password-123' } }).users.me());
    await fail(e2e.client({ ...logging, auth: { apiKey: 'an-unknown-api-key' } }).users.me());
    await fail(e2e.client({ ...logging, auth: { email: TWO_FACTOR.email, password: TWO_FACTOR.password } }).users.me());
    await vs.logout();
    await fail(byToken.users.me());

    const sessionTokens = e2e.requests.map((r) => r.headers.get('x-auth-token')).filter((t): t is string => !!t && t !== minted.token);
    const secrets = [DEMO.password, 'wrong-password-123', 'an-unknown-api-key', minted.token, ...new Set(sessionTokens)];
    expect(sessionTokens.length).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines).toContainEqual(expect.stringContaining('/apitokens/[REDACTED]'));
    expect(errors.map((e) => e.name)).toEqual([
      'NotFoundError',
      'AuthenticationError',
      'AuthenticationError',
      'BadRequestError',
      'AuthenticationError',
      'AuthenticationError',
      'TwoFactorRequiredError',
      'AuthenticationError',
    ]);
    for (const secret of secrets) {
      for (const line of lines) expect(line).not.toContain(secret);
      for (const error of errors) {
        expect(error.message).not.toContain(secret);
        expect(String((error as ApiError).url)).not.toContain(secret);
        expect(JSON.stringify(error)).not.toContain(secret);
      }
    }
  });
});
