/**
 * Shared set-up of the end-to-end tests: a VoIPstudio simulator served over real HTTP on a free port,
 * a log of every request that reached it (faulted ones included), and clients pointed at it.
 */
import {
  createVoipstudioSimulator,
  listen,
  type RunningServer,
  type VoipstudioSimulator,
  type VoipstudioSimulatorOptions,
} from '@pbxkit/simulator';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createVoipstudioClient, type VoipstudioClient, type VoipstudioClientOptions } from '../../src/index.js';

/** A request as the simulator received it; `path` is relative to the base path, e.g. `/login`. */
export interface SeenRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  /** Whether the simulator has finished answering it (a dropped connection counts as answered). */
  answered: boolean;
}

export interface E2e {
  sim: VoipstudioSimulator;
  /** `http://127.0.0.1:<port>/v1.2/voipstudio` */
  baseUrl: string;
  /** Requests since the current test started. */
  requests: SeenRequest[];
  /** How many requests of this method reached this path (relative to the base path) in the current test. */
  count(method: string, path: string): number;
  /** A client of the simulator: demo email/password login and millisecond retry delays unless overridden. */
  client(options?: VoipstudioClientOptions): VoipstudioClient;
}

export const DEMO = { email: 'demo@example.com', password: 'demo-password' } as const;
export const TWO_FACTOR = { email: '2fa@example.com', password: 'demo-password', code: '123456' } as const;
export const DEMO_API_TOKEN = 'demo-api-token';
export const DEMO_USER_ID = 1001;
/** Fast retries so that retry tests do not wait. */
export const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 } as const;

/**
 * Registers the hooks of one test file: the simulator starts before the first test and stops after the
 * last; before each test the request log and the faults are cleared; after each test the simulator must
 * not have answered outside the contract. The returned object is filled in by `beforeAll`.
 */
export function useSimulator(options: VoipstudioSimulatorOptions = {}): E2e {
  let server: RunningServer | undefined;
  const requests: SeenRequest[] = [];
  const e2e = {
    requests,
    count: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path).length,
    client: (overrides: VoipstudioClientOptions = {}) =>
      createVoipstudioClient({ baseUrl: e2e.baseUrl, auth: { ...DEMO }, retry: FAST_RETRY, ...overrides }),
  } as E2e;

  beforeAll(async () => {
    const sim = createVoipstudioSimulator(options);
    // sim.listen() keeps no request log, so its app is served behind a recorder that sees every
    // request before faults apply (a dropped or delayed request is logged too).
    server = await listen({
      async fetch(request: Request, env?: unknown) {
        const url = new URL(request.url);
        const path = url.pathname.startsWith(sim.basePath) ? url.pathname.slice(sim.basePath.length) : url.pathname;
        const seen = { method: request.method, path, search: url.search, headers: new Headers(request.headers), answered: false };
        requests.push(seen);
        try {
          return await sim.app.fetch(request, env);
        } finally {
          seen.answered = true;
        }
      },
    });
    Object.assign(e2e, { sim, baseUrl: sim.baseUrlFor(server.url) });
  });
  beforeEach(() => {
    requests.length = 0;
    e2e.sim.faults.clear();
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

/** Every item of an async iterator, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
