import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, md5Credentials, sha1Credentials, START, startKazoo, type KazooEnv } from './harness.js';

let clock = START;
let env: KazooEnv;

beforeAll(async () => {
  env = await startKazoo({ now: () => clock, tokenLifetimeSeconds: 600 });
});
afterAll(() => env.close());

const INVALID_CREDENTIALS = { status: 'error', error: '401', message: 'invalid_credentials', data: { message: 'invalid credentials' } };

describe('api_auth', () => {
  it('issues a JWT for the account API key, in the envelope’s auth_token', async () => {
    const { status, body, response } = await env.callJson('PUT', '/api_auth', { body: { data: { api_key: env.fixtures.demo.apiKey } } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'success', auth_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), data: { account_id: env.fixtures.demo.accountId, account_name: 'pbxkit-demo', is_reseller: false } });
    expect(body.request_id).toBe(response.headers.get('x-request-id'));
    expect(claimsOf(body.auth_token)).toMatchObject({ account_id: env.fixtures.demo.accountId, method: 'cb_api_auth', exp: Math.floor(clock / 1000) + 600 });
    expect(claimsOf(body.auth_token).owner_id).toBeUndefined();
  });

  it('refuses a wrong key with 401 and a malformed one with 400 on api_key', async () => {
    const wrong = await env.callJson('PUT', '/api_auth', { body: { data: { api_key: 'f'.repeat(64) } } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject(INVALID_CREDENTIALS);
    const short = await env.callJson('PUT', '/api_auth', { body: { data: { api_key: 'abc' } } });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ status: 'error', error: '400', message: 'validation error', data: { api_key: { minLength: expect.objectContaining({ message: expect.any(String) }) } } });
    const missing = await env.callJson('PUT', '/api_auth', { body: { data: {} } });
    expect(missing.body.data).toEqual({ api_key: { required: { message: 'Field is required but missing' } } });
  });

  it('rotates the key: the old one stops working, tokens already issued keep working', async () => {
    const key = env.fixtures.branch.apiKey;
    const token = await env.apiToken(key);
    const path = `/accounts/${env.fixtures.branch.accountId}/api_key`;
    expect((await env.callJson('GET', path, { token })).body.data).toEqual({ api_key: key });
    const rotated = await env.callJson('PUT', path, { token });
    const fresh = rotated.body.data.api_key as string;
    expect(fresh).toHaveLength(64);
    expect(fresh).not.toBe(key);
    expect((await env.call('PUT', '/api_auth', { body: { data: { api_key: key } } })).status).toBe(401);
    expect(await env.apiToken(fresh)).toBeTruthy();
    expect((await env.call('GET', `/accounts/${env.fixtures.branch.accountId}`, { token })).status).toBe(200);
  });
});

