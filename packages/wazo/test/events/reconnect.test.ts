/** Drops, reconnections and close() against the simulator's websocketd. */
import { describe, expect, it } from 'vitest';
import { AbortError, SocketConnectionError, type WazoEvents } from '../../src/index.js';
import { rejectionOf, until, useWebsocketd } from './harness.js';

const e2e = useWebsocketd();
const { alice } = e2e.sim.fixtures.users;
const { acme } = e2e.sim.fixtures.tenants;
const websocketd = e2e.sim.websocketd;

/** Events of the names alice listens to, each carrying a sequence number beside its documented body. */
const BODIES = {
  call_created: (seq: number) => ({ call_id: `call-${seq}`, user_uuid: alice.uuid, seq }),
  call_ended: (seq: number) => ({ call_id: `call-${seq}`, user_uuid: alice.uuid, seq }),
  chatd_presence_updated: (seq: number) => ({ uuid: alice.uuid, tenant_uuid: acme, seq }),
  users_services_dnd_updated: (seq: number) => ({ user_uuid: alice.uuid, enabled: seq % 2 === 0, seq }),
};
const NAMES = Object.keys(BODIES) as (keyof typeof BODIES)[];
/** What the client subscribes to: the names listened to, and `auth_session_expire_soon` to renew its token early. */
const SUBSCRIBED = [...NAMES, 'auth_session_expire_soon'].sort();

/** Publishes one event of each name to alice, numbered from `first`; returns the next number. */
function publishRound(first: number): number {
  NAMES.forEach((name, i) => websocketd.publish(name, BODIES[name](first + i), { userUuids: [alice.uuid] }));
  return first + NAMES.length;
}

const reconnected = (statuses: { state: string }[], times: number) => () =>
  statuses.filter((status) => status.state === 'open').length === times + 1 && websocketd.subscriptions()[0]?.started === true;

describe('drops', () => {
  it('20 drops during a stream: each reconnection subscribes to every name again; nothing lost while connected, nothing twice', async () => {
    const wazo = await e2e.logIn();
    const { events, statuses } = e2e.events(wazo);
    const received: number[] = [];
    for (const name of NAMES) events.on(name, (data) => received.push(data.seq as number));
    await events.connect();

    let published = 0;
    const sentWhileConnected: number[] = [];
    for (let drop = 1; drop <= 20; drop++) {
      const from = published;
      published = publishRound(published);
      sentWhileConnected.push(...Array.from({ length: published - from }, (_, i) => from + i));
      await until(() => received.length === sentWhileConnected.length);

      // Alternately cut without a close frame and closed as websocketd does when it loses the bus.
      websocketd.dropConnections(drop % 2 ? undefined : 1011);
      published = publishRound(published); // no socket: these are lost, as on the real stack
      await until(reconnected(statuses, drop));

      expect(websocketd.connectionCount).toBe(1);
      expect(websocketd.subscriptions()[0]!.events.sort()).toEqual(SUBSCRIBED);
    }
    published = publishRound(published);
    sentWhileConnected.push(published - 4, published - 3, published - 2, published - 1);
    await until(() => received.length === sentWhileConnected.length);

    expect(received).toEqual(sentWhileConnected);
    expect(new Set(received).size).toBe(received.length);
    expect({ published, delivered: received.length, lostWhileDisconnected: published - received.length }).toEqual({ published: 164, delivered: 84, lostWhileDisconnected: 80 });
    expect(e2e.accepted()).toBe(21);
    const drops = statuses.filter((status) => status.state === 'reconnecting').map((status) => (status.error as SocketConnectionError).closeCode);
    expect(drops).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 1011 : 1006)));
  });
});

describe('close()', () => {
  it('during a reconnection: no socket is opened after it', async () => {
    const wazo = await e2e.logIn();
    let closing: Promise<void> | undefined;
    const { events: watched } = e2e.events(wazo, {
      reconnect: { initialDelayMs: 40, maxDelayMs: 40 },
      onStatus: (status) => {
        if (status.state === 'reconnecting') closing ??= watched.close();
      },
    });
    // A witness that comes back after 100 to 200 ms, later than the closed client would have (20 to 40 ms).
    const { events: witness, statuses: witnessStatuses } = e2e.events(wazo, { reconnect: { initialDelayMs: 200, maxDelayMs: 200 } });
    await Promise.all([watched.connect(), witness.connect()]);

    websocketd.dropConnections();
    await until(() => closing !== undefined && witnessStatuses.some((status) => status.state === 'open' && witnessStatuses.indexOf(status) > 1));
    await closing;

    expect(watched.state).toBe('closed');
    expect(e2e.accepted()).toBe(3);
    expect(websocketd.connectionCount).toBe(1);
  });

  it('while the first connection is opening: connect() rejects with AbortError and nothing stays open', async () => {
    const wazo = await e2e.logIn();
    const { events } = e2e.events(wazo);
    const connecting = events.connect();
    await events.close();

    expect(await rejectionOf(connecting)).toBeInstanceOf(AbortError);
    expect(await rejectionOf(events.connect())).toBeInstanceOf(AbortError);
    expect(events.state).toBe('closed');
    await until(() => websocketd.connectionCount === 0);
  });

  it('connect() twice shares one connection: one socket per client', async () => {
    const wazo = await e2e.logIn();
    const { events } = e2e.events(wazo);
    await Promise.all([events.connect(), events.connect()]);
    await events.connect();
    expect(e2e.accepted()).toBe(1);
  });
});

describe('one socket per client', () => {
  it('many clients of one session each hold exactly one socket through a drop', async () => {
    const wazo = await e2e.logIn();
    const clients: WazoEvents[] = Array.from({ length: 5 }, () => e2e.events(wazo).events);
    const counts = clients.map(() => 0);
    clients.forEach((client, i) => client.on('call_created', () => counts[i]!++));
    await Promise.all(clients.map((client) => client.connect()));

    websocketd.dropConnections(1011);
    await until(() => websocketd.connectionCount === 5 && websocketd.subscriptions().every((s) => s.started));
    websocketd.publish('call_created', BODIES.call_created(1), { userUuids: [alice.uuid] });
    await until(() => counts.every((count) => count > 0));

    expect(counts).toEqual([1, 1, 1, 1, 1]);
    expect(e2e.accepted()).toBe(10);
  });
});
