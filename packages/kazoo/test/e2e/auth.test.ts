import { describe, expect, it } from 'vitest';
import { AuthenticationError, hashCredentials } from '../../src/index.js';
import { startKazoo } from './harness.js';

const env = await startKazoo({ tokenLifetimeSeconds: 3600 });
const { fixtures } = env;
const demo = fixtures.demo;
/** A JWT the simulator never issued, with a far expiry: the client trusts it until the server says 401. */
const forged = `e30.${btoa(JSON.stringify({ account_id: demo.accountId, exp: 4102444800 })).replace(/=+$/, '')}.Zm9yZ2Vk`;

describe('API key only', () => {
  it('authenticates before the first request (awaited), then uses the token', async () => {
    const kazoo = env.client({ auth: { apiKey: demo.apiKey } });
    const users = await kazoo.users.list();
    expect(users.items.length).toBeGreaterThan(0);
    expect(env.sent.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual(['PUT /api_auth', `GET /accounts/${demo.accountId}/users`]);
    expect(env.sent[1]!.headers.get('x-auth-token')).toBe(kazoo.session!.token);
    expect(kazoo.session!.accountId).toBe(demo.accountId);
  });

  it('fills {account_id} from the token when no accountId option is given, and from the option when it is', async () => {
    const kazoo = env.client({ auth: { apiKey: fixtures.reseller.apiKey }, accountId: demo.accountId });
    await kazoo.users.list();
    expect(env.sent[1]!.path).toMatch(new RegExp(`^/accounts/${demo.accountId}/users`));
    await env.client({ auth: { apiKey: fixtures.reseller.apiKey } }).callflows.list();
    expect(env.sent.at(-1)!.path).toMatch(new RegExp(`^/accounts/${fixtures.reseller.accountId}/callflows`));
  });

  it('authenticates once however many requests start together', async () => {
    const kazoo = env.client({ auth: { apiKey: demo.apiKey } });
    await Promise.all(Array.from({ length: 20 }, () => kazoo.devices.list()));
    expect(env.count('PUT', '/api_auth')).toBe(1);
  });

  it('gives one AuthenticationError for a wrong key, without a loop', async () => {
    const kazoo = env.client({ auth: { apiKey: 'f'.repeat(64) } });
    const results = await Promise.allSettled([kazoo.users.list(), kazoo.devices.list(), kazoo.callflows.list()]);
    for (const result of results) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationError);
    expect(env.count('PUT', '/api_auth')).toBe(1);
    expect(JSON.stringify((results[0] as PromiseRejectedResult).reason)).not.toContain('f'.repeat(64));
  });
});

describe('token only', () => {
  it('uses the token as given and never re-authenticates: a 401 is an AuthenticationError', async () => {
    const token = (await env.client({ auth: { apiKey: demo.apiKey } }).authenticate()).token;
    env.sent.length = 0;
    const kazoo = env.client({ auth: { token } });
    await expect(kazoo.users.list()).resolves.toBeDefined();
    const stale = env.client({ auth: { token: forged } });
    await expect(stale.users.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(env.count('PUT', '/api_auth')).toBe(0);
  });

  it('takes another token with setToken', async () => {
    const stale = env.client({ auth: { token: forged } });
    await expect(stale.users.list()).rejects.toBeInstanceOf(AuthenticationError);
    stale.setToken((await env.client({ auth: { apiKey: demo.apiKey } }).authenticate()).token);
    await expect(stale.users.list()).resolves.toBeDefined();
  });
});

describe('API key and token', () => {
  it('starts with the token (no call up front) and renews it with the key on a 401', async () => {
    const kazoo = env.client({ auth: { apiKey: demo.apiKey, token: forged } });
    await expect(kazoo.users.list()).resolves.toBeDefined();
    expect(env.sent.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual([
      `GET /accounts/${demo.accountId}/users`,
      'PUT /api_auth',
      `GET /accounts/${demo.accountId}/users`,
    ]);
  });

  it('answers 200 concurrent 401s with one api_auth, and replays each request once', async () => {
    const kazoo = env.client({ auth: { apiKey: demo.apiKey, token: forged } });
    const refreshed: string[] = [];
    kazoo.onTokenRefresh((session) => refreshed.push(session.token));
    const pages = await Promise.all(Array.from({ length: 200 }, () => kazoo.users.list({ query: { page_size: 1 } })));
    expect(pages).toHaveLength(200);
    expect(env.count('PUT', '/api_auth')).toBe(1);
    expect(env.count('GET', `/accounts/${demo.accountId}/users`)).toBe(400);
    expect(refreshed).toEqual([kazoo.session!.token]);
  });

  it('renews ahead of the JWT exp, without waiting for a 401', async () => {
    const kazoo = env.client({ auth: { apiKey: demo.apiKey } });
    const first = await kazoo.authenticate();
    expect(first.expiresAt!.getTime()).toBe(env.clock.now() + 3600_000);
    env.clock.advance(3600_000 - 10_000); // inside the 30 s window before expiry
    env.sent.length = 0;
    await kazoo.users.list();
    expect(env.sent.map((s) => s.method + ' ' + s.path.split('?')[0])).toEqual(['PUT /api_auth', `GET /accounts/${demo.accountId}/users`]);
    expect(kazoo.session!.token).not.toBe(first.token);
  });

  it('ends a rotated (revoked) key in one AuthenticationError, not a loop', async () => {
    const admin = env.client({ auth: { apiKey: fixtures.branch.apiKey } });
    const kazoo = env.client({ auth: { apiKey: fixtures.branch.apiKey, token: forged } });
    await admin.accounts.rotateApiKey({ path: { account_id: fixtures.branch.accountId } });
    env.sent.length = 0;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => kazoo.users.list({ path: { account_id: fixtures.branch.accountId } })));
    for (const result of results) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationError);
    expect(env.count('PUT', '/api_auth')).toBe(1);
  });
});

describe('user credentials', () => {
  const { username, password } = fixtures.user;

  it.each([
    ['md5 and the account name', { accountName: demo.name }],
    ['sha and the account realm', { accountRealm: demo.realm, method: 'sha' as const }],
    ['md5 and a phone number of the account', { phoneNumber: demo.phoneNumber }],
  ])('log in with %s through user_auth', async (_, account) => {
    const kazoo = env.client({ auth: { username, password, ...account } as never });
    const session = await kazoo.authenticate();
    expect(session.ownerId).toBe(fixtures.user.userId);
    expect(session.accountId).toBe(demo.accountId);
    const me = await kazoo.users.get({ path: { user_id: session.ownerId! } });
    expect(me.username).toBe(username);
  });

  it('accept credentials hashed elsewhere', async () => {
    const credentials = await hashCredentials(username, password);
    const kazoo = env.client({ auth: { credentials, accountName: demo.name } });
    await expect(kazoo.callflows.list()).resolves.toBeDefined();
  });

  it('refuse a wrong password with one AuthenticationError that shows neither password nor hash', async () => {
    const kazoo = env.client({ auth: { username, password: 'wrong-password', accountName: demo.name } });
    const error = await kazoo.users.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    expect(shown).not.toContain('wrong-password');
    expect(shown).not.toContain(await hashCredentials(username, 'wrong-password'));
    expect(env.count('PUT', '/user_auth')).toBe(1);
  });
});
