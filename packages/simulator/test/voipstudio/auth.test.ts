import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Json } from './harness.js';

const START = Date.parse('2026-11-02T09:00:00Z');
let clock = START;
let env: Awaited<ReturnType<typeof startSimulator>>;
const minutes = (n: number) => n * 60_000;

beforeAll(async () => {
  env = await startSimulator({ now: () => clock });
});
afterAll(() => env.close());

async function login(email = 'demo@example.com', password = 'demo-password') {
  return env.callJson('POST', '/login', { token: null, body: { email, password } });
}

describe('login sessions', () => {
  it('logs in and authenticates with the session token', async () => {
    const { status, body } = await login();
    expect(status).toBe(200);
    expect(body).toEqual({ message: 'Login success', user_token: expect.stringMatching(/^[0-9a-f]{32}$/), user_id: 1001 });
    const me = await env.callJson('GET', '/me', { token: body.user_token });
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ id: 1001, email: 'demo@example.com', customer_id: 521156, sip_domain: expect.any(String) });
  });

  it('rejects bad credentials with AU1003', async () => {
    const { status, body } = await login('demo@example.com', 'wrong');
    expect(status).toBe(400);
    expect(body).toEqual({ message: 'Validation error', errors: [{ field: 'email', code: 'AU1003', message: 'Invalid email or password.' }] });
    expect((await login('nobody@example.com')).status).toBe(400);
  });

  it('validates the login body', async () => {
    const { status, body } = await env.callJson('POST', '/login', { token: null, body: { email: 'demo@example.com' } });
    expect(status).toBe(400);
    expect(body.errors).toContainEqual({ field: 'password', message: 'is required' });
  });

  it('answers 401 in the documented shape without or with an unknown token', async () => {
    const none = await env.callJson('GET', '/ping', { token: null });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ message: 'Unauthorized', errors: [{ message: 'Missing credentials' }] });
    expect((await env.callJson('GET', '/ping', { token: 'not-a-token' })).body.errors).toEqual([{ message: 'Invalid token' }]);
  });

  it('expires a session after 30 idle minutes, each request resetting the timer', async () => {
    const token = (await login()).body.user_token as string;
    clock += minutes(29);
    expect((await env.callJson('GET', '/ping', { token })).body).toEqual({ data: { response: 'Pong' }, links: {} });
    clock += minutes(29);
    expect((await env.call('GET', '/ping', { token })).status).toBe(200);
    clock += minutes(31);
    const expired = await env.callJson('GET', '/ping', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.errors).toEqual([{ message: 'Session expired' }]);
  });

  it('ends the session on logout', async () => {
    const token = (await login()).body.user_token as string;
    const out = await env.call('POST', '/logout', { token });
    expect(out.status).toBe(204);
    expect(await out.text()).toBe('');
    expect((await env.call('GET', '/me', { token })).status).toBe(401);
  });
});

