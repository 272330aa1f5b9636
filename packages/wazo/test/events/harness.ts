/**
 * Set-up of the events tests: the Wazo simulator over real HTTP and websocketd on a free port, a count of
 * the sockets the server accepted and of the token requests it got, and clients that are closed after
 * each test.
 */
import { createWazoSimulator, listen, type RunningServer, type WazoSimulator, type WebSocketEndpoint } from '@pbxkit/simulator';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createWazoClient, createWazoEvents, type SocketStatus, type WazoClient, type WazoClientOptions, type WazoEvents, type WazoEventsOptions } from '../../src/index.js';

export const CLIENT_ID = 'pbxkit-demo';

export interface EventsE2e {
  sim: WazoSimulator;
  baseUrl: string;
  /** Moves the simulator's clock ahead (token expiry); back to the real time before each test. */
  advanceClock(ms: number): void;
  /** Sockets websocketd accepted since the current test started. */
  accepted(): number;
  /** `POST /token` requests with a refresh token since the current test started. */
  refreshAttempts(): number;
  /** A client of the simulator logged in as the fixture user `name` (default alice). */
  logIn(name?: keyof WazoSimulator['fixtures']['users'], options?: Partial<WazoClientOptions>): Promise<WazoClient>;
  /** An events client with fast reconnections and its status log; closed after the test. */
  events(wazo: WazoClient, options?: WazoEventsOptions): { events: WazoEvents; statuses: SocketStatus[]; errors: unknown[] };
}

export { until } from '../../../../scripts/test-support/until.js';

/** websocketd as the simulator serves it, counting every socket it accepts. */
function counted(endpoint: unknown, onAccept: () => void): WebSocketEndpoint {
  const inner = endpoint as WebSocketEndpoint;
  if (typeof inner.accept !== 'function' || typeof inner.matches !== 'function') throw new Error('sim.websocketd is not a WebSocket endpoint');
  return {
    matches: (url) => inner.matches(url),
    accept(socket, request, url) {
      onAccept();
      inner.accept(socket, request, url);
    },
  };
}

export function useWebsocketd(): EventsE2e {
  let skewMs = 0;
  const sim = createWazoSimulator({ now: () => Date.now() + skewMs });
  let server: RunningServer | undefined;
  let accepted = 0;
  let refreshAttempts = 0;
  let open: WazoEvents[] = [];
  const e2e: EventsE2e = {
    sim,
    baseUrl: '',
    advanceClock: (ms) => void (skewMs += ms),
    accepted: () => accepted,
    refreshAttempts: () => refreshAttempts,
    async logIn(name = 'alice', options = {}) {
      const wazo = createWazoClient({ baseUrl: e2e.baseUrl, clientId: CLIENT_ID, retry: false, ...options });
      const { username, password } = sim.fixtures.users[name];
      await wazo.auth.logIn({ username, password });
      return wazo;
    },
    events(wazo, options = {}) {
      const statuses: SocketStatus[] = [];
      const errors: unknown[] = [];
      const events = createWazoEvents(wazo, {
        reconnect: { initialDelayMs: 1, maxDelayMs: 20 },
        onStatus: (status) => statuses.push(status),
        onError: (error) => errors.push(error),
        ...options,
      });
      open.push(events);
      return { events, statuses, errors };
    },
  };

  beforeAll(async () => {
    server = await listen(
      {
        async fetch(request: Request, env?: unknown) {
          const url = new URL(request.url);
          if (request.method === 'POST' && url.pathname === '/api/auth/0.1/token' && (await request.clone().text()).includes('refresh_token')) refreshAttempts++;
          return sim.app.fetch(request, env);
        },
      },
      { websockets: [counted(sim.websocketd, () => accepted++)] },
    );
    e2e.baseUrl = server.url;
  });
  beforeEach(() => {
    skewMs = 0;
    sim.reset();
    sim.violations.length = 0;
    accepted = 0;
    refreshAttempts = 0;
  });
  afterEach(async () => {
    await Promise.all(open.map((events) => events.close()));
    open = [];
    expect(sim.violations).toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
  });
  return e2e;
}

export { rejectionOf } from '../../../../scripts/test-support/rejection.js';
