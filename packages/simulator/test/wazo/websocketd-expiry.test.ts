import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { P, startWazo, type WazoEnv } from './harness.js';
import { TestSocket } from './websocketd-client.js';

/** The simulator's clock: tests move it, then force the expiry check instead of waiting. */
let clock = Date.parse('2024-06-01T14:00:00Z');
let env: WazoEnv;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  env = await startWazo({ now: () => clock });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await vi.waitFor(() => expect(env.sim.websocketd.connectionCount).toBe(0));
  expect(env.sim.violations).toEqual([]);
});
afterAll(() => env.close());

const login = async (expiration: number) => (await env.logIn('alice', { expiration })).body.data as { token: string; session_uuid: string };
const ready = async (token: string) => {
  const socket = await TestSocket.ready(env.server.websocketdUrl, token);
  sockets.push(socket);
  return socket;
};
const alice = () => env.sim.fixtures.users.alice;

describe('token expiry', () => {
  it('warns with auth_session_expire_soon a minute before, then closes 4003 when the token expires', async () => {
    const { token, session_uuid } = await login(600);
    const socket = await ready(token);
    clock += 545_000;
    env.sim.websocketd.checkExpiry();
    expect(await socket.nextEvent()).toMatchObject({
      name: 'auth_session_expire_soon',
      [`user_uuid:${alice().uuid}`]: true,
      data: { uuid: session_uuid, user_uuid: alice().uuid, tenant_uuid: env.sim.fixtures.tenants.acme },
    });
    env.sim.websocketd.checkExpiry();
    expect(await socket.request({ op: 'ping', data: { payload: 'still here' } })).toMatchObject({ op: 'pong' });

    clock += 70_000;
    env.sim.websocketd.checkExpiry();
    expect(await socket.closed).toEqual({ code: 4003, reason: 'authentication expired' });
  });

  it('moves the deadline to the token swapped in with op token', async () => {
    const first = await login(120);
    const socket = await ready(first.token);
    const second = await login(3600);
    expect(await socket.request({ op: 'token', data: { token: second.token } })).toMatchObject({ op: 'token', code: 0 });
    clock += 600_000;
    env.sim.websocketd.checkExpiry();
    expect(await socket.request({ op: 'ping', data: { payload: 'after the first token expired' } })).toMatchObject({ op: 'pong' });
    expect(env.sim.websocketd.subscriptions()).toEqual([expect.objectContaining({ sessionUuid: second.session_uuid })]);

    clock += 3_000_000;
    env.sim.websocketd.checkExpiry();
    expect((await socket.closed).code).toBe(4003);
  });

  it('closes 4003 once the session is deleted (checked like an expiry)', async () => {
    const { token } = await login(3600);
    const socket = await ready(token);
    expect((await env.call('DELETE', `${P.auth}/token/${token}`)).status).toBe(200);
    env.sim.websocketd.checkExpiry();
    expect((await socket.closed).code).toBe(4003);
  });

  it('closes every socket with 4003 on reset (the tokens are gone)', async () => {
    const socket = await ready((await login(3600)).token);
    env.sim.reset();
    expect((await socket.closed).code).toBe(4003);
  });
});

it('closes the socket on its own at the expiry (real clock)', async () => {
  const sim = (await import('../../src/index.js')).createWazoSimulator();
  const server = await sim.listen();
  try {
    const reply = await fetch(`${server.baseUrl}${P.auth}/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${sim.fixtures.users.bob.username}:${sim.fixtures.users.bob.password}`)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ expiration: 2 }),
    });
    const socket = await TestSocket.ready(server.websocketdUrl, ((await reply.json()) as { data: { token: string } }).data.token);
    expect((await socket.closed).code).toBe(4003);
    expect(sim.violations).toEqual([]);
  } finally {
    await server.close();
  }
});
