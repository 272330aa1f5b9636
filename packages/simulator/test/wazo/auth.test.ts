import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { P, startWazo, type WazoEnv } from './harness.js';

const START = Date.parse('2026-11-02T09:00:00.250Z');
let clock = START;
let env: WazoEnv;
const TOKEN = `${P.auth}/token`;

beforeAll(async () => {
  env = await startWazo({ now: () => clock });
});
beforeEach(() => {
  clock = START;
  env.sim.reset();
});
afterAll(() => env.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('POST /token with Basic credentials', () => {
  it('answers the token exactly as wazo-auth shapes it', async () => {
    const { alice } = env.sim.fixtures.users;
    const { status, body, response } = await env.logIn('alice', { expiration: 600 }, { 'User-Agent': 'pbxkit-test/1.0' });
    expect(status).toBe(200);
    expect(response.headers.get('wazo-sessions-revoked')).toBe('0');
    const token = body.data;
    expect(Object.keys(token).sort()).toEqual(
      ['acl', 'auth_id', 'expires_at', 'issued_at', 'metadata', 'remote_addr', 'session_uuid', 'token', 'user_agent', 'utc_expires_at', 'utc_issued_at', 'xivo_user_uuid', 'xivo_uuid'].sort(),
    );
    expect(token).toMatchObject({
      token: expect.stringMatching(UUID),
      auth_id: alice.uuid,
      xivo_user_uuid: alice.uuid,
      xivo_uuid: env.sim.fixtures.stackUuid,
      utc_issued_at: '2026-11-02T09:00:00.250000',
      utc_expires_at: '2026-11-02T09:10:00.250000',
      issued_at: '2026-11-02T09:00:00.250000',
      session_uuid: expect.stringMatching(UUID),
      user_agent: 'pbxkit-test/1.0',
    });
    expect(token.utc_expires_at).not.toMatch(/Z$/);
    expect(token.metadata).toMatchObject({ uuid: alice.uuid, tenant_uuid: env.sim.fixtures.tenants.acme, auth_id: alice.uuid, pbx_user_uuid: alice.uuid, purpose: 'user', admin: false });
    expect(token.acl).toEqual(expect.arrayContaining(['calld.users.me.#', 'confd.users.me.read', 'call-logd.users.me.cdr.read', 'websocketd']));
  });

  it('uses the configured default lifetime when the body gives no expiration', async () => {
    const { body } = await env.logIn('bob');
    expect(body.data.utc_expires_at).toBe('2026-11-02T10:00:00.250000');
  });

  it('carries the Portal authorizations in an unsigned metadata.jwt', async () => {
    const { body } = await env.logIn('alice');
    const [, payload, signature] = body.data.metadata.jwt.split('.');
    expect(signature).toBe('');
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims.authorizations[0].rules.map((rule: { name: string }) => rule.name)).toContain(env.sim.fixtures.authorizationName);
    expect((await env.logIn('bob')).body.data.metadata.jwt).toBeUndefined();
  });

  it('marks the tenant administrator and gives it every access', async () => {
    const { body } = await env.logIn('admin');
    expect(body.data.metadata).toMatchObject({ admin: true, pbx_user_uuid: null });
    expect(body.data.acl).toEqual(['#']);
    expect(body.data.xivo_user_uuid).toBeNull();
  });

  it('accepts a confirmed email address as the login', async () => {
    expect((await env.logIn({ login: 'alice@acme.example.com', password: 'demo-password' })).status).toBe(200);
  });

  it('answers 401 Authentication Failed in the legacy shape, whatever is wrong', async () => {
    const failures = await Promise.all([
      env.logIn({ login: 'alice', password: 'wrong' }),
      env.logIn({ login: 'nobody', password: 'demo-password' }),
      env.logIn('alice', { backend: 'ldap_user' }),
      env.logIn('alice', { domain_name: 'globex.example.com' }),
      env.callJson('POST', TOKEN, { body: {} }),
      env.callJson('POST', TOKEN, { body: {}, headers: { Authorization: 'Basic !!!' } }),
    ]);
    for (const failure of failures) {
      expect(failure.status).toBe(401);
      expect(failure.body).toEqual({ reason: ['Authentication Failed'], timestamp: [START / 1000], status_code: 401 });
    }
    expect((await env.logIn('alice', { domain_name: 'acme.example.com' })).status).toBe(200);
  });

  it('answers 400 for refused combinations, and for an invalid body', async () => {
    const offlineWithoutClient = await env.logIn('alice', { access_type: 'offline' });
    expect(offlineWithoutClient.status).toBe(400);
    expect(offlineWithoutClient.body).toMatchObject({ reason: [expect.stringContaining('client_id')], status_code: 400 });
    expect((await env.logIn('alice', { access_type: 'offline', client_id: 'a', refresh_token: 'b' })).status).toBe(400);
    expect((await env.logIn('alice', { domain_name: 'a', tenant_id: 'b' })).status).toBe(400);
    const invalid = await env.logIn('alice', { expiration: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ reason: [expect.stringContaining('expiration')], status_code: 400 });
  });

  it('answers 429 once a user has maxSessionsPerUser sessions', async () => {
    const limited = await startWazo({ maxSessionsPerUser: 2 });
    try {
      expect((await limited.logIn('bob')).status).toBe(200);
      expect((await limited.logIn('bob')).status).toBe(200);
      const refused = await limited.logIn('bob');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ reason: [expect.any(String)], status_code: 429 });
      expect((await limited.logIn('alice')).status).toBe(200);
      expect(limited.sim.violations).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe('refresh tokens', () => {
  const offline = (clientId: string, headers: Record<string, string> = {}) => env.logIn('alice', { access_type: 'offline', client_id: clientId }, headers);
  const refresh = (refreshToken: string, clientId: string, headers: Record<string, string> = {}) =>
    env.callJson('POST', TOKEN, { body: { refresh_token: refreshToken, client_id: clientId }, headers });

  it('returns a refresh token for an offline login, and refreshes with it without credentials', async () => {
    const login = await offline('my-app');
    expect(login.body.data.refresh_token).toMatch(UUID);
    clock += 60_000;
    const refreshed = await refresh(login.body.data.refresh_token, 'my-app');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.data.refresh_token).toBeUndefined();
    expect(refreshed.body.data.token).not.toBe(login.body.data.token);
    expect(refreshed.body.data.metadata.uuid).toBe(env.sim.fixtures.users.alice.uuid);
    expect(refreshed.body.data.utc_issued_at).toBe('2026-11-02T09:01:00.250000');
  });

  it('does not rotate the refresh token: refreshing twice works and opens two sessions', async () => {
    const token = (await offline('twice')).body.data.refresh_token;
    expect((await refresh(token, 'twice')).status).toBe(200);
    expect((await refresh(token, 'twice')).status).toBe(200);
    expect(env.sim.tokens.sessionsOf(env.sim.fixtures.users.alice.uuid)).toHaveLength(3);
  });

  it('refuses a refresh with the wrong client id or an unknown token', async () => {
    const token = (await offline('right')).body.data.refresh_token;
    expect((await refresh(token, 'wrong')).status).toBe(401);
    expect((await refresh('00000000-0000-4000-8000-000000000000', 'right')).status).toBe(401);
    expect((await env.callJson('POST', TOKEN, { body: { refresh_token: token } })).status).toBe(400);
  });

  it('reuses the refresh token of (user, client_id) on a desktop login', async () => {
    const first = (await offline('desk')).body.data.refresh_token;
    const second = await offline('desk');
    expect(second.body.data.refresh_token).toBe(first);
    expect(second.response.headers.get('wazo-sessions-revoked')).toBe('0');
    const seeded = env.sim.fixtures.refreshToken;
    expect((await offline(seeded.clientId)).body.data.refresh_token).toBe(seeded.token);
  });

  it('replaces it on a mobile login, ending the mobile sessions and the old token sessions', async () => {
    const mobile = { 'Wazo-Session-Type': 'mobile' };
    const first = await offline('phone', mobile);
    const fromRefresh = await refresh(first.body.data.refresh_token, 'phone', mobile);
    const second = await offline('phone', mobile);
    expect(second.body.data.refresh_token).not.toBe(first.body.data.refresh_token);
    expect(second.response.headers.get('wazo-sessions-revoked')).toBe('2');
    for (const old of [first, fromRefresh]) expect((await env.call('HEAD', `${TOKEN}/${old.body.data.token}`)).status).toBe(404);
    expect((await refresh(first.body.data.refresh_token, 'phone')).status).toBe(401);
    expect((await refresh(second.body.data.refresh_token, 'phone')).status).toBe(200);
  });

  it('lists and deletes refresh tokens of the token user and, for an admin, of any user', async () => {
    const token = (await offline('listed')).body.data.token;
    const mine = await env.callJson('GET', `${P.auth}/users/me/tokens?order=client_id`, { token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((item: { client_id: string }) => item.client_id)).toEqual(['listed', 'pbxkit-demo']);
    expect(mine.body).toMatchObject({ total: 2, filtered: 2 });
    expect(mine.body.items[0]).toEqual({ client_id: 'listed', created_at: '2026-11-02T09:00:00.250000+00:00', mobile: false, user_uuid: env.sim.fixtures.users.alice.uuid, tenant_uuid: env.sim.fixtures.tenants.acme, metadata: {} });
    expect((await env.callJson('GET', `${P.auth}/users/me/tokens?client_id=listed`, { token })).body).toMatchObject({ total: 2, filtered: 1 });

    expect((await env.call('DELETE', `${P.auth}/users/me/tokens/listed`, { token })).status).toBe(204);
    const gone = await env.callJson('DELETE', `${P.auth}/users/me/tokens/listed`, { token });
    expect(gone.status).toBe(404);
    expect(gone.body.error_id).toBe('cannot-find-refresh-token-matching-client-id');
    expect((await env.call('HEAD', `${TOKEN}/${token}`)).status).toBe(204);

    const admin = await env.tokenOf('admin');
    const alice = env.sim.fixtures.users.alice.uuid;
    const listed = await env.callJson('GET', `${P.auth}/users/${alice}/tokens`, { token: admin });
    expect(listed.body.items.map((item: { client_id: string }) => item.client_id)).toEqual(['pbxkit-demo']);
    expect((await env.callJson('GET', `${P.auth}/tokens`, { token: admin })).body.total).toBe(1);
    expect((await env.call('DELETE', `${P.auth}/users/${alice}/tokens/pbxkit-demo`, { token: admin })).status).toBe(204);
    expect((await refresh(env.sim.fixtures.refreshToken.token, 'pbxkit-demo')).status).toBe(401);
  });

  it('accepts only the configured client ids when clientIds is set', async () => {
    const strict = await startWazo({ clientIds: ['known-app'] });
    try {
      expect((await strict.logIn('alice', { access_type: 'offline', client_id: 'known-app' })).status).toBe(200);
      const unknown = await strict.logIn('alice', { access_type: 'offline', client_id: 'other-app' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.reason[0]).toContain('client_id');
    } finally {
      await strict.close();
    }
  });
});

describe('checking, reading and revoking a token', () => {
  it('answers HEAD with 204, then 404 once the token expired on the clock', async () => {
    const token = (await env.logIn('alice', { expiration: 120 })).body.data.token;
    expect((await env.call('HEAD', `${TOKEN}/${token}`)).status).toBe(204);
    clock += 119_000;
    expect((await env.call('HEAD', `${TOKEN}/${token}`)).status).toBe(204);
    clock += 1_000;
    const head = await env.call('HEAD', `${TOKEN}/${token}`);
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
    expect((await env.callJson('GET', `${TOKEN}/${token}`)).body).toEqual({ reason: ['No such token'], timestamp: [clock / 1000], status_code: 404 });
  });

  it('checks a scope and a tenant with 403', async () => {
    const token = (await env.logIn('alice')).body.data.token;
    expect((await env.call('HEAD', `${TOKEN}/${token}?scope=calld.users.me.calls.read`)).status).toBe(204);
    expect((await env.call('HEAD', `${TOKEN}/${token}?scope=confd.users.read`)).status).toBe(403);
    const forbidden = await env.callJson('GET', `${TOKEN}/${token}?scope=confd.users.read`);
    expect(forbidden.body).toMatchObject({ reason: ['Unauthorized for confd.users.read'], status_code: 403 });
    expect((await env.call('GET', `${TOKEN}/${token}?tenant=${env.sim.fixtures.tenants.acmeEast}`)).status).toBe(200);
    expect((await env.call('GET', `${TOKEN}/${token}?tenant=${env.sim.fixtures.tenants.globex}`)).status).toBe(403);
  });

  it('reads a token without its refresh token', async () => {
    const login = (await env.logIn('alice', { access_type: 'offline', client_id: 'reader' })).body.data;
    const { status, body } = await env.callJson('GET', `${TOKEN}/${login.token}`);
    expect(status).toBe(200);
    const { refresh_token: _refresh, ...withoutRefresh } = login;
    expect(body.data).toEqual(withoutRefresh);
  });

  it('checks scopes in one call', async () => {
    const token = (await env.logIn('carol')).body.data.token;
    const { body } = await env.callJson('POST', `${TOKEN}/${token}/scopes/check`, {
      body: { scopes: ['calld.users.me.calls.read', 'call-logd.users.me.cdr.read', 'confd.users.read'] },
    });
    expect(body).toEqual({ scopes: { 'calld.users.me.calls.read': true, 'call-logd.users.me.cdr.read': false, 'confd.users.read': false } });
    const otherTenant = await env.callJson('POST', `${TOKEN}/${token}/scopes/check`, { body: { scopes: [], tenant_uuid: env.sim.fixtures.tenants.globex } });
    expect(otherTenant.status).toBe(403);
    expect((await env.call('POST', `${TOKEN}/00000000-0000-4000-8000-000000000000/scopes/check`, { body: { scopes: [] } })).status).toBe(404);
  });

  it('revokes with 200 {data: {message: success}}, also for an unknown token', async () => {
    const token = (await env.logIn('alice')).body.data.token;
    const revoked = await env.callJson('DELETE', `${TOKEN}/${token}`);
    expect(revoked).toMatchObject({ status: 200, body: { data: { message: 'success' } } });
    expect((await env.call('HEAD', `${TOKEN}/${token}`)).status).toBe(404);
    expect((await env.call('GET', `${P.calld}/users/me/calls`, { token })).status).toBe(401);
    expect((await env.callJson('DELETE', `${TOKEN}/${token}`)).status).toBe(200);
  });

  it('answers 404 No such token for a token that is not a UUID (routing)', async () => {
    const reply = await env.callJson('GET', `${TOKEN}/not-a-token`);
    expect(reply).toMatchObject({ status: 404, body: { reason: ['No such token'], status_code: 404 } });
  });
});

describe('sessions', () => {
  it('lists the sessions of a user and ends one (its token stops working)', async () => {
    const { bob } = env.sim.fixtures.users;
    const first = (await env.logIn('bob')).body.data;
    const second = (await env.logIn('bob', {}, { 'Wazo-Session-Type': 'mobile' })).body.data;
    const listed = await env.callJson('GET', `${P.auth}/users/${bob.uuid}/sessions?order=mobile&direction=desc`, { token: first.token });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [
        { uuid: second.session_uuid, user_uuid: bob.uuid, tenant_uuid: env.sim.fixtures.tenants.acme, mobile: true },
        { uuid: first.session_uuid, user_uuid: bob.uuid, tenant_uuid: env.sim.fixtures.tenants.acme, mobile: false },
      ],
      total: 2,
      filtered: 2,
    });
    expect((await env.call('DELETE', `${P.auth}/users/${bob.uuid}/sessions/${second.session_uuid}`, { token: first.token })).status).toBe(204);
    expect((await env.call('HEAD', `${TOKEN}/${second.token}`)).status).toBe(404);
    expect((await env.call('DELETE', `${P.auth}/users/${bob.uuid}/sessions/${second.session_uuid}`, { token: first.token })).status).toBe(404);
    expect((await env.call('GET', `${P.auth}/users/${env.sim.fixtures.users.alice.uuid}/sessions`, { token: first.token })).status).toBe(401);
  });

  it('lets an admin list and end the sessions of its tenant', async () => {
    const bob = (await env.logIn('bob')).body.data;
    await env.logIn('gary');
    const admin = await env.tokenOf('admin');
    const listed = await env.callJson('GET', `${P.auth}/sessions`, { token: admin });
    expect(listed.body.items.map((s: { user_uuid: string }) => s.user_uuid).sort()).toEqual([env.sim.fixtures.users.admin.uuid, env.sim.fixtures.users.bob.uuid].sort());
    expect((await env.call('DELETE', `${P.auth}/sessions/${bob.session_uuid}`, { token: admin })).status).toBe(204);
    expect((await env.call('HEAD', `${TOKEN}/${bob.token}`)).status).toBe(404);
  });
});

it('has answered every request above within the contract', () => {
  expect(env.sim.violations).toEqual([]);
});
