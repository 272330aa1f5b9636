import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { P, startWazo, type WazoEnv } from './harness.js';
import { TestSocket } from './websocketd-client.js';

let env: WazoEnv;
const tokens: Record<'alice' | 'bob' | 'carol' | 'admin' | 'gary', string> = { alice: '', bob: '', carol: '', admin: '', gary: '' };
const sockets: TestSocket[] = [];

beforeAll(async () => {
  env = await startWazo();
  for (const name of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[name] = await env.tokenOf(name);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await vi.waitFor(() => expect(env.sim.websocketd.connectionCount).toBe(0));
  expect(env.sim.violations).toEqual([]);
});
afterAll(() => env.close());

const uuidOf = (name: keyof typeof tokens) => env.sim.fixtures.users[name].uuid;
const connect = async (...names: (keyof typeof tokens)[]) => {
  const opened = await Promise.all(names.map((name) => TestSocket.ready(env.server.websocketdUrl, tokens[name])));
  sockets.push(...opened);
  return opened;
};
/**
 * Events reach sockets in publishing order, so once a marker published last arrives, nothing published
 * before it is still on its way: what came before the marker is all the socket got.
 */
const eventsUntilMarker = async (socket: TestSocket, userUuid: string) => {
  env.sim.websocketd.publish('marker_event', { done: true }, { userUuids: [userUuid], requiredAcl: 'websocketd' });
  const names: string[] = [];
  for (let event = await socket.nextEvent(); event.name !== 'marker_event'; event = await socket.nextEvent()) names.push(event.name);
  return names;
};

describe('routing', () => {
  it('sends a user its own events and the tenant-wide ones; a tenant admin gets every event of its tenant', async () => {
    const [alice, bob, admin, gary] = await connect('alice', 'bob', 'admin', 'gary');
    const call = { call_id: '1717250000.77', user_uuid: uuidOf('bob'), status: 'Ringing' };
    env.sim.websocketd.publish('call_created', call, { userUuids: [uuidOf('bob')] });
    const bobEvent = await bob!.nextEvent();
    expect(bobEvent).toEqual({
      name: 'call_created',
      origin_uuid: env.sim.fixtures.stackUuid,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/),
      required_acl: `events.calls.${uuidOf('bob')}`,
      required_access: 'event.call_created',
      tenant_uuid: env.sim.fixtures.tenants.acme,
      [`user_uuid:${uuidOf('bob')}`]: true,
      data: call,
    });
    expect(await admin!.nextEvent()).toEqual(bobEvent);
    expect(await eventsUntilMarker(alice!, uuidOf('alice'))).toEqual([]);

    env.sim.websocketd.publish('chatd_presence_updated', { uuid: uuidOf('carol'), state: 'away' }, { tenantUuid: env.sim.fixtures.tenants.acme });
    for (const socket of [alice!, bob!]) expect(await socket.nextEvent()).toMatchObject({ name: 'chatd_presence_updated', 'user_uuid:*': true });
    // The admin also got alice's marker: every event of the tenant reaches it.
    expect(await admin!.eventNames(2)).toEqual(['marker_event', 'chatd_presence_updated']);
    expect(await eventsUntilMarker(gary!, uuidOf('gary'))).toEqual([]);
  });

  it('delivers only what the token ACL grants (required_acl)', async () => {
    const [alice, admin] = await connect('alice', 'admin');
    env.sim.websocketd.publish('call_created', { call_id: '1717250000.78' }, { userUuids: [uuidOf('alice')], requiredAcl: 'events.secret.{user_uuid}' });
    expect(await admin!.nextEvent()).toMatchObject({ name: 'call_created', required_acl: `events.secret.${uuidOf('alice')}` });
    expect(await eventsUntilMarker(alice!, uuidOf('alice'))).toEqual([]);
  });
});

