/** Typed errors for every failure the simulator can produce, and which calls are retried. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  type SendSmsRequest,
  type VoipstudioClientOptions,
} from '../../src/index.js';
import { DEMO_API_TOKEN, rejectionOf, useSimulator } from './harness.js';

const e2e = useSimulator();
/** The X-Request-Id of every response the client received in this test, in order. */
const responseIds: string[] = [];
beforeEach(() => {
  responseIds.length = 0;
});

/** An API-key client (no login requests in the log) whose fetch records the response request ids. */
const client = (options: VoipstudioClientOptions = {}) =>
  e2e.client({
    auth: { apiKey: DEMO_API_TOKEN },
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      responseIds.push(response.headers.get('x-request-id')!);
      return response;
    },
    ...options,
  });

const sms: SendSmsRequest = { to: '447700900555', message: 'e2e' };

describe('HTTP statuses', () => {
  it('400 validation: BadRequestError with the field errors, body, request id, method and url', async () => {
    const error = await rejectionOf(client().sms.send({ body: { message: 'no recipient' } as SendSmsRequest }));

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      name: 'BadRequestError',
      status: 400,
      requestId: responseIds[0],
      body: { message: 'Validation error', errors: [{ field: 'to', message: 'is required' }] },
      fieldErrors: [{ field: 'to', message: 'is required' }],
      method: 'POST',
      url: `${e2e.baseUrl}/sms`,
    });
    expect(error.message).toContain('to: is required');
    expect(responseIds).toHaveLength(1);
  });

  it('400 on a query parameter: limit above 5000, not retried', async () => {
    const error = await rejectionOf(client().cdrs.list({ query: { limit: 6000 } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ fieldErrors: [{ field: 'limit' }], method: 'GET', url: `${e2e.baseUrl}/cdrs?limit=6000` });
    expect(e2e.requests).toHaveLength(1);
  });

  it('401: AuthenticationError for an unknown API key', async () => {
    const error = await rejectionOf(client({ auth: { apiKey: 'unknown-api-key' } }).users.me());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      requestId: responseIds[0],
      body: { message: 'Unauthorized' },
      fieldErrors: [{ message: 'Invalid token' }],
      method: 'GET',
      url: `${e2e.baseUrl}/me`,
    });
    expect(e2e.requests).toHaveLength(1);
  });

  it('404: NotFoundError for a missing contact', async () => {
    const error = await rejectionOf(client().contacts.get({ path: { id: 999_999_999 } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, requestId: responseIds[0], body: { message: 'Resource not found' }, fieldErrors: [] });
    expect(e2e.requests).toHaveLength(1);
  });

  it('404: NotFoundError for a live call after it hung up', async () => {
    const vs = client();
    const call = await vs.calls.make({ body: { to: '442079460123' } });
    await vs.calls.hangUp({ path: { id: call.id } });

    expect(await rejectionOf(vs.calls.get({ path: { id: call.id } }))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(vs.calls.hangUp({ path: { id: call.id } }))).toBeInstanceOf(NotFoundError);
    expect(e2e.count('DELETE', `/calls/${call.id}`)).toBe(2);
  });

  it('412: a plain ApiError with status 412 for a call from a user without a SIP device', async () => {
    const error = await rejectionOf(client().calls.make({ body: { to: '442079460123', from: 1012 } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.constructor).toBe(ApiError);
    expect(error).toMatchObject({ name: 'ApiError', status: 412, method: 'POST', requestId: responseIds[0] });
    expect(error.message).toContain('no VoIP clients registered');
  });

  it.each([
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [418, ApiError],
    [500, InternalServerError],
    [502, InternalServerError],
  ])('%i from a fault surfaces as %o', async (status, ErrorClass) => {
    e2e.sim.faults.status(status, { path: '/users' });

    const error = await rejectionOf(client({ retry: false }).users.list({ query: { limit: 1 } }));

    expect(error.constructor).toBe(ErrorClass);
    expect(error).toMatchObject({
      status,
      requestId: responseIds[0],
      body: { message: `Injected fault: status ${status}` },
      method: 'GET',
      url: `${e2e.baseUrl}/users?limit=1`,
    });
    expect(e2e.requests).toHaveLength(1);
  });
});

it('asResponse still throws the typed error on a non-2xx status', async () => {
  const error = await rejectionOf(client().contacts.get.asResponse({ path: { id: 999_999_999 } }));
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toMatchObject({ status: 404, body: { message: 'Resource not found' } });
});

describe('401 on a login session', () => {
  it('a single 401 is taken as an expired session: one login, one replay', async () => {
    const vs = e2e.client();
    await vs.login();
    e2e.sim.faults.status(401, { path: '/me', times: 1 });

    expect((await vs.users.me()).email).toBe('demo@example.com');
    expect(e2e.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /login', 'GET /me', 'POST /login', 'GET /me']);
  });

  it('a 401 that persists after a fresh login is an AuthenticationError, not a loop', async () => {
    const vs = e2e.client();
    await vs.login();
    e2e.sim.faults.status(401, { path: '/me' });

    expect(await rejectionOf(vs.users.me())).toBeInstanceOf(AuthenticationError);
    expect(e2e.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /login', 'GET /me', 'POST /login', 'GET /me']);
  });
});

describe('429 rate limiting', () => {
  it('a GET waits for Retry-After, then succeeds', async () => {
    const waits: string[] = [];
    e2e.sim.faults.rateLimit(1, { path: '/users', times: 1 });

    const page = await client({ logger: { info: (line) => void waits.push(line) }, logLevel: 'info' }).users.list();

    expect(page.items.length).toBeGreaterThan(0);
    expect(e2e.count('GET', '/users')).toBe(2);
    expect(waits).toContainEqual(expect.stringMatching(/^retrying GET .*\/users in 1000 ms$/));
  });

  it('retries exhausted: RateLimitError with retryAfterMs', async () => {
    e2e.sim.faults.rateLimit(0, { path: '/users', times: 3 });
    const error = await rejectionOf(client().users.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 0, requestId: responseIds[2] });
    expect(e2e.count('GET', '/users')).toBe(3);
  });

  it('a Retry-After beyond the cap fails at once with retryAfterMs', async () => {
    e2e.sim.faults.rateLimit(120, { path: '/users' });
    const error = await rejectionOf(client().users.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000 });
    expect(e2e.count('GET', '/users')).toBe(1);
  });

  it('a POST is not retried', async () => {
    e2e.sim.faults.rateLimit(0, { path: '/sms', times: 1 });
    expect(await rejectionOf(client().sms.send({ body: sms }))).toBeInstanceOf(RateLimitError);
    expect(e2e.count('POST', '/sms')).toBe(1);
  });
});

describe('server errors', () => {
  it.each([502, 503, 504])('a GET is retried after %i and succeeds', async (status) => {
    e2e.sim.faults.status(status, { path: '/users', times: 2 });
    const page = await client().users.list();
    expect(page.items.length).toBeGreaterThan(0);
    expect(e2e.count('GET', '/users')).toBe(3);
  });

  it('a GET is not retried after a 500 (not a transient status by design)', async () => {
    e2e.sim.faults.status(500, { path: '/users', times: 1 });
    const error = await rejectionOf(client().users.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(e2e.count('GET', '/users')).toBe(1);
  });

  it('retries exhausted: InternalServerError with the last status', async () => {
    e2e.sim.faults.status(503, { path: '/users' });
    const error = await rejectionOf(client().users.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, requestId: responseIds[2] });
    expect(e2e.count('GET', '/users')).toBe(3);
  });

  it.each([500, 503])('a POST is not retried after %i', async (status) => {
    const before = e2e.sim.store.sms.size;
    e2e.sim.faults.status(status, { path: '/sms', times: 1 });

    const error = await rejectionOf(client().sms.send({ body: sms }));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status, method: 'POST' });
    expect(e2e.count('POST', '/sms')).toBe(1);
    expect(e2e.sim.store.sms.size).toBe(before);
  });

  it('an idempotent PATCH is retried', async () => {
    const vs = client();
    const contact = await vs.contacts.create({ body: { first_name: 'Retry' } });
    e2e.sim.faults.status(503, { method: 'PATCH', times: 1 });

    const updated = await vs.contacts.update({ path: { id: contact.id }, body: { last_name: 'Twice' } });

    expect(updated.last_name).toBe('Twice');
    expect(e2e.count('PATCH', `/contacts/${contact.id}`)).toBe(2);
  });

  it('per-call retry options override the client', async () => {
    e2e.sim.faults.status(503, { path: '/users' });
    const vs = client();
    expect(await rejectionOf(vs.users.list({ retry: false }))).toBeInstanceOf(InternalServerError);
    expect(e2e.count('GET', '/users')).toBe(1);
    expect(await rejectionOf(vs.users.list({ retry: { maxRetries: 4 } }))).toBeInstanceOf(InternalServerError);
    expect(e2e.count('GET', '/users')).toBe(1 + 5);
  });
});

