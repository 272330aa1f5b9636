import { resolveWebSocket } from '@pbxkit/core';
import { createKazooSimulator, type KazooSimulatorOptions } from '@pbxkit/simulator';
import { afterAll, afterEach, expect } from 'vitest';
import { createKazooClient, createKazooEvents, type KazooAuth, type KazooClientOptions, type KazooEvents, type KazooEventsOptions, type KazooSessionMethods } from '../../src/index.js';

/**
 * A Kazoo simulator serving REST and blackhole on a free port, with factories for REST clients and events
 * clients (closed after each test, when the simulator must show no socket and no contract violation).
 */
export async function startBlackhole(options: KazooSimulatorOptions = {}) {
  const sim = createKazooSimulator(options);
  const server = await sim.listen();
  const opened: KazooEvents[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((events) => events.close()));
    expect(sim.violations).toEqual([]);
    await expect.poll(() => sim.blackhole.connectionCount).toBe(0);
  });
  afterAll(() => server.close());
  const demoId = sim.fixtures.demo.accountId;
  return {
    sim,
    fixtures: sim.fixtures,
    demoId,
    websocketUrl: server.websocketUrl,
    kazoo: (auth: KazooAuth, more: KazooClientOptions = {}) => createKazooClient({ baseUrl: server.baseUrl, retry: false, auth, ...more }),
    /** An events client with fast reconnections (10-50 ms) and no keep-alive unless asked. */
    events(kazoo: KazooSessionMethods, given: Partial<KazooEventsOptions> = {}): KazooEvents {
      const events = createKazooEvents(kazoo, { url: server.websocketUrl, reconnect: { initialDelayMs: 10, maxDelayMs: 50 }, keepAlive: false, ...given });
      opened.push(events);
      return events;
    },
    /** The bindings each connected socket has subscribed, as the server sees them. */
    serverBindings: () => sim.blackhole.subscriptions().map((socket) => socket.subscriptions.map((s) => s.binding).sort()),
    /** Publishes a call event of the demo account. */
    publishCall: (name: string, callId: string) => sim.blackhole.publish({ accountId: demoId, binding: `call.${name}.${callId}`, name, data: { call_id: callId, event_name: name } }),
  };
}

export type BlackholeEnv = Awaited<ReturnType<typeof startBlackhole>>;

/** A WebSocket class (the runtime's) that counts the sockets it opens and records every frame sent. */
export async function recordingWebSocket() {
  const Base = (await resolveWebSocket(undefined)) as unknown as new (url: string) => { send(data: string): void };
  const record = { opened: 0, sent: [] as Record<string, unknown>[] };
  class Recording extends Base {
    constructor(url: string) {
      super(url);
      record.opened += 1;
    }
    override send(data: string): void {
      record.sent.push(JSON.parse(data) as Record<string, unknown>);
      super.send(data);
    }
  }
  return { WebSocket: Recording, record };
}
