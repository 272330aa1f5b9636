import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startWazo, type Json, type WazoEnv } from './harness.js';

let env: WazoEnv;
let alice: string;
let bob: string;
let admin: string;
const A = P.agentd;

beforeAll(async () => {
  env = await startWazo();
  [alice, bob, admin] = await Promise.all([env.tokenOf('alice'), env.tokenOf('bob'), env.tokenOf('admin')]);
});
afterAll(() => env.close());

describe("the token user's agent", () => {
  it('logs in with a line, pauses, resumes and logs off, every action answering 204', async () => {
    const status = async () => (await env.callJson('GET', `${A}/users/me/agents`, { token: alice })).body as Json;
    expect(await status()).toMatchObject({ id: 1, number: '1001', logged: false, paused: false, tenant_uuid: env.sim.fixtures.tenants.acme, queues: [{ name: 'sales' }, { name: 'support' }] });
    expect(await env.callJson('POST', `${A}/users/me/agents/pause`, { token: alice, body: {} })).toMatchObject({ status: 409, body: { error: 'not logged in' } });
    expect(await env.callJson('POST', `${A}/users/me/agents/login`, { token: alice, body: { line_id: 3 } })).toMatchObject({ status: 400, body: { error: 'no such line' } });
    const login = await env.call('POST', `${A}/users/me/agents/login`, { token: alice, body: { line_id: 1 } });
    expect(login.status).toBe(204);
    expect(await login.text()).toBe('');
    expect(await status()).toMatchObject({ logged: true, extension: '1001', context: 'default', state_interface: expect.stringMatching(/^PJSIP\//), queues: [{ logged: true }, { logged: true }] });
    expect(await env.callJson('POST', `${A}/users/me/agents/login`, { token: alice, body: { line_id: 1 } })).toMatchObject({ status: 409, body: { error: 'already logged' } });
    expect((await env.call('POST', `${A}/users/me/agents/pause`, { token: alice, body: { reason: 'lunch' } })).status).toBe(204);
    expect(await status()).toMatchObject({ paused: true, paused_reason: 'lunch' });
    expect((await env.call('POST', `${A}/users/me/agents/unpause`, { token: alice })).status).toBe(204);
    expect((await env.call('PUT', `${A}/users/me/agents/queues/2/logoff`, { token: alice })).status).toBe(204);
    expect((await status()).queues.map((q: Json) => q.logged)).toEqual([true, false]);
    expect((await env.call('PUT', `${A}/users/me/agents/queues/2/login`, { token: alice })).status).toBe(204);
    expect((await env.callJson('PUT', `${A}/users/me/agents/queues/3/login`, { token: alice })).body).toEqual({ error: 'no such queue' });
    expect((await env.call('POST', `${A}/users/me/agents/logoff`, { token: alice })).status).toBe(204);
    expect(await env.callJson('POST', `${A}/users/me/agents/logoff`, { token: alice })).toMatchObject({ status: 409, body: { error: 'not logged in' } });
    expect(await env.callJson('POST', `${A}/users/me/agents/unpause`, { token: alice })).toMatchObject({ status: 409 });
  });

  it('answers 404 no such agent to a user without one', async () => {
    expect(await env.callJson('GET', `${A}/users/me/agents`, { token: bob })).toMatchObject({ status: 404, body: { error: 'no such agent' } });
  });
});

describe('agents of the tenant', () => {
  it('lists agents as a bare array and reads one by id or number', async () => {
    const agents = (await env.callJson('GET', `${A}/agents`, { token: admin })).body as Json[];
    expect(Array.isArray(agents)).toBe(true);
    expect(agents.map((a) => a.number).sort()).toEqual(['1001', '1003', '8001', '8002']);
    expect((await env.callJson('GET', `${A}/agents/by-id/1`, { token: admin })).body.number).toBe('1001');
    expect((await env.callJson('GET', `${A}/agents/by-number/8001`, { token: admin })).body.id).toBe(agents.find((a) => a.number === '8001')!.id);
    expect(await env.callJson('GET', `${A}/agents/by-id/99`, { token: admin })).toMatchObject({ status: 404, body: { error: 'no such agent' } });
    expect((await env.callJson('GET', `${A}/agents?recurse=true`, { token: admin })).body).toHaveLength(5);
  });

  it('logs an agent in by number and by id, refusing a busy extension, and logs everyone off', async () => {
    const body = { extension: '1050', context: 'default' };
    expect((await env.call('POST', `${A}/agents/by-number/8001/login`, { token: admin, body })).status).toBe(204);
    expect(await env.callJson('POST', `${A}/agents/by-number/8002/login`, { token: admin, body })).toMatchObject({ status: 409, body: { error: 'extension and context already in use' } });
    expect(await env.callJson('POST', `${A}/agents/by-number/8001/login`, { token: admin, body })).toMatchObject({ status: 409, body: { error: 'already logged' } });
    expect((await env.call('POST', `${A}/agents/by-number/8001/pause`, { token: admin, body: { reason: null } })).status).toBe(204);
    expect((await env.call('POST', `${A}/agents/by-number/8001/unpause`, { token: admin })).status).toBe(204);
    expect((await env.call('POST', `${A}/agents/by-number/8001/logoff`, { token: admin })).status).toBe(204);
    expect((await env.callJson('POST', `${A}/agents/by-number/9999/logoff`, { token: admin })).body).toEqual({ error: 'no such agent' });
    const id = (await env.callJson('GET', `${A}/agents/by-number/8002`, { token: admin })).body.id;
    expect((await env.call('POST', `${A}/agents/by-id/${id}/login`, { token: admin, body: { extension: '1051', context: 'default' } })).status).toBe(204);
    expect((await env.call('PUT', `${A}/agents/${id}/queues/1/logoff`, { token: admin })).status).toBe(204);
    expect((await env.call('PUT', `${A}/agents/${id}/queues/1/login`, { token: admin })).status).toBe(204);
    expect((await env.call('POST', `${A}/agents/relog?all_queues=true`, { token: admin })).status).toBe(204);
    expect((await env.call('POST', `${A}/agents/logoff`, { token: admin })).status).toBe(204);
    expect((await env.callJson('GET', `${A}/agents/by-id/${id}`, { token: admin })).body.logged).toBe(false);
    expect(await env.callJson('POST', `${A}/agents/by-id/${id}/logoff`, { token: admin })).toMatchObject({ status: 409, body: { error: 'not logged in' } });
  });

  it('adds an agent to a queue and removes it', async () => {
    const agent = `${A}/agents/by-id/1`;
    expect((await env.call('POST', `${agent}/add`, { token: admin, body: { queue_id: 3 } })).status).toBe(204);
    expect((await env.callJson('GET', agent, { token: admin })).body.queues.map((q: Json) => q.name)).toEqual(['sales', 'support', 'billing']);
    expect(await env.callJson('POST', `${agent}/add`, { token: admin, body: { queue_id: 3 } })).toMatchObject({ status: 409, body: { error: 'agent already in queue' } });
    expect(await env.callJson('POST', `${agent}/add`, { token: admin, body: { queue_id: 4 } })).toMatchObject({ status: 404, body: { error: 'no such queue' } });
    expect((await env.call('POST', `${agent}/remove`, { token: admin, body: { queue_id: 3 } })).status).toBe(204);
    expect(await env.callJson('POST', `${agent}/remove`, { token: admin, body: { queue_id: 3 } })).toMatchObject({ status: 409, body: { error: 'agent not in queue' } });
  });
});

it('exercised every agentd operation within the contract', () => {
  expect(env.unexercised('agentd')).toEqual([]);
  expect(env.sim.violations).toEqual([]);
});
