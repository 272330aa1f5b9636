/** When the client refreshes its token, against the Wazo simulator over real HTTP. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, PermissionDeniedError } from '../../src/index.js';
import { rejectionOf, useSimulator } from './harness.js';

const e2e = useSimulator();
const FIXTURES = e2e.sim.fixtures;
const { alice, carol } = FIXTURES.users;
const ALICE = { username: alice.username, password: alice.password };
const CALLS = '/api/calld/1.0/users/me/calls';

afterEach(() => {
  vi.useRealTimers();
});

const heads = () => e2e.requests.filter((r) => r.method === 'HEAD').length;

describe('ahead of expiry', () => {
  it('refreshes before the request once the token is in its last quarter of life; no 401 is ever seen', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const wazo = e2e.client({ tokenExpiration: 120 });
    const refreshed = vi.fn();
    wazo.onTokenRefresh(refreshed);
    const first = await wazo.auth.logIn(ALICE);

    vi.setSystemTime(Date.now() + 85_000);
    await wazo.calld.listCalls();
    expect(e2e.refreshes()).toBe(0);

    vi.setSystemTime(Date.now() + 10_000);
    await wazo.calld.listCalls();

    expect(e2e.refreshes()).toBe(1);
    expect(refreshed).toHaveBeenCalledExactlyOnceWith(wazo.session);
    expect(wazo.session!.token).not.toBe(first.token);
    expect(e2e.requests.filter((r) => r.path === CALLS).map((r) => r.headers.get('x-auth-token'))).toEqual([first.token, wazo.session!.token]);
    expect(JSON.parse(e2e.requests.find((r) => r.body.includes('refresh_token'))!.body)).toMatchObject({ expiration: 120 });
  });
});

describe('on a 401', () => {
  it('a token the server dropped (not_found_or_expired) is refreshed and the call replayed', async () => {
    const wazo = e2e.client();
    const first = await wazo.auth.logIn(ALICE);
    e2e.sim.tokens.revoke(first.token);

    await wazo.calld.listCalls();

    expect(e2e.refreshes()).toBe(1);
    expect(heads()).toBe(0);
    expect(e2e.count('GET', CALLS)).toBe(2);
  });

  it('a permission 401 (carol may not read call logs) is not refreshed', async () => {
    const wazo = e2e.client();
    await wazo.auth.logIn({ username: carol.username, password: carol.password });

    const error = await rejectionOf(wazo.callLogd.listCallLogs());

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect((error as PermissionDeniedError).status).toBe(401);
    expect((error as PermissionDeniedError).body).toMatchObject({ details: { reason: 'missing_permission_or_invalid_tenant' } });
    expect(e2e.refreshes()).toBe(0);
    expect(heads()).toBe(0);
  });

  it('wazo-confd says nothing: a dropped token is checked (404) and refreshed', async () => {
    const wazo = e2e.client();
    const first = await wazo.auth.logIn(ALICE);
    e2e.sim.tokens.revoke(first.token);

    const me = await wazo.confd.getUser({ path: { user_id: alice.uuid } });

    expect(me.uuid).toBe(alice.uuid);
    expect(heads()).toBe(1);
    expect(e2e.refreshes()).toBe(1);
  });

  it('wazo-confd says nothing: a live token is checked (204), so the 401 is a permission refusal', async () => {
    const wazo = e2e.client();
    const first = await wazo.auth.logIn(ALICE);

    const error = await rejectionOf(wazo.confd.listUsers());

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 401 });
    expect(JSON.stringify(error)).not.toContain(first.token);
    expect(error.message).not.toContain(first.token);
    expect(heads()).toBe(1);
    expect(e2e.refreshes()).toBe(0);
  });

  it('200 concurrent 401s cause exactly one refresh', async () => {
    const wazo = e2e.client();
    const refreshed = vi.fn();
    wazo.onTokenRefresh(refreshed);
    const first = await wazo.auth.logIn(ALICE);
    e2e.sim.tokens.revoke(first.token);

    const results = await Promise.all(Array.from({ length: 200 }, () => wazo.calld.listCalls()));

    expect(results).toHaveLength(200);
    expect(e2e.refreshes()).toBe(1);
    expect(refreshed).toHaveBeenCalledOnce();
    expect(e2e.count('GET', CALLS)).toBe(400);
  });

  it('without a clientId there is no refresh token: one AuthenticationError per call', async () => {
    const wazo = e2e.client({ clientId: undefined });
    const first = await wazo.auth.logIn(ALICE);
    e2e.sim.tokens.revoke(first.token);

    for (const _ of [1, 2]) expect(await rejectionOf(wazo.calld.listCalls())).toBeInstanceOf(AuthenticationError);
    expect(e2e.count('GET', CALLS)).toBe(2);
    expect(e2e.count('POST', '/api/auth/0.1/token')).toBe(1);
  });
});