describe('user_auth', () => {
  const login = (data: Record<string, unknown>) => env.callJson('PUT', '/user_auth', { body: { data } });
  const credentials = md5Credentials('jsmith', 'demo-password');

  it('accepts md5 credentials with account_name, account_realm or phone_number', async () => {
    for (const by of [{ account_name: 'pbxkit-demo' }, { account_name: 'PBXKIT Demo' }, { account_realm: 'demo.pbxkit.test' }, { phone_number: '+14155550100' }]) {
      const { status, body } = await login({ credentials, ...by });
      expect(status, JSON.stringify(by)).toBe(201);
      expect(body.data).toMatchObject({ account_id: env.fixtures.demo.accountId, owner_id: env.fixtures.user.userId });
      expect(claimsOf(body.auth_token)).toMatchObject({ owner_id: env.fixtures.user.userId, method: 'cb_user_auth' });
    }
  });

  it('accepts SHA-1 credentials with method sha, with the username in any case', async () => {
    const { status } = await login({ credentials: sha1Credentials('JSmith', 'demo-password'), method: 'sha', account_realm: 'demo.pbxkit.test' });
    expect(status).toBe(201);
    expect((await login({ credentials, method: 'sha', account_realm: 'demo.pbxkit.test' })).status).toBe(401);
  });

  it('answers 401 invalid_credentials for a wrong password or account, 400 for a bad request', async () => {
    expect((await login({ credentials: md5Credentials('jsmith', 'wrong'), account_name: 'pbxkit-demo' })).body).toMatchObject(INVALID_CREDENTIALS);
    expect((await login({ credentials, account_name: 'pbxkit-branch' })).status).toBe(401);
    expect((await login({ credentials, account_name: 'no-such-account' })).status).toBe(401);
    const bad = await login({ credentials, method: 'sha1', account_name: 'pbxkit-demo' });
    expect(bad.status).toBe(400);
    expect(bad.body.data.method).toHaveProperty('enum');
    expect((await login({ account_name: 'pbxkit-demo' })).body.data.credentials).toHaveProperty('required');
  });

  it('forgets a password changed through the users API, and learns the new one', async () => {
    const token = await env.userToken();
    const jdoe = env.demo(`/users/${env.fixtures.secondUser.userId}`);
    expect((await env.call('PATCH', jdoe, { token, body: { data: { password: 'a-new-password' } } })).status).toBe(200);
    expect((await login({ credentials: md5Credentials('jdoe', 'demo-password'), account_name: 'pbxkit-demo' })).status).toBe(401);
    expect((await login({ credentials: md5Credentials('jdoe', 'a-new-password'), account_name: 'pbxkit-demo' })).status).toBe(201);
    expect((await env.callJson('GET', jdoe, { token })).body.data.password).toBeUndefined();
  });
});

