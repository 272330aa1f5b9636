/**
 * Shared set-up of the end-to-end tests: a Wazo simulator served over real HTTP on a free port, a log of
 * every request that reached it, and clients pointed at it.
 */
import { createWazoSimulator, listen, type RunningServer, type WazoSimulator, type WazoSimulatorOptions } from '@pbxkit/simulator';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createWazoClient, type WazoClient, type WazoClientOptions } from '../../src/index.js';

/** A request as the simulator received it; `path` is the full path, e.g. `/api/auth/0.1/token`. */
export interface SeenRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: string;
}

export interface E2e {
  sim: WazoSimulator;
  /** `http://127.0.0.1:<port>`: the stack's host root. */
  baseUrl: string;
  /** Requests since the current test started. */
  requests: SeenRequest[];
  count(method: string, path: string): number;
  /** Token refreshes (`POST /token` with a refresh token) in the current test. */
  refreshes(): number;
  /** A client of the simulator with the demo client id and no retries unless overridden. */
  client(options?: Partial<WazoClientOptions>): WazoClient;
}

export const CLIENT_ID = 'pbxkit-demo';
export const TOKEN = '/api/auth/0.1/token';

/**
 * Creates the simulator (so that its fixtures can be read at once) and registers the hooks of one test
 * file: it listens before the first test and stops after the last; before each test it is reseeded and the request log cleared; after each test it must not have
 * answered outside the contract.
 */
export function useSimulator(options: WazoSimulatorOptions = {}): E2e {
  let server: RunningServer | undefined;
  const requests: SeenRequest[] = [];
  const sim = createWazoSimulator(options);
  const e2e = {
    sim,
    requests,
    count: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path).length,
    refreshes: () => requests.filter((r) => r.method === 'POST' && r.path === TOKEN && JSON.parse(r.body).refresh_token).length,
    client: (overrides: Partial<WazoClientOptions> = {}) => createWazoClient({ baseUrl: e2e.baseUrl, clientId: CLIENT_ID, retry: false, ...overrides }),
  } as E2e;

  beforeAll(async () => {
    server = await listen({
      async fetch(request: Request, env?: unknown) {
        const url = new URL(request.url);
        const body = await request.clone().text();
        requests.push({ method: request.method, path: url.pathname, search: url.search, headers: new Headers(request.headers), body });
        return sim.app.fetch(request, env);
      },
    });
    e2e.baseUrl = server.url;
  });
  beforeEach(() => {
    sim.reset();
    sim.violations.length = 0;
    requests.length = 0;
  });
  afterEach(() => {
    expect(e2e.sim.violations).toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
  });
  return e2e;
}

export { rejectionOf } from '../../../../scripts/test-support/rejection.js';
