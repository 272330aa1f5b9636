import { createKazooSimulator, type KazooSimulatorOptions } from '@pbxkit/simulator';
import { afterAll, afterEach, expect } from 'vitest';
import { createKazooClient, type KazooClientOptions } from '../../src/index.js';

/** The simulator's clock starts here; tests move it with `clock.advance`. */
export const START = Date.parse('2026-11-22T10:00:00Z');

export interface Sent {
  method: string;
  path: string;
  headers: Headers;
  body: RequestInit['body'];
}

/**
 * A Kazoo simulator on a free port with a clock the test moves (the client's clock, `Date.now`, follows it
 * through `clock.advance`), and a client factory whose requests are recorded.
 */
export async function startKazoo(options: KazooSimulatorOptions = {}) {
  let now = START;
  const sim = createKazooSimulator({ now: () => now, ...options });
  const server = await sim.listen();
  const sent: Sent[] = [];
  const realNow = Date.now;
  Date.now = () => now;
  afterEach(() => {
    expect(sim.violations).toEqual([]);
    sent.length = 0;
  });
  afterAll(async () => {
    Date.now = realNow;
    await server.close();
  });
  const record: KazooClientOptions['fetch'] = async (url, init) => {
    const parsed = new URL(url);
    sent.push({ method: init.method ?? 'GET', path: parsed.pathname.replace(/^\/v2/, '') + parsed.search, headers: new Headers(init.headers), body: init.body });
    return fetch(url, init);
  };
  return {
    sim,
    fixtures: sim.fixtures,
    baseUrl: server.baseUrl,
    sent,
    /** Requests to `path` (without query) so far. */
    count: (method: string, path: string) => sent.filter((s) => s.method === method && s.path.split('?')[0] === path).length,
    clock: { advance: (ms: number) => void (now += ms), now: () => now },
    client: (given: KazooClientOptions = {}) => createKazooClient({ baseUrl: server.baseUrl, fetch: record, retry: false, ...given }),
  };
}

export type KazooEnv = Awaited<ReturnType<typeof startKazoo>>;
