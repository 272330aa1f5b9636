import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createTokenManager,
  createTransport,
  InternalServerError,
  RateLimitError,
  type AuthHandler,
  type Credentials,
  type OperationSpec,
} from '../src/index.js';
import { deferred, json, startServer } from './server.js';

const server = await startServer();
const get: OperationSpec = { method: 'GET', path: '/me' };

/** The server accepts only `valid` tokens in `X-Auth-Token`. */
function acceptOnly(valid: Set<string>) {
  server.handle = (req, res) =>
    valid.has(String(req.headers['x-auth-token']))
      ? json(res, 200, { token: req.headers['x-auth-token'], body: req.body })
      : json(res, 401, { message: 'Unauthorized' });
}

interface Session extends Credentials {
  user: string;
}

function client(tokens: ReturnType<typeof createTokenManager<Session>>, extra: Partial<AuthHandler<Session>> = {}) {
  const auth: AuthHandler<Session> = {
    tokens,
    apply: (headers, credentials) => headers.set('x-auth-token', credentials.token),
    ...extra,
  };
  return createTransport({ baseUrl: server.url, auth, retry: false });
}

const tokensSeen = () => server.seen.map((s) => s.headers['x-auth-token']);

describe('single-flight refresh', () => {
  it('refreshes once for 200 concurrent 401s, and every call succeeds with the new token', async () => {
    // Half the 401s arrive while the refresh runs, half after it finished: both must reuse it.
    const refreshed = deferred();
    let rejected = 0;
    server.handle = async (req, res) => {
      if (req.headers['x-auth-token'] === 'new-token') return json(res, 200, { token: 'new-token' });
      if (++rejected > 100) await refreshed.promise;
      json(res, 401, { message: 'Unauthorized' });
    };
    let refreshes = 0;
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1' },
      refresh: async (current) => {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        setTimeout(refreshed.resolve, 10);
        return { token: 'new-token', user: current!.user };
      },
    });
    const transport = client(tokens);
    const results = await Promise.all(Array.from({ length: 200 }, () => transport.call(get, {}, 'data')));
    expect(refreshes).toBe(1);
    expect(results).toEqual(Array(200).fill({ token: 'new-token' }));
    expect(tokens.current?.token).toBe('new-token');
    expect(tokensSeen().filter((t) => t === 'old-token')).toHaveLength(200);
    expect(tokensSeen().filter((t) => t === 'new-token')).toHaveLength(200);
  });

  it('makes a request that starts during a refresh wait for it and use the new token', async () => {
    const valid = new Set<string>();
    acceptOnly(valid);
    const refreshStarted = deferred();
    const finishRefresh = deferred();
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1' },
      refresh: async () => {
        refreshStarted.resolve();
        await finishRefresh.promise;
        valid.add('new-token');
        return { token: 'new-token', user: 'u1' };
      },
    });
    const transport = client(tokens);
    const first = transport.call(get, {}, 'data');
    await refreshStarted.promise;
    const second = transport.call(get, {}, 'data');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.seen).toHaveLength(1);
    finishRefresh.resolve();
    await expect(Promise.all([first, second])).resolves.toEqual([
      expect.objectContaining({ token: 'new-token' }),
      expect.objectContaining({ token: 'new-token' }),
    ]);
    expect(tokensSeen()).toEqual(['old-token', 'new-token', 'new-token']);
  });

  it('ends revoked credentials in one AuthenticationError per call, one refresh per wave, no loop', async () => {
    // The first 401 of a wave arrives at once, the others only after the refresh failed.
    let failedOnce = deferred();
    let inWave = 0;
    server.handle = async (_req, res) => {
      if (++inWave > 1) await failedOnce.promise;
      json(res, 401, { message: 'Unauthorized' });
    };
    let refreshes = 0;
    const tokens = createTokenManager<Session>({
      credentials: { token: 'revoked-token', user: 'u1' },
      refresh: async () => {
        refreshes++;
        setTimeout(failedOnce.resolve, 10);
        throw new Error('invalid credentials');
      },
    });
    const transport = client(tokens);
    const wave = () => {
      inWave = 0;
      failedOnce = deferred();
      return Promise.all(Array.from({ length: 50 }, () => transport.call(get, {}, 'data').catch((e: unknown) => e)));
    };

    const first = await wave();
    expect(refreshes).toBe(1);
    expect(server.seen).toHaveLength(50);
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toBeInstanceOf(AuthenticationError);
    expect((first[0] as Error).cause).toEqual(new Error('invalid credentials'));

    const second = await wave();
    expect(refreshes).toBe(2);
    expect(server.seen).toHaveLength(100);
    expect(new Set(second).size).toBe(1);
    expect(second[0]).toBeInstanceOf(AuthenticationError);
    expect(second[0]).not.toBe(first[0]);
  });

  it.each([
    ['a connection failure', new ConnectionError('Connection failed: POST /login')],
    ['a 503', new InternalServerError({ status: 503, message: '503 login unavailable' })],
    ['a 429', new RateLimitError({ status: 429, message: '429 slow down', retryAfterMs: 1000 })],
  ])('passes %s of the refresh through as it is', async (_, failure) => {
    acceptOnly(new Set());
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1' },
      refresh: async () => {
        throw failure;
      },
    });
    await expect(client(tokens).call(get, {}, 'data')).rejects.toBe(failure);
  });

  it('turns a refusal (another 4xx) into an AuthenticationError that keeps the server details', async () => {
    acceptOnly(new Set());
    const refusal = new BadRequestError({
      status: 400,
      message: '400 Invalid credentials',
      requestId: 'req-1',
      body: { message: 'Invalid credentials' },
      fieldErrors: [{ field: 'email', code: 'AU1003', message: 'Invalid credentials' }],
    });
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1' },
      refresh: async () => {
        throw refusal;
      },
    });
    const error = (await client(tokens).call(get, {}, 'data').catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, requestId: 'req-1', fieldErrors: refusal.fieldErrors });
    expect(error.message).toContain('Invalid credentials');
  });

  it('wraps anything else (a throwing 2FA prompt) in an AuthenticationError with it as the cause', async () => {
    acceptOnly(new Set());
    const prompt = new Error('no code entered');
    const tokens = createTokenManager<Session>({
      refresh: async () => {
        throw prompt;
      },
    });
    const error = await client(tokens).call(get, {}, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).cause).toBe(prompt);
  });
});

