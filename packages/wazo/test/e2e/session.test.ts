/** The session layer against the Wazo simulator over real HTTP. */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, AuthorizationRequiredError, PermissionDeniedError, SubscriptionRequiredError } from '../../src/index.js';
import { CLIENT_ID, rejectionOf, TOKEN, useSimulator } from './harness.js';

const e2e = useSimulator();
const FIXTURES = e2e.sim.fixtures;
const { alice, bob, admin } = FIXTURES.users;
const ALICE = { username: alice.username, password: alice.password };
const BOB = { username: bob.username, password: bob.password };

describe('logIn', () => {
  it('logs alice in: a session with a refresh token, whose token the daemons accept', async () => {
    const wazo = e2e.client();

    const session = await wazo.auth.logIn(ALICE);

    expect(session).toMatchObject({
      token: expect.any(String),
      refreshToken: FIXTURES.refreshToken.token,
      userUuid: alice.uuid,
      tenantUuid: FIXTURES.tenants.acme,
      sessionUuid: expect.any(String),
    });
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(3_500_000);
    expect(session.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(session.hasAccess('calld.users.me.calls.read')).toBe(true);
    expect(session.hasAccess('confd.users.read')).toBe(false);
    expect(Array.isArray(await wazo.calld.listCalls())).toBe(true);
    expect(e2e.requests.at(-1)!.headers.get('x-auth-token')).toBe(session.token);
  });

  it('a wrong password is an AuthenticationError', async () => {
    const error = await rejectionOf(e2e.client().auth.logIn({ username: alice.username, password: 'wrong' }));
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it('a mobile login says so in Wazo-Session-Type', async () => {
    await e2e.client().auth.logIn({ ...ALICE, mobile: true });
    expect(e2e.requests[0]!.headers.get('wazo-session-type')).toBe('mobile');
  });
});

describe('login gates', () => {
  it('minSubscriptionType: bob (0) is refused, and both tokens the login created are revoked', async () => {
    const wazo = e2e.client({ minSubscriptionType: 1 });

    const error = await rejectionOf(wazo.auth.logIn(BOB));

    expect(error).toBeInstanceOf(SubscriptionRequiredError);
    expect(error).toMatchObject({ required: 1, actual: 0 });
    const created = e2e.requests.find((r) => r.path === TOKEN)!;
    expect(e2e.sim.tokens.sessionsOf(bob.uuid)).toEqual([]);
    expect(e2e.sim.tokens.refreshTokenOf(bob.uuid, CLIENT_ID)).toBeUndefined();
    expect(created).toBeDefined();
    expect(wazo.session).toBeUndefined();
  });

  it('minSubscriptionType: alice (2) qualifies', async () => {
    const session = await e2e.client({ minSubscriptionType: 2 }).auth.logIn(ALICE);
    expect(session.userUuid).toBe(alice.uuid);
  });

  it('authorizationName: alice has the softphone authorization, bob does not', async () => {
    const name = FIXTURES.authorizationName;
    expect((await e2e.client({ authorizationName: name }).auth.logIn(ALICE)).userUuid).toBe(alice.uuid);

    const error = await rejectionOf(e2e.client({ authorizationName: name }).auth.logIn(BOB));
    expect(error).toBeInstanceOf(AuthorizationRequiredError);
    expect(e2e.sim.tokens.sessionsOf(bob.uuid)).toEqual([]);
  });
});

describe('logOut', () => {
  it('revokes the access token and the refresh token', async () => {
    const wazo = e2e.client();
    const session = await wazo.auth.logIn(ALICE);
    expect(e2e.sim.tokens.find(session.token)).toBeDefined();

    await wazo.auth.logOut();

    expect(e2e.sim.tokens.find(session.token)).toBeUndefined();
    expect(e2e.sim.tokens.refreshTokenOf(alice.uuid, CLIENT_ID)).toBeUndefined();
    expect(wazo.session).toBeUndefined();
    expect(await wazo.auth.checkToken(session.token)).toBe(false);
  });
});

describe('validateToken and checkToken', () => {
  it('a valid token: its session', async () => {
    const token = (await e2e.client().auth.logIn(ALICE)).token;
    const wazo = e2e.client();

    const session = await wazo.auth.validateToken(token);

    expect(session).toMatchObject({ token, userUuid: alice.uuid });
    expect(await wazo.auth.checkToken()).toBe(true);
  });

  it('an expired token with a refresh token: a new session from the refresh token', async () => {
    const wazo = e2e.client();
    const expired = await e2e.client().auth.logIn(ALICE);
    e2e.sim.tokens.revoke(expired.token);
    const refreshed: unknown[] = [];
    wazo.onTokenRefresh((s) => refreshed.push(s));

    const session = await wazo.auth.validateToken(expired.token, FIXTURES.refreshToken.token);

    expect(session.token).not.toBe(expired.token);
    expect(session).toMatchObject({ userUuid: alice.uuid, refreshToken: FIXTURES.refreshToken.token });
    expect(refreshed).toEqual([session]);
    expect(await wazo.calld.listCalls()).toBeDefined();
  });

  it('an expired token without a refresh token: AuthenticationError', async () => {
    const expired = await e2e.client().auth.logIn(ALICE);
    e2e.sim.tokens.revoke(expired.token);
    const error = await rejectionOf(e2e.client().auth.validateToken(expired.token));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).not.toContain(expired.token);
  });
});

describe('what goes on the wire', () => {
  it('fetchOptions reach every request', async () => {
    const inits: RequestInit[] = [];
    const wazo = e2e.client({ fetchOptions: { credentials: 'omit', cache: 'no-store' }, fetch: (url, init) => (inits.push(init), fetch(url, init)) });
    await wazo.auth.logIn(ALICE);
    await wazo.calld.listCalls();
    expect(inits).toHaveLength(2);
    for (const init of inits) expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('Wazo-Tenant: the admin acts on a sub-tenant; a tenant outside its tree is a permission 401, not refreshed', async () => {
    const wazo = e2e.client({ tenant: FIXTURES.tenants.acmeEast });
    await wazo.auth.logIn({ username: admin.username, password: admin.password });

    const users = await wazo.confd.listUsers();

    expect(e2e.requests.at(-1)!.headers.get('wazo-tenant')).toBe(FIXTURES.tenants.acmeEast);
    expect(users.items.map((u) => u.uuid)).toContain(FIXTURES.users.erin.uuid);
    expect(users.items.map((u) => u.uuid)).not.toContain(alice.uuid);

    wazo.setTenant(FIXTURES.tenants.globex);
    // wazo-confd's 401 body does not say why: the token is checked and found alive, so it is a permission refusal.
    const error = await rejectionOf(wazo.confd.listUsers());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 401 });
    expect(e2e.refreshes()).toBe(0);
  });
});