describe('events of REST state changes', () => {
  it('follows a call through calld: created, answered, held, resumed, ended, for the users on it only', async () => {
    const [alice, bob, carol, admin] = await connect('alice', 'bob', 'carol', 'admin');
    const me = `${P.calld}/users/me/calls`;
    const made = await env.callJson('POST', me, { token: tokens.bob, body: { extension: '1003' } });
    expect(made.status).toBe(201);
    const bobCall = made.body.call_id as string;
    const created = await bob!.nextEvent();
    expect(created).toMatchObject({ name: 'call_created', data: { call_id: bobCall, status: 'Up', user_uuid: uuidOf('bob') } });
    const ringing = await carol!.nextEvent();
    expect(ringing).toMatchObject({ name: 'call_created', data: { status: 'Ringing', user_uuid: uuidOf('carol'), peer_caller_id_number: '1002' } });
    const carolCall = ringing.data.call_id as string;

    expect((await env.call('PUT', `${me}/${carolCall}/answer`, { token: tokens.carol })).status).toBe(204);
    expect(await carol!.nextEvent()).toMatchObject({ name: 'call_updated', data: { call_id: carolCall, status: 'Up' } });
    expect(await carol!.nextEvent()).toMatchObject({ name: 'call_answered', data: { call_id: carolCall, answer_time: expect.any(String) } });

    expect((await env.call('PUT', `${me}/${bobCall}/hold/start`, { token: tokens.bob })).status).toBe(204);
    expect(await bob!.nextEvent()).toMatchObject({ name: 'call_held', data: { call_id: bobCall, user_uuid: uuidOf('bob') } });
    expect((await env.call('PUT', `${me}/${bobCall}/hold/stop`, { token: tokens.bob })).status).toBe(204);
    expect(await bob!.nextEvent()).toMatchObject({ name: 'call_resumed', data: { call_id: bobCall } });

    expect((await env.call('DELETE', `${me}/${bobCall}`, { token: tokens.bob })).status).toBe(204);
    expect(await bob!.nextEvent()).toMatchObject({ name: 'call_ended', data: { call_id: bobCall, hangup_time: expect.any(String) } });
    expect(await carol!.nextEvent()).toMatchObject({ name: 'call_ended', data: { call_id: carolCall } });

    expect(await eventsUntilMarker(alice!, uuidOf('alice'))).toEqual([]);
    expect(await admin!.eventNames(8)).toEqual(['call_created', 'call_created', 'call_updated', 'call_answered', 'call_held', 'call_resumed', 'call_ended', 'call_ended']);
  });

  it('tells the whole tenant of a presence change', async () => {
    const [alice, gary] = await connect('alice', 'gary');
    const path = `${P.chatd}/users/${uuidOf('bob')}/presences`;
    expect((await env.call('PUT', path, { token: tokens.bob, body: { state: 'away', status: 'Lunch' } })).status).toBe(204);
    expect(await alice!.nextEvent()).toMatchObject({
      name: 'chatd_presence_updated',
      required_acl: `events.chatd.users.${uuidOf('bob')}.presences.updated`,
      data: { uuid: uuidOf('bob'), state: 'away', status: 'Lunch' },
    });
    expect(await eventsUntilMarker(gary!, uuidOf('gary'))).toEqual([]);
  });

  it('tells the users of a room of the room and of each message', async () => {
    const [alice, bob, carol] = await connect('alice', 'bob', 'carol');
    const room = await env.callJson('POST', `${P.chatd}/users/me/rooms`, { token: tokens.bob, body: { users: [{ uuid: uuidOf('carol') }] } });
    expect(room.status).toBe(201);
    const sent = await env.callJson('POST', `${P.chatd}/users/me/rooms/${room.body.uuid}/messages`, { token: tokens.bob, body: { content: 'Standup in 5' } });
    expect(sent.status).toBe(201);
    for (const member of [bob!, carol!]) {
      expect(await member.nextEvent()).toMatchObject({ name: 'chatd_user_room_created', data: { uuid: room.body.uuid } });
      expect(await member.nextEvent()).toMatchObject({
        name: 'chatd_user_room_message_created',
        data: { uuid: sent.body.uuid, content: 'Standup in 5', user_uuid: uuidOf('bob'), room: { uuid: room.body.uuid } },
      });
    }
    expect(await eventsUntilMarker(alice!, uuidOf('alice'))).toEqual([]);
  });

  it('tells a user of its do-not-disturb and forward changes', async () => {
    const [alice] = await connect('alice');
    const me = `${P.confd}/users/${uuidOf('alice')}`;
    expect((await env.call('PUT', `${me}/services/dnd`, { token: tokens.alice, body: { enabled: true } })).status).toBe(204);
    expect(await alice!.nextEvent()).toMatchObject({
      name: 'users_services_dnd_updated',
      data: { user_uuid: uuidOf('alice'), tenant_uuid: env.sim.fixtures.tenants.acme, enabled: true, user_id: expect.any(Number) },
    });
    expect((await env.call('PUT', `${me}/forwards/busy`, { token: tokens.alice, body: { enabled: true, destination: '1002' } })).status).toBe(204);
    expect(await alice!.nextEvent()).toMatchObject({ name: 'users_forwards_busy_updated', data: { enabled: true, destination: '1002' } });
    await env.call('PUT', `${me}/services/dnd`, { token: tokens.alice, body: { enabled: false } });
    await env.call('PUT', `${me}/forwards/busy`, { token: tokens.alice, body: { enabled: false } });
  });
});
