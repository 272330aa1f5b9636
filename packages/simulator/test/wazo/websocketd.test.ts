import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { P, startWazo, type WazoEnv } from './harness.js';
import { TestSocket } from './websocketd-client.js';

let env: WazoEnv;
let alice: string;
const sockets: TestSocket[] = [];
const aliceUuid = () => env.sim.fixtures.users.alice.uuid;
/** publish() delivers on a later turn of the event loop; this waits for that turn. */
const delivered = () => new Promise((resolve) => setImmediate(resolve));

beforeAll(async () => {
  env = await startWazo();
  alice = await env.tokenOf('alice');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await vi.waitFor(() => expect(env.sim.websocketd.connectionCount).toBe(0));
  expect(env.sim.violations).toEqual([]);
});
afterAll(() => env.close());

const url = (query: string) => `${env.server.websocketdUrl}?${query}`;
const open = async (query: string, headers?: Record<string, string>) => {
  const socket = await TestSocket.open(url(query), headers);
  sockets.push(socket);
  return socket;
};
const ready = async (token: string, events?: string[]) => {
  const socket = await TestSocket.ready(env.server.websocketdUrl, token, events);
  sockets.push(socket);
  return socket;
};

describe('the websocketd v2 handshake', () => {
  it('serves /api/websocketd/ on the API port and greets with init version 2', async () => {
    expect(env.server.websocketdUrl).toBe(`${env.server.baseUrl.replace('http', 'ws')}/api/websocketd/`);
    const socket = await open(`token=${alice}&version=2`);
    expect(await socket.next()).toEqual({ op: 'init', code: 0, data: { version: 2 } });
    expect(env.sim.websocketd.connectionCount).toBe(1);
    expect(env.sim.websocketd.subscriptions()).toEqual([
      { userUuid: aliceUuid(), tenantUuid: env.sim.fixtures.tenants.acme, sessionUuid: expect.any(String), events: [], started: false },
    ]);
  });

  it('takes the token from the X-Auth-Token header of the upgrade too', async () => {
    const socket = await open('version=2', { 'X-Auth-Token': alice });
    expect((await socket.next()).op).toBe('init');
  });
});

describe('the commands', () => {
  it('answers subscribe, start and ping, and lists the subscriptions', async () => {
    const socket = await open(`token=${alice}&version=2`);
    await socket.next();
    expect(await socket.request({ op: 'subscribe', data: { event_name: 'call_created' } })).toEqual({ op: 'subscribe', code: 0, data: null });
    expect(await socket.request({ op: 'subscribe', data: { event_name: '*' } })).toEqual({ op: 'subscribe', code: 0, data: null });
    expect(await socket.request({ op: 'start' })).toEqual({ op: 'start', code: 0, data: null });
    expect(await socket.request({ op: 'ping', data: { payload: 'are you there?' } })).toEqual({ op: 'pong', code: 0, data: { payload: 'are you there?' } });
    expect(env.sim.websocketd.subscriptions()[0]).toMatchObject({ events: ['call_created', '*'], started: true });
  });

  it('forwards events only after start, and only the subscribed names', async () => {
    const socket = await open(`token=${alice}&version=2`);
    await socket.next();
    await socket.request({ op: 'subscribe', data: { event_name: 'chatd_presence_updated' } });
    const target = { userUuids: [aliceUuid()] };
    env.sim.websocketd.publish('chatd_presence_updated', { uuid: aliceUuid(), state: 'away' }, target);
    await delivered();
    await socket.request({ op: 'start' });
    env.sim.websocketd.publish('users_services_dnd_updated', { user_uuid: aliceUuid(), enabled: true }, target);
    env.sim.websocketd.publish('chatd_presence_updated', { uuid: aliceUuid(), state: 'available' }, target);
    const event = await socket.nextEvent();
    expect(event).toMatchObject({ name: 'chatd_presence_updated', data: { state: 'available' } });
  });

  it('swaps the token with op token, without reconnecting', async () => {
    const socket = await open(`token=${alice}&version=2`);
    await socket.next();
    const fresh = await env.logIn('alice');
    expect(await socket.request({ op: 'token', data: { token: fresh.body.data.token } })).toEqual({ op: 'token', code: 0, data: null });
    expect(env.sim.websocketd.subscriptions()[0]!.sessionUuid).toBe(fresh.body.data.session_uuid);
  });
});

describe('the close codes', () => {
  it('4001 without a token', async () => {
    const socket = await open('version=2');
    expect(await socket.closed).toEqual({ code: 4001, reason: 'no token' });
  });

  it('4002 for an unknown token', async () => {
    const socket = await open('token=00000000-0000-4000-8000-000000000000&version=2');
    expect((await socket.closed).code).toBe(4002);
  });

  it('4002 for a token without the websocketd access, at the upgrade and with op token', async () => {
    const admin = await env.tokenOf('admin');
    const created = await env.callJson('POST', `${P.auth}/users`, { token: admin, body: { username: 'kiosk', password: 'kiosk-password' } });
    expect(created.status).toBe(200);
    const kiosk = (await env.logIn({ login: 'kiosk', password: 'kiosk-password' })).body.data.token as string;
    expect((await (await open(`token=${kiosk}&version=2`)).closed).code).toBe(4002);

    const socket = await open(`token=${alice}&version=2`);
    await socket.next();
    socket.send({ op: 'token', data: { token: kiosk } });
    expect(await socket.closed).toEqual({ code: 4002, reason: 'authentication failed' });
  });

  it('4004 for a version other than 2, a frame that is not JSON, an unknown op or a malformed command', async () => {
    for (const query of [`token=${alice}`, `token=${alice}&version=1`]) {
      expect((await (await open(query)).closed).code).toBe(4004);
    }
    for (const frame of ['not json', '[1, 2]', { op: 'dance' }, { op: 'subscribe' }, { op: 'ping', data: 'x' }, { op: 'token', data: { token: 7 } }]) {
      const socket = await open(`token=${alice}&version=2`);
      await socket.next();
      socket.send(frame);
      expect(await socket.closed).toEqual({ code: 4004, reason: 'protocol error' });
    }
    expect(env.sim.websocketd.connectionCount).toBe(0);
  });
});

describe('the control API', () => {
  it('dropConnections() cuts every socket without a close frame, or closes them with a code', async () => {
    const [first, second] = [await ready(alice), await ready(alice)];
    expect(env.sim.websocketd.connectionCount).toBe(2);
    env.sim.websocketd.dropConnections();
    expect((await first.closed).code).toBe(1006);
    expect((await second.closed).code).toBe(1006);
    expect(env.sim.websocketd.connectionCount).toBe(0);

    const third = await ready(alice);
    env.sim.websocketd.dropConnections(1011);
    expect((await third.closed).code).toBe(1011);
  });

  it('rejects bad arguments with InvalidArgumentError', () => {
    const { websocketd } = env.sim;
    expect(() => websocketd.dropConnections(1005)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
    expect(() => websocketd.publish('Call Created', {})).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
    expect(() => websocketd.publish('call_created', { call_id: '1.1' }, { userUuids: 'alice' as never })).toThrow(/userUuids/);
    expect(() => websocketd.publish('custom_event', {})).toThrow(/give tenantUuid/);
    expect(() => websocketd.publish('call_created', { call_id: '1.1' }, { userUuids: ['00000000-0000-4000-8000-000000000000'] })).toThrow(/give tenantUuid/);
  });
});