describe('replay', () => {
  it('replays once with the same body', async () => {
    const valid = new Set<string>();
    acceptOnly(valid);
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1' },
      refresh: async () => {
        valid.add('new-token');
        return { token: 'new-token', user: 'u1' };
      },
    });
    const body = { to: '+441234567890', text: 'Hello ☎' };
    const result = await client(tokens).call({ method: 'POST', path: '/sms' }, { body }, 'data');
    expect(result).toMatchObject({ token: 'new-token' });
    expect(server.seen).toHaveLength(2);
    expect(server.seen[0]!.body).toBe(JSON.stringify(body));
    expect(server.seen[1]!.body).toBe(server.seen[0]!.body);
  });

  it('throws AuthenticationError when the replay is rejected too', async () => {
    acceptOnly(new Set());
    let refreshes = 0;
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1' },
      refresh: async () => ({ token: `fresh-${++refreshes}`, user: 'u1' }),
    });
    const error = await client(tokens).call(get, {}, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(refreshes).toBe(1);
    expect(tokensSeen()).toEqual(['old-token', 'fresh-1']);
  });

  it('does not refresh when the platform says the 401 is not an expired token', async () => {
    server.handle = (_req, res) => json(res, 401, { reason: 'missing permission' });
    let refreshes = 0;
    const tokens = createTokenManager<Session>({
      credentials: { token: 'good-token', user: 'u1' },
      refresh: async () => ({ token: `fresh-${++refreshes}`, user: 'u1' }),
    });
    const transport = client(tokens, {
      isExpired: async (response) => response.status === 401 && !JSON.stringify(await response.json()).includes('permission'),
    });
    const error = await transport.call(get, {}, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ reason: 'missing permission' });
    expect(refreshes).toBe(0);
  });

  it('returns the server 401 when there is no way to refresh', async () => {
    acceptOnly(new Set());
    const tokens = createTokenManager<Session>({ credentials: { token: 'static-token', user: 'u1' } });
    const error = await client(tokens).call(get, {}, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ message: 'Unauthorized' });
    expect(server.seen).toHaveLength(1);
  });
});

