/** Events caused by REST state changes, from the simulator's websocketd over a real socket. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WazoBusEvent, Websocketd } from '../../src/index.js';
import { until, useWebsocketd } from './harness.js';

const e2e = useWebsocketd();
const { alice, bob } = e2e.sim.fixtures.users;
const { acme } = e2e.sim.fixtures.tenants;

describe('typed events from REST changes', () => {
  it('a call alice makes through calld reaches her listener as call_created, with its bus headers', async () => {
    const wazo = await e2e.logIn();
    const { events } = e2e.events(wazo);
    const created: [Websocketd.CallEvent, WazoBusEvent<'call_created'>][] = [];
    events.on('call_created', (call, event) => created.push([call, event]));
    await events.connect();

    const { call_id } = await wazo.calld.makeCall({ body: { extension: bob.exten! } });
    await until(() => created.length > 0);

    const [call, event] = created[0]!;
    expectTypeOf(call).toEqualTypeOf<Websocketd.CallEvent>();
    expect(call).toMatchObject({ call_id, user_uuid: alice.uuid });
    expect(event).toMatchObject({ name: 'call_created', tenant_uuid: acme, origin_uuid: e2e.sim.fixtures.stackUuid, data: call });
    expect(event[`user_uuid:${alice.uuid}`]).toBe(true);
    expect(e2e.sim.websocketd.subscriptions()).toEqual([expect.objectContaining({ userUuid: alice.uuid, started: true })]);
  });

  it('a presence bob sets reaches alice (a tenant event) as chatd_presence_updated', async () => {
    const wazo = await e2e.logIn();
    const bobClient = await e2e.logIn('bob');
    const { events } = e2e.events(wazo);
    const presences: Websocketd.ChatdPresenceEvent[] = [];
    events.on('chatd_presence_updated', (presence) => presences.push(presence));
    await events.connect();

    await bobClient.chatd.updateStatus({ path: { user_uuid: bob.uuid }, body: { state: 'away', status: 'lunch' } });
    await until(() => presences.length > 0);

    expect(presences).toEqual([expect.objectContaining({ uuid: bob.uuid, state: 'away', status: 'lunch' })]);
  });

  it('a chat message bob posts reaches alice, subscribed after connect(), and a `*` listener', async () => {
    const wazo = await e2e.logIn();
    const bobClient = await e2e.logIn('bob');
    const { events } = e2e.events(wazo);
    await events.connect();
    const messages: Websocketd.ChatdMessageEvent[] = [];
    const everything: string[] = [];
    events.on('chatd_user_room_message_created', (message) => messages.push(message));
    events.on('*', (_, event) => everything.push(event.name));
    await until(() => e2e.sim.websocketd.subscriptions()[0]?.events.includes('*') === true);

    const room = await bobClient.chatd.createRoom({ body: { users: [{ uuid: bob.uuid }, { uuid: alice.uuid }] } });
    const sent = await bobClient.chatd.sendRoomMessage({ path: { room_uuid: room.uuid! }, body: { content: 'hello alice', alias: 'Bob' } });
    await until(() => messages.length > 0);

    expect(messages).toEqual([expect.objectContaining({ uuid: sent.uuid, content: 'hello alice', user_uuid: bob.uuid })]);
    expect(everything.filter((name) => name === 'chatd_user_room_message_created')).toHaveLength(1);
  });
});

describe('listeners', () => {
  it('an unknown event name is a plain string with an unknown body; off() stops a listener', async () => {
    // The tenant administrator gets every event of the tenant, whatever its name.
    const wazo = await e2e.logIn('admin');
    const { events } = e2e.events(wazo);
    const custom: unknown[] = [];
    const removed: unknown[] = [];
    events.on('my_plugin_event', (data) => {
      expectTypeOf(data).toBeUnknown();
      custom.push(data);
    });
    const off = events.on('my_plugin_event', (data) => removed.push(data));
    await events.connect();
    off();

    e2e.sim.websocketd.publish('my_plugin_event', { n: 1 }, { tenantUuid: acme });
    await until(() => custom.length > 0);

    expect(custom).toEqual([{ n: 1 }]);
    expect(removed).toEqual([]);
  });

  it('a listener that throws does not stop the others; its error goes to onError', async () => {
    const wazo = await e2e.logIn();
    const { events, errors } = e2e.events(wazo);
    const heard: string[] = [];
    events.on('users_services_dnd_updated', () => {
      throw new Error('listener bug');
    });
    events.on('users_services_dnd_updated', (data) => heard.push(String(data.enabled)));
    await events.connect();

    await wazo.confd.updateUserService({ path: { user_id: alice.uuid, service_name: 'dnd' }, body: { enabled: true } });
    await until(() => heard.length > 0);

    expect(heard).toEqual(['true']);
    expect(errors).toEqual([new Error('listener bug')]);
    expect(events.state).toBe('open');
  });
});
