import { InvalidArgumentError } from '@pbxkit/kazoo';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectBlackhole, errorOf, subscribe, type BlackholeClient } from './blackhole-client.js';
import { START, startKazoo, type Json, type KazooEnv } from './harness.js';

let clock = START;
let env: KazooEnv;
let token: string;
let demoId: string;
const clients: BlackholeClient[] = [];

beforeAll(async () => {
  env = await startKazoo({ now: () => clock, tokenLifetimeSeconds: 600 });
  token = await env.apiToken();
  demoId = env.fixtures.demo.accountId;
});
afterAll(() => env.close());
afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.terminate();
  expect(env.sim.violations).toEqual([]);
  await expect.poll(() => env.sim.blackhole.connectionCount).toBe(0);
});

async function connect(path = '/'): Promise<BlackholeClient> {
  const client = await connectBlackhole(new URL(path, env.server.websocketUrl).href);
  clients.push(client);
  return client;
}

/** A socket authenticated with the demo account's token (by a ping). */
async function authenticated(): Promise<BlackholeClient> {
  const client = await connect();
  expect((await client.command({ action: 'ping', auth_token: token })).status).toBe('success');
  return client;
}

const publishCall = (event: string, callId: string, accountId = demoId) =>
  env.sim.blackhole.publish({ accountId, binding: `call.${event}.${callId}`, name: event, data: { call_id: callId, event_name: event } });

describe('the blackhole endpoint', () => {
  it('listens on the simulator’s port, on any path outside /v2 and /__sim', async () => {
    expect(env.server.websocketUrl).toBe(`${env.server.url.replace('http', 'ws')}/`);
    const client = await connect('/some/other/path');
    expect(env.sim.blackhole.connectionCount).toBe(1);
    const reply = await client.command({ action: 'ping', auth_token: token, request_id: 'r1' });
    expect(reply).toEqual({ action: 'reply', request_id: 'r1', status: 'success', data: { response: 'pong' } });
    const refused = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(new URL(path, env.server.websocketUrl).href);
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode!));
        socket.once('open', () => reject(new Error(`${path} accepted a WebSocket`)));
      });
    expect(await refused('/v2/accounts')).toBe(404);
    expect(await refused('/__sim/health')).toBe(404);
  });

  it('refuses a Sec-WebSocket-Protocol header with 400', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(env.server.websocketUrl, 'kazoo');
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode!));
      socket.once('open', () => reject(new Error('a sub-protocol was accepted')));
    });
    expect(status).toBe(400);
  });
});