describe('credentials lifecycle', () => {
  it('refreshes before a request when expiresAt - skew has passed', async () => {
    const valid = new Set(['old-token', 'new-token']);
    acceptOnly(valid);
    let refreshes = 0;
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1', expiresAt: Date.now() + 10_000 },
      skewMs: 30_000,
      refresh: async () => {
        refreshes++;
        return { token: 'new-token', user: 'u1', expiresAt: Date.now() + 3_600_000 };
      },
    });
    const transport = client(tokens);
    await transport.call(get, {}, 'data');
    await transport.call(get, {}, 'data');
    expect(refreshes).toBe(1);
    expect(tokensSeen()).toEqual(['new-token', 'new-token']);
  });

  it('uses credentials that are not near expiry as they are', async () => {
    acceptOnly(new Set(['old-token']));
    let refreshes = 0;
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1', expiresAt: Date.now() + 3_600_000 },
      refresh: async () => ({ token: `fresh-${++refreshes}`, user: 'u1' }),
    });
    await client(tokens).call(get, {}, 'data');
    expect(refreshes).toBe(0);
  });

  it('obtains credentials lazily when it has none', async () => {
    acceptOnly(new Set(['first-token']));
    const calls: (Session | undefined)[] = [];
    const tokens = createTokenManager<Session>({
      refresh: async (current) => {
        calls.push(current);
        return { token: 'first-token', user: 'u1' };
      },
    });
    await Promise.all([client(tokens).call(get, {}, 'data'), client(tokens).call(get, {}, 'data')]);
    expect(calls).toEqual([undefined]);
    expect(tokensSeen()).toEqual(['first-token', 'first-token']);
  });

  it('uses credentials set by hand and tells listeners about refreshes only', async () => {
    const valid = new Set(['restored-token']);
    acceptOnly(valid);
    const tokens = createTokenManager<Session>({
      refresh: async () => {
        valid.add('next-token');
        return { token: 'next-token', user: 'u2' };
      },
    });
    const heard: string[] = [];
    const unsubscribe = tokens.onRefresh((credentials) => heard.push(credentials.token));
    tokens.set({ token: 'restored-token', user: 'u2' });
    await client(tokens).call(get, {}, 'data');
    expect(heard).toEqual([]);

    valid.delete('restored-token');
    await client(tokens).call(get, {}, 'data');
    expect(heard).toEqual(['next-token']);

    unsubscribe();
    valid.clear();
    await client(tokens).call(get, {}, 'data').catch(() => {});
    expect(heard).toEqual(['next-token']);
  });

  it('keeps a throwing listener from failing the requests', async () => {
    const valid = new Set<string>();
    acceptOnly(valid);
    const tokens = createTokenManager<Session>({
      credentials: { token: 'old-token', user: 'u1' },
      refresh: async () => {
        valid.add('new-token');
        return { token: 'new-token', user: 'u1' };
      },
    });
    tokens.onRefresh(() => {
      throw new Error('storage full');
    });
    await expect(client(tokens).call(get, {}, 'data')).resolves.toMatchObject({ token: 'new-token' });
  });

  it('skips the auth stage for anonymous operations', async () => {
    server.handle = (req, res) => json(res, 200, { token: req.headers['x-auth-token'] ?? null });
    let refreshes = 0;
    const tokens = createTokenManager<Session>({
      refresh: async () => ({ token: `fresh-${++refreshes}`, user: 'u1' }),
    });
    const login: OperationSpec = { method: 'POST', path: '/login', anonymous: true };
    await expect(client(tokens).call(login, { body: { email: 'a@b.c' } }, 'data')).resolves.toEqual({ token: null });
    expect(refreshes).toBe(0);
  });
});