describe('connections', () => {
  it('a dropped connection: the GET is retried and succeeds', async () => {
    e2e.sim.faults.drop({ path: '/users', times: 1 });
    const page = await client().users.list();
    expect(page.items.length).toBeGreaterThan(0);
    expect(e2e.count('GET', '/users')).toBe(2);
  });

  it('a dropped connection: the POST fails with ConnectionError, sent once', async () => {
    e2e.sim.faults.drop({ path: '/sms', times: 1 });
    const error = await rejectionOf(client().sms.send({ body: sms }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error.message).toContain(`POST ${e2e.baseUrl}/sms`);
    expect(e2e.count('POST', '/sms')).toBe(1);
  });

  it('an attempt slower than the timeout is a TimeoutError', async () => {
    e2e.sim.faults.latency(2_000, { path: '/users', times: 1 });
    const error = await rejectionOf(client({ timeout: 200, retry: false }).users.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/timed out after 200 ms/);
    expect(e2e.count('GET', '/users')).toBe(1);
  });

  it('a timed-out GET is retried and the next attempt succeeds; a per-call timeout overrides the client', async () => {
    e2e.sim.faults.latency(2_000, { path: '/users', times: 1 });
    const page = await client({ timeout: 60_000 }).users.list({ timeout: 500 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(e2e.count('GET', '/users')).toBe(2);
  });
});

describe('abort', () => {
  it('aborting a call in flight rejects with AbortError and is not retried', async () => {
    e2e.sim.faults.latency(1_000, { path: '/users', times: 1 });
    const controller = new AbortController();
    const call = client().users.list({ signal: controller.signal });
    await vi.waitFor(() => expect(e2e.requests).toHaveLength(1));

    controller.abort();

    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(e2e.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await rejectionOf(client().users.list({ signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(e2e.requests).toHaveLength(0);
  });

  // BUG (packages/core/src/auth.ts `authenticate` / `TokenManager.ensure`): a call waits for the
  // login (or a refresh in flight) without looking at its own signal, so it only rejects with
  // AbortError once the login has been answered, however long that takes. Remove `.fails` once fixed.
  it('aborting a call that waits for the login rejects before the login is answered', async () => {
    e2e.sim.faults.latency(1_500, { path: '/login', times: 1 });
    const controller = new AbortController();
    const call = e2e.client().users.me({ signal: controller.signal });
    await vi.waitFor(() => expect(e2e.requests).toHaveLength(1));

    controller.abort();

    expect(await rejectionOf(call)).toBeInstanceOf(AbortError);
    expect(e2e.requests[0]).toMatchObject({ path: '/login', answered: false });
  });

  it('aborting during the wait before a retry rejects with AbortError at once', async () => {
    e2e.sim.faults.rateLimit(30, { path: '/users' });
    const controller = new AbortController();
    const vs = client({ logLevel: 'info', logger: { info: (line) => line.startsWith('retrying') && controller.abort() } });

    const error = await rejectionOf(vs.users.list({ signal: controller.signal }));

    expect(error).toBeInstanceOf(AbortError);
    expect(controller.signal.aborted).toBe(true);
    expect(e2e.requests).toHaveLength(1);
  });
});