describe('two-factor login', () => {
  it('answers 202 with a nonce, then accepts the code once', async () => {
    const first = await login('2fa@example.com');
    expect(first.status).toBe(202);
    const nonce = first.body.nonce as string;
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    const wrong = await env.callJson('POST', '/login2fa', { token: null, body: { code: '000000', nonce } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toEqual([{ field: 'code', message: 'Invalid code' }]);
    const right = await env.callJson('POST', '/login2fa', { token: null, body: { code: env.sim.fixtures.twoFactor.code, nonce } });
    expect(right.status).toBe(200);
    expect(right.body.user_id).toBe(1002);
    expect((await env.callJson('GET', '/me', { token: right.body.user_token })).body.data.email).toBe('2fa@example.com');
    expect((await env.call('POST', '/login2fa', { token: null, body: { code: '123456', nonce } })).status).toBe(401);
  });

  it('lets a nonce lapse after five minutes', async () => {
    const nonce = (await login('2fa@example.com')).body.nonce as string;
    clock += minutes(6);
    expect((await env.callJson('POST', '/login2fa', { token: null, body: { code: '123456', nonce } })).body.errors).toEqual([
      { field: 'nonce', message: 'Invalid or expired nonce' },
    ]);
  });
});

describe('API tokens', () => {
  let session: string;
  beforeAll(async () => {
    session = (await login()).body.user_token;
  });

  it('creates a token with 201 {data, links} and refuses a duplicate name', async () => {
    const created = await env.callJson('POST', '/apitokens', { token: session, body: { name: 'CI', expiry: 120 } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      data: expect.objectContaining({ user_id: 1001, customer_id: 521156, name: 'CI', expiry: 120, last_request_at: null, token: expect.any(String) }),
      links: {},
    });
    const duplicate = await env.callJson('POST', '/apitokens', { token: session, body: { name: 'CI', expiry: 0 } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors[0].field).toBe('name');
  });

  it('lists the user’s tokens, filtered by name', async () => {
    const { body } = await env.callJson('GET', `/apitokens?filter=${encodeURIComponent('[{"property":"name","operator":"eq","value":"CI"}]')}`, { token: session });
    expect(body.total).toBe(1);
    expect(body.data[0].name).toBe('CI');
  });

  it('authenticates with X-Auth-Token and with Basic user_id:token, refreshing an idle expiry', async () => {
    const token = (await env.callJson('POST', '/apitokens', { token: session, body: { name: 'idle', expiry: 60 } })).body.data.token as string;
    expect((await env.call('GET', '/ping', { token })).status).toBe(200);
    clock += 50_000;
    const basic = `Basic ${btoa(`1001:${token}`)}`;
    expect((await env.call('GET', '/ping', { token: null, headers: { Authorization: basic } })).status).toBe(200);
    clock += 50_000;
    expect((await env.call('GET', '/ping', { token })).status).toBe(200);
    const listed = (await env.callJson('GET', '/apitokens', { token: session })).body.data as Json[];
    expect(listed.find((t) => t.name === 'idle')?.last_request_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    clock += 61_000;
    const expired = await env.callJson('GET', '/ping', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.errors).toEqual([{ message: 'API token expired' }]);
  });

  it('refuses Basic credentials for another user or that do not parse', async () => {
    const basic = (text: string) => ({ token: null, headers: { Authorization: `Basic ${btoa(text)}` } });
    expect((await env.call('GET', '/ping', basic('1002:demo-api-token'))).status).toBe(401);
    expect((await env.callJson('GET', '/ping', basic('demo-api-token'))).body.errors).toEqual([
      { message: 'Failed to parse Authorization header credentials' },
    ]);
  });

  it('never expires a token with expiry 0 (the demo token)', async () => {
    clock += 365 * 24 * 3_600_000;
    expect((await env.call('GET', '/ping')).status).toBe(200);
  });

  it('revokes a token with 204, and 404 for an unknown one', async () => {
    session = (await login()).body.user_token;
    const token = (await env.callJson('POST', '/apitokens', { token: session, body: { name: 'short-lived', expiry: 0 } })).body.data.token as string;
    const revoked = await env.call('DELETE', `/apitokens/${token}`, { token: session });
    expect(revoked.status).toBe(204);
    expect((await env.call('GET', '/ping', { token })).status).toBe(401);
    expect((await env.call('DELETE', `/apitokens/${token}`, { token: session })).status).toBe(404);
  });
});

describe('password recovery', () => {
  it('resets a password with the emailed token', async () => {
    expect((await env.callJson('POST', '/password', { token: null, body: { email: 'demo@example.com' } })).status).toBe(200);
    const [resetToken] = [...env.sim.store.passwordResets.keys()];
    const short = await env.callJson('POST', '/reset', { token: null, body: { token: resetToken, password: 'short' } });
    expect(short.body.errors[0].field).toBe('password');
    expect((await env.call('POST', '/reset', { token: null, body: { token: resetToken, password: 'a-new-password' } })).status).toBe(200);
    expect((await login('demo@example.com', 'a-new-password')).status).toBe(200);
    expect((await env.callJson('POST', '/reset', { token: null, body: { token: resetToken, password: 'another-one' } })).body.errors[0].field).toBe('token');
  });
});

it('records no contract violations', () => {
  expect(env.sim.violations).toEqual([]);
});