describe('authentication', () => {
  it('needs a token on the first message, ping included, then no more', async () => {
    const client = await connect();
    expect(errorOf(await client.command({ action: 'ping' }))).toBe('authentication token required');
    expect(errorOf(await client.command(subscribe(demoId, 'call.*.*')))).toBe('authentication token required');
    expect((await client.command({ action: 'ping', auth_token: token })).data).toEqual({ response: 'pong' });
    expect((await client.command({ action: 'ping' })).data).toEqual({ response: 'pong' });
    expect((await client.command(subscribe(demoId, 'call.*.*'))).status).toBe('success');
  });

  it('refuses forged, revoked and expired tokens without echoing them', async () => {
    const client = await connect();
    const forged = await client.command({ action: 'ping', auth_token: `${token.slice(0, -4)}AAAA` });
    expect(errorOf(forged)).toBe('failed to authenticate token');
    expect(JSON.stringify(forged)).not.toContain(token.slice(0, 20));

    const revoked = await env.apiToken();
    expect((await env.call('DELETE', '/token_auth', { token: revoked })).status).toBe(200);
    expect(errorOf(await client.command({ action: 'ping', auth_token: revoked }))).toBe('failed to authenticate token');

    const expiring = await env.apiToken();
    clock += 601_000;
    try {
      expect(errorOf(await client.command({ action: 'ping', auth_token: expiring }))).toBe('failed to authenticate token');
    } finally {
      clock = START;
    }
  });

  it('gives a request without request_id a random hex one, and never crashes on bad frames', async () => {
    const client = await authenticated();
    const reply = await client.command({ action: 'ping' });
    expect(reply.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(errorOf(await client.command('not json at all'))).toBe('message is not valid JSON');
    expect(errorOf(await client.command('[1,2]'))).toBe('message must be a JSON object');
    expect(errorOf(await client.command({ action: 'explode', request_id: 'x' }))).toBe('action explode not supported');
    expect(await client.command({ request_id: 'idle' })).toEqual({ action: 'reply', request_id: 'idle', status: 'success', data: {} });
    expect((await client.command({ action: 'ping' })).status).toBe('success');
  });
});

describe('subscriptions', () => {
  it('validates data: both account_id and binding are required', async () => {
    const client = await authenticated();
    expect(errorOf(await client.command({ action: 'subscribe' }))).toBe('missing required keys in data object');
    expect(errorOf(await client.command({ action: 'subscribe', data: { account_id: demoId } }))).toBe('missing required keys : binding');
    expect(errorOf(await client.command({ action: 'subscribe', data: { bindings: ['call.*.*'] } }))).toBe('missing required keys : account_id, binding');
    expect(errorOf(await client.command({ action: 'unsubscribe' }))).toBe('missing required keys in data object');
  });

  it('authorizes accounts in the token account’s hierarchy only', async () => {
    const client = await authenticated();
    expect((await client.command(subscribe(env.fixtures.lab.accountId, 'call.*.*'))).status).toBe('success');
    expect(errorOf(await client.command(subscribe(env.fixtures.branch.accountId, 'call.*.*')))).toBe('unauthorized account id');
    expect(errorOf(await client.command(subscribe(env.fixtures.master.accountId, 'call.*.*')))).toBe('unauthorized account id');
    expect(errorOf(await client.command(subscribe('*', 'call.*.*')))).toBe('unauthorized account id');
    expect(errorOf(await client.command(subscribe('0'.repeat(32), 'call.*.*')))).toBe('unauthorized account id');
  });

  it('refuses unknown bindings with Kazoo’s messages', async () => {
    const client = await authenticated();
    expect(errorOf(await client.command(subscribe(demoId, 'doc_created.*.user.*')))).toBe('no available subscriptions to requested binding');
    expect(errorOf(await client.command(subscribe(demoId, 'call.CHANNEL_EXPLODE.*')))).toBe('event CHANNEL_EXPLODE not supported');
    expect(errorOf(await client.command(subscribe(demoId, 'object.doc_created.spaceship')))).toBe('event spaceship not supported');
    expect(errorOf(await client.command(subscribe(demoId, 'object.doc_created')))).toBe('invalid format for object subscription : doc_created');
    expect(errorOf(await client.command(subscribe(demoId, 'call.CHANNEL_CREATE')))).toBe('invalid format for call subscription : CHANNEL_CREATE');
  });

  it('subscribes, lists the subscribed bindings, and unsubscribes', async () => {
    const client = await authenticated();
    expect((await client.command(subscribe(demoId, 'call.CHANNEL_CREATE.*', { request_id: 's1' }))).data).toEqual({ subscribed: ['call.CHANNEL_CREATE.*'] });
    expect((await client.command(subscribe(demoId, 'object.doc_created.user'))).data).toEqual({ subscribed: ['call.CHANNEL_CREATE.*', 'object.doc_created.user'] });
    expect(env.sim.blackhole.subscriptions()).toEqual([
      {
        socketId: expect.stringMatching(/^[0-9a-f]{32}$/),
        accountId: demoId,
        subscriptions: [
          { accountId: demoId, binding: 'call.CHANNEL_CREATE.*' },
          { accountId: demoId, binding: 'object.doc_created.user' },
        ],
      },
    ]);
    const unsubscribed = await client.command({ action: 'unsubscribe', data: { account_id: demoId, binding: 'call.CHANNEL_CREATE.*' } });
    expect(unsubscribed.data).toEqual({ unsubscribed: ['call.CHANNEL_CREATE.*'], subscribed: ['object.doc_created.user'] });
  });

  it('shows subscribed sockets in GET /accounts/{A}/websockets until they close', async () => {
    const client = await authenticated();
    await client.command(subscribe(demoId, 'call.*.*'));
    const [socket] = env.sim.blackhole.subscriptions();
    const listed = await env.callJson('GET', env.demo(`/websockets/${socket!.socketId}`), { token });
    expect(listed.body.data).toMatchObject({ websocket_session_id: socket!.socketId, bindings: ['call.*.*'], source: '127.0.0.1' });
    client.socket.close();
    await client.closed();
    await expect.poll(() => env.sim.blackhole.connectionCount).toBe(0);
    expect((await env.call('GET', env.demo(`/websockets/${socket!.socketId}`), { token })).status).toBe(404);
  });
});

describe('events', () => {
  it('delivers published events to matching bindings, wildcards included, in Kazoo’s frame', async () => {
    const client = await authenticated();
    await client.command(subscribe(demoId, 'call.CHANNEL_CREATE.*'));
    await client.command(subscribe(demoId, 'call.*.abc'));
    publishCall('CHANNEL_ANSWER', 'xyz'); // matches neither
    publishCall('CHANNEL_CREATE', 'xyz', env.fixtures.lab.accountId); // another account
    publishCall('CHANNEL_CREATE', 'abc'); // matches both
    const frames = [await client.next(), await client.next()];
    expect(frames).toEqual([
      {
        action: 'event',
        subscribed_key: 'call.CHANNEL_CREATE.*',
        subscription_key: `call.${demoId}.CHANNEL_CREATE.*`,
        name: 'CHANNEL_CREATE',
        routing_key: `call.${demoId}.CHANNEL_CREATE.abc`,
        data: { call_id: 'abc', event_name: 'CHANNEL_CREATE' },
      },
      expect.objectContaining({ subscribed_key: 'call.*.abc', subscription_key: `call.${demoId}.*.abc`, routing_key: `call.${demoId}.CHANNEL_CREATE.abc` }),
    ]);
  });

  it('stops delivering after unsubscribe', async () => {
    const client = await authenticated();
    await client.command(subscribe(demoId, 'call.CHANNEL_CREATE.*'));
    await client.command(subscribe(demoId, 'call.CHANNEL_DESTROY.*'));
    await client.command({ action: 'unsubscribe', data: { account_id: demoId, binding: 'call.CHANNEL_CREATE.*' } });
    publishCall('CHANNEL_CREATE', 'first');
    publishCall('CHANNEL_DESTROY', 'first');
    // Frames arrive in order: the destroy coming first proves the create was not sent.
    expect((await client.next()).name).toBe('CHANNEL_DESTROY');
  });

  it('lets a super-duper admin watch every account with *', async () => {
    const admin = await env.apiToken(env.fixtures.master.apiKey);
    const client = await connect();
    expect((await client.command({ ...subscribe('*', 'object.*.*'), auth_token: admin })).status).toBe('success');
    env.sim.blackhole.publish({ accountId: env.fixtures.branch.accountId, binding: 'object.doc_edited.user', name: 'doc_edited', data: { id: 'u1', type: 'user' } });
    expect(await client.next()).toMatchObject({ subscribed_key: 'object.*.*', name: 'doc_edited', data: { id: 'u1' } });
  });

  it('announces a quickcall as CHANNEL_CREATE, ANSWER, BRIDGE and DESTROY', async () => {
    const client = await authenticated();
    await client.command(subscribe(demoId, 'call.*.*'));
    const device = env.sim.store.devices.inAccount(demoId).find((d) => d.owner_id)!;
    const owner = env.sim.store.users.get(demoId, device.owner_id!)!;
    expect((await env.call('GET', env.demo(`/devices/${device.id}/quickcall/+16465550199`), { token })).ok).toBe(true);
    const frames = [await client.next(), await client.next(), await client.next(), await client.next()];
    expect(frames.map((f) => f.name)).toEqual(['CHANNEL_CREATE', 'CHANNEL_ANSWER', 'CHANNEL_BRIDGE', 'CHANNEL_DESTROY']);
    const callId = frames[0]!.data.call_id as string;
    expect(frames.every((f) => f.data.call_id === callId && f.routing_key === `call.${demoId}.${f.name}.${callId}`)).toBe(true);
    expect(frames[0]!.data).toMatchObject({
      call_direction: 'outbound',
      caller_id_name: `${owner.first_name} ${owner.last_name}`,
      callee_id_number: '+16465550199',
      custom_channel_vars: { account_id: demoId, authorizing_id: device.id, authorizing_type: 'device', owner_id: owner.id },
    });
    expect(frames[3]!.data).toMatchObject({ hangup_cause: 'NORMAL_CLEARING', other_leg_call_id: frames[2]!.data.other_leg_call_id });
    expect(env.sim.store.channels.get(demoId, callId)).toBeDefined();
  });

  it('announces document changes as object.<action>.<type>', async () => {
    const client = await authenticated();
    await client.command(subscribe(demoId, 'object.*.user'));
    await client.command(subscribe(demoId, 'object.doc_deleted.*'));
    const created = await env.callJson('PUT', env.demo('/users'), { token, body: { data: { first_name: 'Ada', last_name: 'Lovelace' } } });
    const id = created.body.data.id as string;
    await env.callJson('PATCH', env.demo(`/users/${id}`), { token, body: { data: { first_name: 'Augusta' } } });
    await env.callJson('DELETE', env.demo(`/users/${id}`), { token });
    const frames = [await client.next(), await client.next(), await client.next(), await client.next()];
    expect(frames.map((f) => [f.name, f.subscribed_key])).toEqual([
      ['doc_created', 'object.*.user'],
      ['doc_edited', 'object.*.user'],
      ['doc_deleted', 'object.*.user'],
      ['doc_deleted', 'object.doc_deleted.*'],
    ]);
    expect(frames[0]).toMatchObject({ routing_key: `doc_created.account%2F3b%2Fe3%2F${demoId.slice(4)}.user.${id}`, data: { id, type: 'user', account_id: demoId } });

    const callflow = await env.callJson('PUT', env.demo('/callflows'), { token, body: { data: { numbers: ['5555'], flow: { module: 'user', data: {} } } } });
    await env.callJson('DELETE', env.demo(`/callflows/${callflow.body.data.id}`), { token });
    expect(await client.next()).toMatchObject({ subscribed_key: 'object.doc_deleted.*', data: { id: callflow.body.data.id, type: 'callflow' } });
  });
});

describe('control', () => {
  it('drops every socket without a close frame', async () => {
    const [a, b] = [await authenticated(), await authenticated()];
    expect(env.sim.blackhole.connectionCount).toBe(2);
    env.sim.blackhole.dropConnections();
    // 1006: the connection ended without a close frame.
    expect(await a.closed()).toBe(1006);
    expect(await b.closed()).toBe(1006);
    await expect.poll(() => env.sim.blackhole.connectionCount).toBe(0);
  });

  it('refuses a malformed publication with an InvalidArgumentError', () => {
    const publish = env.sim.blackhole.publish.bind(env.sim.blackhole);
    expect(() => publish({ accountId: demoId, binding: 'call.*.x', name: 'CHANNEL_CREATE', data: {} })).toThrow(InvalidArgumentError);
    expect(() => publish({ accountId: '', binding: 'call.CHANNEL_CREATE.x', name: 'CHANNEL_CREATE', data: {} })).toThrow(InvalidArgumentError);
    expect(() => publish({ accountId: demoId, binding: 'call.CHANNEL_CREATE.x', name: 'CHANNEL_CREATE', data: [] as unknown as Json })).toThrow(InvalidArgumentError);
  });

  it('records an event whose data breaks the spec', async () => {
    env.sim.blackhole.publish({ accountId: demoId, binding: 'call.CHANNEL_CREATE.x', name: 'CHANNEL_CREATE', data: { event_name: 'CHANNEL_CREATE' } });
    expect(env.sim.violations).toEqual([expect.objectContaining({ method: 'WS', path: 'blackhole call.CHANNEL_CREATE', violations: [{ at: 'data/call_id', message: 'is required' }] })]);
    env.sim.violations.length = 0;
  });
});