describe('tokens', () => {
  it('reads the token from X-Auth-Token, ?auth_token= or Authorization: Bearer', async () => {
    const token = await env.apiToken();
    const path = env.demo();
    expect((await env.call('GET', path, { token })).status).toBe(200);
    expect((await env.call('GET', `${path}?auth_token=${token}`)).status).toBe(200);
    expect((await env.call('GET', path, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('answers 401 without a token or with a forged one', async () => {
    const none = await env.callJson('GET', env.demo());
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ ...INVALID_CREDENTIALS, auth_token: '' });
    const token = await env.apiToken();
    const [header, payload] = token.split('.');
    expect((await env.call('GET', env.demo(), { token: `${header}.${payload}.AAAA` })).status).toBe(401);
    expect((await env.call('GET', env.demo(), { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('expires tokens after their lifetime (401), whatever their use', async () => {
    const token = await env.userToken();
    clock += 599_000;
    expect((await env.call('GET', env.demo(), { token })).status).toBe(200);
    clock += 1_000;
    const expired = await env.callJson('GET', env.demo(), { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject(INVALID_CREDENTIALS);
  });

  it('refreshes a valid token with PUT /auth action refresh_token', async () => {
    const token = await env.userToken();
    clock += 300_000;
    const { status, body } = await env.callJson('PUT', '/auth', { token, body: { data: { action: 'refresh_token' } } });
    expect(status).toBe(201);
    expect(body.auth_token).not.toBe(token);
    expect(claimsOf(body.auth_token)).toMatchObject({ owner_id: env.fixtures.user.userId, exp: claimsOf(token).exp + 300 });
    const wrong = await env.callJson('PUT', '/auth', { token, body: { data: { action: 'reset' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.data).toHaveProperty('action');
  });

  it('describes a token (token_auth, user_auth/{token}, tokeninfo) and revokes it with DELETE /token_auth', async () => {
    const token = await env.userToken();
    const other = await env.userToken();
    const info = await env.callJson('GET', '/token_auth', { token });
    expect(info.status).toBe(200);
    expect(info.body.data).toMatchObject({ account_id: env.fixtures.demo.accountId, owner_id: env.fixtures.user.userId, method: 'cb_user_auth', account_name: 'pbxkit-demo' });
    expect((await env.callJson('GET', `/user_auth/${token}`, { token })).body.data.owner_id).toBe(env.fixtures.user.userId);
    expect((await env.call('GET', `/user_auth/${other}`, { token })).status).toBe(401);
    expect((await env.callJson('GET', `/auth/tokeninfo?token=${token}`)).body.data.account_id).toBe(env.fixtures.demo.accountId);
    expect((await env.callJson('POST', '/auth/tokeninfo', { body: { data: { token } } })).status).toBe(200);

    expect((await env.call('DELETE', '/token_auth', { token })).status).toBe(200);
    expect((await env.call('GET', env.demo(), { token })).status).toBe(401);
    expect((await env.call('GET', '/auth/tokeninfo?token=' + token)).status).toBe(401);
    expect((await env.call('GET', env.demo(), { token: other })).status).toBe(200);
  });
});

describe('account hierarchy', () => {
  it('lets a token reach its account and its descendants, and answers 403 elsewhere', async () => {
    const { demo, lab, branch, reseller, master } = env.fixtures;
    const token = await env.apiToken();
    expect((await env.call('GET', `/accounts/${lab.accountId}`, { token })).status).toBe(200);
    const parent = await env.callJson('GET', `/accounts/${reseller.accountId}/users`, { token });
    expect(parent.status).toBe(403);
    expect(parent.body).toMatchObject({ status: 'error', error: '403', message: 'forbidden', data: { message: 'forbidden' } });
    expect((await env.call('GET', `/accounts/${branch.accountId}`, { token })).status).toBe(403);
    expect((await env.call('GET', `/accounts/${'0'.repeat(32)}`, { token })).status).toBe(403);
    const root = await env.apiToken(master.apiKey);
    expect((await env.call('GET', `/accounts/${demo.accountId}/users`, { token: root })).status).toBe(200);
  });

  it('lets only the super-duper admin impersonate a user of another account', async () => {
    const { demo, secondUser, superAdmin, master } = env.fixtures;
    const path = `/accounts/${demo.accountId}/users/${secondUser.userId}/user_auth`;
    const body = { data: { action: 'impersonate_user' } };
    expect((await env.call('PUT', path, { token: await env.userToken(), body })).status).toBe(403);
    const admin = await env.userToken(superAdmin.username, master.name);
    const { status, body: answer } = await env.callJson('PUT', path, { token: admin, body });
    expect(status).toBe(201);
    expect(claimsOf(answer.auth_token)).toMatchObject({ account_id: demo.accountId, owner_id: secondUser.userId, original_account_id: master.accountId, original_owner_id: superAdmin.userId });
    expect((await env.callJson('GET', '/token_auth', { token: answer.auth_token })).body.data.owner_id).toBe(secondUser.userId);
  });
});

describe('other ways in', () => {
  it('authenticates by client address with ip_auth', async () => {
    const { status, body } = await env.callJson('PUT', '/ip_auth', { headers: { 'X-Forwarded-For': env.fixtures.demo.ipAddress } });
    expect(status).toBe(201);
    expect(claimsOf(body.auth_token)).toMatchObject({ account_id: env.fixtures.demo.accountId, method: 'cb_ip_auth' });
    expect((await env.call('PUT', '/ip_auth', { headers: { 'X-Forwarded-For': '192.0.2.1' } })).status).toBe(401);
  });

  it('recovers a password: the emailed reset id signs the user in once', async () => {
    const request = await env.callJson('PUT', '/user_auth/recovery', { body: { data: { username: 'jdoe', account_name: 'pbxkit-demo', ui_url: 'https://portal.example.com' } } });
    expect(request.status).toBe(201);
    const [resetId] = [...env.sim.store.passwordResets.keys()];
    const done = await env.callJson('POST', '/user_auth/recovery', { body: { data: { reset_id: resetId } } });
    expect(done.status).toBe(200);
    expect(claimsOf(done.body.auth_token).owner_id).toBe(env.fixtures.secondUser.userId);
    expect((await env.call('POST', '/user_auth/recovery', { body: { data: { reset_id: resetId } } })).status).toBe(400);
    expect((await env.call('PUT', '/user_auth/recovery', { body: { data: { username: 'nobody', account_name: 'pbxkit-demo', ui_url: 'https://x.example' } } })).status).toBe(400);
  });
});

it('records no contract violations', () => {
  expect(env.sim.violations).toEqual([]);
});
