import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startWazo, type Json, type WazoEnv } from './harness.js';

let env: WazoEnv;
let alice: string;
let bob: string;
let admin: string;
const C = P.chatd;

beforeAll(async () => {
  env = await startWazo();
  [alice, bob, admin] = await Promise.all([env.tokenOf('alice'), env.tokenOf('bob'), env.tokenOf('admin')]);
});
afterAll(() => env.close());

describe('presences', () => {
  it('reads a presence, with line states computed from live calls', async () => {
    const { alice: me } = env.sim.fixtures.users;
    const { body } = await env.callJson('GET', `${C}/users/${me.uuid}/presences`, { token: bob });
    expect(body).toMatchObject({ uuid: me.uuid, tenant_uuid: env.sim.fixtures.tenants.acme, state: 'available', connected: true, do_not_disturb: false });
    expect(body.lines).toEqual([{ id: 1, state: 'ringing' }, { id: 2, state: 'available' }]);
    expect(body.line_state).toBe('ringing');
    expect((await env.call('GET', `${C}/users/${env.sim.fixtures.users.gary.uuid}/presences`, { token: bob })).status).toBe(404);
  });

  it('updates state and status for the user itself only', async () => {
    const me = env.sim.fixtures.users.bob.uuid;
    expect((await env.call('PUT', `${C}/users/${me}/presences`, { token: bob, body: { state: 'away', status: 'Back at 2' } })).status).toBe(204);
    const updated = (await env.callJson('GET', `${C}/users/${me}/presences`, { token: alice })).body;
    expect(updated).toMatchObject({ state: 'away', status: 'Back at 2', last_activity: expect.stringMatching(/\+00:00$/) });
    expect((await env.call('PUT', `${C}/users/${me}/presences`, { token: bob, body: { state: 'available' } })).status).toBe(204);
    expect((await env.callJson('GET', `${C}/users/${me}/presences`, { token: alice })).body).toMatchObject({ state: 'available', status: 'Back at 2' });
    expect((await env.call('PUT', `${C}/users/${env.sim.fixtures.users.alice.uuid}/presences`, { token: bob, body: { state: 'away' } })).status).toBe(401);
    expect((await env.callJson('PUT', `${C}/users/${me}/presences`, { token: bob, body: { state: 'sleeping' } })).status).toBe(400);
  });

  it('lists presences of several users with {items, filtered, total}', async () => {
    const { alice: a, bob: b, carol: c } = env.sim.fixtures.users;
    const some = await env.callJson('GET', `${C}/users/presences?user_uuid=${[a.uuid, b.uuid, c.uuid].join(',')}`, { token: alice });
    expect(some.body.items.map((p: Json) => p.uuid).sort()).toEqual([a.uuid, b.uuid, c.uuid].sort());
    expect(some.body).toMatchObject({ filtered: 3, total: 18 });
    expect((await env.callJson('GET', `${C}/users/presences?recurse=true`, { token: admin })).body.total).toBe(22);
    expect((await env.call('GET', `${C}/users/presences?user_uuid=not-a-uuid`, { token: alice })).status).toBe(400);
  });
});

describe('rooms and messages', () => {
  it('lists the user rooms, optionally those with given users', async () => {
    const rooms = (await env.callJson('GET', `${C}/users/me/rooms`, { token: alice })).body;
    expect(rooms).toMatchObject({ total: 3, filtered: 3 });
    const withCarol = await env.callJson('GET', `${C}/users/me/rooms?user_uuid=${env.sim.fixtures.users.carol.uuid}`, { token: alice });
    expect(withCarol.body.items).toHaveLength(2);
    expect((await env.callJson('GET', `${C}/users/me/rooms`, { token: bob })).body.total).toBe(2);
  });

  it('creates a room (or answers the existing one with the same people), and exchanges messages', async () => {
    const erin = env.sim.fixtures.users.erin.uuid;
    const created = await env.callJson('POST', `${C}/users/me/rooms`, { token: bob, body: { name: 'East coast', users: [{ uuid: erin }] } });
    expect(created).toMatchObject({ status: 201, body: { name: 'East coast', users: [{ uuid: erin, tenant_uuid: env.sim.fixtures.tenants.acmeEast }, { uuid: env.sim.fixtures.users.bob.uuid }] } });
    const again = await env.callJson('POST', `${C}/users/me/rooms`, { token: bob, body: { name: 'Other name', users: [{ uuid: erin }] } });
    expect(again.body.uuid).toBe(created.body.uuid);
    expect((await env.callJson('POST', `${C}/users/me/rooms`, { token: bob, body: { users: [] } })).status).toBe(400);

    const path = `${C}/users/me/rooms/${created.body.uuid}/messages`;
    const sent = await env.callJson('POST', path, { token: bob, body: { content: 'Héllo from Montréal', alias: 'Bob' } });
    expect(sent).toMatchObject({ status: 201, body: { content: 'Héllo from Montréal', alias: 'Bob', user_uuid: env.sim.fixtures.users.bob.uuid, room: { uuid: created.body.uuid }, delivery: { type: 'internal' } } });
    await env.callJson('POST', path, { token: bob, body: { content: 'Second one' } });
    const messages = await env.callJson('GET', path, { token: bob });
    expect(messages.body).toMatchObject({ total: 2, filtered: 2 });
    expect(messages.body.items.map((m: Json) => m.content)).toEqual(['Second one', 'Héllo from Montréal']);
    expect((await env.callJson('GET', `${path}?search=hello montreal`, { token: bob })).body).toMatchObject({ total: 2, filtered: 1 });
    expect((await env.callJson('GET', `${path}?search=montreal hello`, { token: bob })).body.filtered).toBe(0);
    expect((await env.call('GET', path, { token: alice })).status).toBe(404);
    expect((await env.call('POST', path, { token: alice, body: { content: 'x' } })).status).toBe(404);
  });

  it('pages the messages of a room and searches every room', async () => {
    const room = (await env.callJson('GET', `${C}/users/me/rooms`, { token: alice })).body.items[0] as Json;
    const path = `${C}/users/me/rooms/${room.uuid}/messages`;
    const page = await env.callJson('GET', `${path}?limit=5&offset=5&direction=asc`, { token: alice });
    expect(page.body.items).toHaveLength(5);
    const dates = page.body.items.map((m: Json) => m.created_at);
    expect(dates).toEqual([...dates].sort());
    const since = page.body.items[0].created_at as string;
    const recent = await env.callJson('GET', `${path}?from_date=${encodeURIComponent(since)}`, { token: alice });
    expect(recent.body.filtered).toBe(recent.body.total - 5);
    const found = await env.callJson('GET', `${C}/users/me/rooms/messages?search=quote`, { token: alice });
    expect(found.body.filtered).toBeGreaterThan(0);
    expect(found.body.items.every((m: Json) => m.content.toLowerCase().includes('quote'))).toBe(true);
    const latest = await env.callJson('GET', `${C}/users/me/rooms/messages?distinct=room_uuid`, { token: alice });
    expect(new Set(latest.body.items.map((m: Json) => m.room.uuid)).size).toBe(3);
    expect(latest.body.items).toHaveLength(3);
    expect((await env.callJson('GET', `${C}/users/me/rooms/messages`, { token: alice })).status).toBe(400);
  });
});

it('exercised every chatd operation within the contract', () => {
  expect(env.unexercised('chatd')).toEqual([]);
  expect(env.sim.violations).toEqual([]);
});
