import { describe, expect, it } from 'vitest';
import type { SocketStatus } from '../../src/index.js';
import { recordingWebSocket, startBlackhole } from './harness.js';

const env = await startBlackhole();
const kazoo = env.kazoo({ apiKey: env.fixtures.demo.apiKey });
const BINDINGS = ['call.CHANNEL_CREATE.*', 'call.CHANNEL_DESTROY.*', 'object.doc_edited.user'] as const;

describe('reconnection', () => {
  it('survives 20 drops during a stream: resubscribes every binding each time, loses nothing published while subscribed, delivers nothing twice', async () => {
    const events = env.events(kazoo);
    const statuses: SocketStatus[] = [];
    events.onStatus((status) => statuses.push(status));
    await events.connect();
    const received: number[] = [];
    await events.subscribe([...BINDINGS, 'call.CHANNEL_ANSWER.*'], (event) => {
      if (event.family === 'call.CHANNEL_CREATE') received.push(Number(event.data.call_id));
    });
    await events.unsubscribe('call.CHANNEL_ANSWER.*');
    const opens = () => statuses.filter((status) => status.state === 'open').length;

    let published = 0;
    const whileSubscribed: number[] = [];
    const whileDown: number[] = [];
    const publish = (into: number[]) => {
      env.publishCall('CHANNEL_CREATE', String(++published));
      into.push(published);
    };
    for (let drop = 1; drop <= 20; drop++) {
      for (let i = 0; i < 25; i++) publish(whileSubscribed);
      await expect.poll(() => received.at(-1)).toBe(published);
      env.sim.blackhole.dropConnections();
      // Published while the socket is being cut and the client reconnects: blackhole keeps nothing for later.
      for (let i = 0; i < 5; i++) publish(whileDown);
      await expect.poll(opens).toBe(drop + 1);
      expect(env.serverBindings()).toEqual([[...BINDINGS].sort()]);
    }
    for (let i = 0; i < 25; i++) publish(whileSubscribed);
    await expect.poll(() => received.at(-1)).toBe(published);

    expect(statuses.filter((status) => status.state === 'reconnecting')).toHaveLength(20);
    expect(events.bindings).toEqual(BINDINGS);
    // In order and never twice; every event published while subscribed arrived.
    expect(received).toEqual([...new Set(received)].sort((a, b) => a - b));
    expect(received.filter((n) => whileSubscribed.includes(n))).toEqual(whileSubscribed);
    expect(received.length).toBe(whileSubscribed.length + received.filter((n) => whileDown.includes(n)).length);
    expect([published, whileSubscribed.length]).toEqual([625, 525]);
  });

  it('subscribes on the next connection when the connection drops while a subscribe waits for its reply', async () => {
    const events = env.events(kazoo, { requestTimeoutMs: 5_000 });
    let opens = 0;
    events.onStatus((status) => void (status.state === 'open' && opens++));
    await events.connect();
    const pending = events.subscribe('call.CHANNEL_HOLD.*');
    env.sim.blackhole.dropConnections();
    await expect(pending).resolves.toMatchObject({ bindings: ['call.CHANNEL_HOLD.*'] });
    await expect.poll(() => opens).toBe(2);
    expect(env.serverBindings()).toEqual([['call.CHANNEL_HOLD.*']]);
  });

  it('pings after silence (with the token until the socket is authenticated) and keeps the connection', async () => {
    const { WebSocket, record } = await recordingWebSocket();
    const events = env.events(kazoo, { WebSocket, keepAlive: { intervalMs: 20, timeoutMs: 5_000 } });
    await events.connect();
    const pings = () => record.sent.filter((frame) => frame.action === 'ping');
    await expect.poll(() => pings().length).toBeGreaterThan(0);
    expect(pings()[0]).toEqual({ action: 'ping', request_id: 'keep-alive', auth_token: kazoo.session!.token });
    await events.subscribe('call.CHANNEL_CREATE.*');
    const before = pings().length;
    await expect.poll(() => pings().length).toBeGreaterThan(before);
    expect(pings().at(-1)).toEqual({ action: 'ping', request_id: 'keep-alive' });
    expect(record.opened).toBe(1);
    expect(events.state).toBe('open');
  });
});
