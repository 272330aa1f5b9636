import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWazoSimulator } from '../../src/index.js';
import { P, startWazo, type WazoEnv } from './harness.js';

let env: WazoEnv;
let alice: string;

beforeAll(async () => {
  env = await startWazo();
});
beforeEach(async () => {
  env.sim.reset();
  alice = await env.tokenOf('alice');
});
afterAll(() => env.close());

const control = (path: string, init: RequestInit = {}) => fetch(`${env.server.url}/__sim${path}`, init);
const postFaults = (faults: unknown) => control('/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });

describe('routing', () => {
  it('serves each daemon under its public prefix, each with its own contract', () => {
    expect(env.sim.app.basePath).toBe('');
    expect(env.sim.app.contracts.map((c) => c.basePath)).toEqual(Object.values(P));
    expect(env.sim.prefixes.callLogd).toBe('/api/call-logd/1.0');
    const calld = env.sim.app.contracts.find((c) => c.basePath === P.calld)!;
    const found = calld.match('PUT', `${P.calld}/users/me/calls/1712345678.42/hold/start`);
    expect(found.kind === 'operation' && [found.operation.operationId, found.pathParams]).toEqual(['holdCall', { call_id: '1712345678.42' }]);
  });

  it('answers unknown paths with 404 in the shape of the daemon, and wrong methods with 405 and Allow', async () => {
    expect(await env.callJson('GET', '/api/nope/1.0/things')).toMatchObject({ status: 404, body: { error_id: 'not-found' } });
    expect(await env.callJson('GET', `${P.calld}/nope`, { token: alice })).toMatchObject({ status: 404, body: { error_id: 'not-found', message: expect.stringContaining('/nope') } });
    expect(await env.callJson('GET', `${P.confd}/nope`)).toMatchObject({ status: 404, body: [expect.stringContaining('/nope')] });
    expect(await env.callJson('GET', `${P.agentd}/nope`)).toMatchObject({ status: 404, body: { error: expect.stringContaining('/nope') } });
    const wrong = await env.callJson('PATCH', `${P.calld}/users/me/calls`, { token: alice });
    expect(wrong.status).toBe(405);
    expect(wrong.response.headers.get('allow')).toBe('GET, POST');
  });

  it('answers a request outside the contract with 400 in the shape of its endpoint', async () => {
    const calld = await env.callJson('POST', `${P.calld}/users/me/calls`, { token: alice, body: { line_id: 'one' } });
    expect(calld.status).toBe(400);
    expect(calld.body).toMatchObject({ message: 'Sent data is invalid', error_id: 'invalid-data', details: { extension: { message: 'is required' }, line_id: { message: 'must be integer' } } });
    const confd = await env.callJson('PUT', `${P.confd}/users/${env.sim.fixtures.users.alice.uuid}/services/dnd`, { token: alice, body: { enabled: 'yes' } });
    expect(confd).toMatchObject({ status: 400, body: [{ enabled: ['must be boolean'] }] });
    const agentd = await env.callJson('POST', `${P.agentd}/users/me/agents/login`, { token: alice, body: {} });
    expect(agentd).toMatchObject({ status: 400, body: { error: 'invalid fields: line_id' } });
    const dtmf = await env.callJson('PUT', `${P.calld}/users/me/calls/1.1/dtmf?digits=12x`, { token: alice });
    expect(dtmf.body.details).toHaveProperty('digits');
  });
});

describe('CORS', () => {
  const preflight = (path: string, headers: string) =>
    fetch(`${env.server.url}${path}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': headers },
    });
  const allowed = (response: Response) => response.headers.get('access-control-allow-headers')!.split(',');

  it('allows only Content-Type, X-Auth-Token and Wazo-Tenant on the daemons', async () => {
    for (const prefix of [P.calld, P.confd, P.dird, P.agentd, P.callLogd, P.chatd]) {
      const response = await preflight(`${prefix}/anything`, 'x-auth-token,content-type');
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(allowed(response)).toEqual(['Content-Type', 'X-Auth-Token', 'Wazo-Tenant']);
    }
  });

  it('also allows Authorization and Wazo-Session-Type on wazo-auth', async () => {
    expect(allowed(await preflight(`${P.auth}/token`, 'authorization'))).toEqual(['Content-Type', 'Authorization', 'X-Auth-Token', 'Wazo-Tenant', 'Wazo-Session-Type']);
  });

  it('answers real requests with Access-Control-Allow-Origin', async () => {
    const response = await env.call('GET', `${P.calld}/users/me/calls`, { token: alice, headers: { Origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('faults', () => {
  it('injects error statuses in the shape of each daemon, then recovers', async () => {
    env.sim.faults.status(503, { path: `${P.calld}/users/me/calls`, times: 1 });
    const calld = await env.callJson('GET', `${P.calld}/users/me/calls`, { token: alice });
    expect(calld).toMatchObject({ status: 503, body: { error_id: 'service-unavailable', message: 'Injected fault: status 503' } });
    expect((await env.call('GET', `${P.calld}/users/me/calls`, { token: alice })).status).toBe(200);
    env.sim.faults.status(503, { path: `${P.confd}/*`, times: 1 });
    expect(await env.callJson('GET', `${P.confd}/users/${env.sim.fixtures.users.alice.uuid}`, { token: alice })).toMatchObject({ status: 503, body: ['Injected fault: status 503'] });
  });

  it('injects 429 with Retry-After and drops connections from /__sim', async () => {
    const added = await postFaults([
      { type: 'rate-limit', retryAfter: 3, times: 1, path: `${P.auth}/token` },
      { type: 'drop', method: 'GET', path: `${P.chatd}/*`, times: 1 },
    ]);
    expect(added.status).toBe(201);
    const limited = await env.logIn('alice');
    expect(limited.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('3');
    expect(limited.body).toMatchObject({ reason: ['Too many requests'], status_code: 429 });
    await expect(env.call('GET', `${P.chatd}/users/me/rooms`, { token: alice })).rejects.toThrow(TypeError);
    expect((await env.call('GET', `${P.chatd}/users/me/rooms`, { token: alice })).status).toBe(200);
  });

  it('lists and clears faults', async () => {
    env.sim.faults.latency(5, { path: '/api/dird/*' });
    const listed = (await (await control('/faults')).json()) as { data: { type: string }[] };
    expect(listed.data.map((fault) => fault.type)).toEqual(['latency']);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect(env.sim.faults.list()).toEqual([]);
  });
});

describe('control routes and violations', () => {
  it('reports health and resets the stack', async () => {
    const room = env.sim.store.rooms.values().next().value!;
    env.sim.store.rooms.delete(room.uuid);
    expect(await (await control('/health')).json()).toMatchObject({ status: 'ok', platform: 'wazo', violations: 0 });
    expect((await control('/reset', { method: 'POST' })).status).toBe(204);
    expect(env.sim.store.rooms.has(room.uuid)).toBe(true);
    expect((await env.call('GET', `${P.calld}/users/me/calls`, { token: alice })).status).toBe(401);
  });

  it('records a reply outside the contract as a violation and answers 500', async () => {
    expect(env.sim.violations).toEqual([]);
    env.sim.store.confdUsers.get(env.sim.fixtures.users.alice.uuid)!.subscription_type = 42;
    const broken = await env.callJson('GET', `${P.confd}/users/${env.sim.fixtures.users.alice.uuid}`, { token: alice });
    expect(broken.status).toBe(500);
    expect(env.sim.violations).toEqual([
      expect.objectContaining({ operationId: 'getUser', status: 200, violations: [{ at: 'response.body/subscription_type', message: 'must be <= 10' }] }),
    ]);
    const listed = (await (await control('/violations')).json()) as { data: unknown[] };
    expect(listed.data).toHaveLength(1);
    env.sim.violations.length = 0;
  });
});

describe('in-process with msw', () => {
  it('answers the stack host and another base URL', async () => {
    const sim = createWazoSimulator();
    const server = setupServer(...sim.mswHandlers(), ...sim.mswHandlers('http://sim.test/wazo'));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      expect(sim.defaultBaseUrl).toBe('https://wazo.example.com');
      const login = await fetch(`${sim.defaultBaseUrl}${P.auth}/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa('alice:demo-password')}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      const { data } = (await login.json()) as { data: { token: string } };
      const calls = await fetch(`http://sim.test/wazo${P.calld}/users/me/calls`, { headers: { 'X-Auth-Token': data.token } });
      expect(((await calls.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      sim.faults.drop({ times: 1 });
      await expect(fetch(`${sim.defaultBaseUrl}${P.calld}/users/me/calls`, { headers: { 'X-Auth-Token': data.token } })).rejects.toThrow(TypeError);
      expect(sim.violations).toEqual([]);
    } finally {
      server.close();
    }
  });
});

it('has answered every request above within the contract', () => {
  expect(env.sim.violations).toEqual([]);
});
