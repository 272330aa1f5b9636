import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ConnectionError,
  createTransport,
  InternalServerError,
  RateLimitError,
  type OperationSpec,
  type TransportOptions,
} from '../src/index.js';
import { defaultRetry, parseRetryAfter, retryDelay } from '../src/retry.js';
import { json, startServer } from './server.js';

const server = await startServer();

/** A transport whose retry waits are recorded instead of slept. */
function recording(options: Partial<TransportOptions> = {}) {
  const delays: number[] = [];
  const transport = createTransport({
    baseUrl: server.url,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  return { transport, delays };
}

/** Answers the first `failures` requests with `fail`, then 200. */
function failing(failures: number, fail: (res: ServerResponse) => void) {
  let count = 0;
  server.handle = (_req, res) => (count++ < failures ? fail(res) : json(res, 200, { ok: true }));
}

const get: OperationSpec = { method: 'GET', path: '/calls' };
const post: OperationSpec = { method: 'POST', path: '/calls' };

describe('which calls are retried', () => {
  it('never retries a POST, whatever the status', async () => {
    const { transport, delays } = recording();
    for (const status of [503, 429, 502]) {
      server.seen = [];
      failing(1, (res) => json(res, status, {}));
      await expect(transport.call(post, { body: { to: '100' } }, 'data')).rejects.toBeInstanceOf(Error);
      expect(server.seen).toHaveLength(1);
    }
    expect(delays).toEqual([]);
  });

  it('never retries an unmarked PUT or PATCH (Kazoo creates resources with PUT)', async () => {
    const { transport, delays } = recording();
    for (const method of ['PUT', 'PATCH'] as const) {
      server.seen = [];
      failing(1, (res) => json(res, 503, {}));
      await expect(transport.call({ method, path: '/queues/{id}' }, { path: { id: 1 }, body: {} }, 'data')).rejects.toBeInstanceOf(InternalServerError);
      expect(server.seen).toHaveLength(1);
    }
    expect(delays).toEqual([]);
  });

  it('does not retry a POST after a connection reset either', async () => {
    const { transport } = recording();
    server.handle = (_req, res) => res.socket!.destroy();
    await expect(transport.call(post, {}, 'data')).rejects.toBeInstanceOf(ConnectionError);
    expect(server.seen).toHaveLength(1);
  });

  it.each([503, 429, 502, 504, 408])('retries a GET on %i', async (status) => {
    const { transport, delays } = recording();
    failing(2, (res) => json(res, status, { message: 'busy' }));
    await expect(transport.call(get, {}, 'data')).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('does not retry a GET on 500 or 404', async () => {
    const { transport } = recording();
    for (const status of [500, 404]) {
      server.seen = [];
      failing(1, (res) => json(res, status, {}));
      await expect(transport.call(get, {}, 'data')).rejects.toMatchObject({ status });
      expect(server.seen).toHaveLength(1);
    }
  });

  it('retries a GET after a connection reset', async () => {
    const { transport } = recording();
    failing(1, (res) => res.socket!.destroy());
    await expect(transport.call(get, {}, 'data')).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const { transport, delays } = recording();
    failing(10, (res) => json(res, 503, { message: 'down' }));
    await expect(transport.call(get, {}, 'data')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.seen).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('retries DELETE, and PATCH or PUT marked idempotent', async () => {
    const { transport } = recording();
    for (const spec of [
      { method: 'PATCH', path: '/queues/{id}', idempotent: true },
      { method: 'PUT', path: '/queues/{id}', idempotent: true },
      { method: 'DELETE', path: '/queues/{id}' },
    ] satisfies OperationSpec[]) {
      server.seen = [];
      failing(1, (res) => json(res, 503, {}));
      await expect(transport.call(spec, { path: { id: 1 }, body: { name: 'Q' } }, 'data')).resolves.toEqual({ ok: true });
      expect(server.seen.map((s) => s.method)).toEqual([spec.method, spec.method]);
    }
  });

  it('sends the same body on every attempt', async () => {
    const { transport } = recording();
    failing(2, (res) => json(res, 503, {}));
    const spec: OperationSpec = { method: 'PUT', path: '/queues/{id}', idempotent: true };
    await transport.call(spec, { path: { id: 1 }, body: { name: 'Sales', agents: [1, 2] } }, 'data');
    expect(server.seen.map((s) => s.body)).toEqual(Array(3).fill('{"name":"Sales","agents":[1,2]}'));
  });

  it('can be turned off per call with `retry: false`', async () => {
    const { transport, delays } = recording();
    failing(1, (res) => json(res, 503, {}));
    await expect(transport.call(get, { retry: false }, 'data')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('can be turned off for the client, and configured per client and per call', async () => {
    const off = recording({ retry: false });
    failing(1, (res) => json(res, 503, {}));
    await expect(off.transport.call(get, {}, 'data')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.seen).toHaveLength(1);

    server.seen = [];
    const one = recording({ retry: { maxRetries: 1 } });
    failing(10, (res) => json(res, 503, {}));
    await expect(one.transport.call(get, {}, 'data')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.seen).toHaveLength(2);

    server.seen = [];
    failing(10, (res) => json(res, 503, {}));
    await expect(one.transport.call(get, { retry: { maxRetries: 3 } }, 'data')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.seen).toHaveLength(4);

    server.seen = [];
    failing(1, (res) => json(res, 500, {}));
    await expect(one.transport.call(get, { retry: { statuses: [500] } }, 'data')).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
  });
});

describe('how long it waits', () => {
  it('backs off exponentially with jitter when the server says nothing', async () => {
    const { transport, delays } = recording({ retry: { maxRetries: 3 } });
    failing(3, (res) => json(res, 503, {}));
    await transport.call(get, {}, 'data');
    expect(delays).toHaveLength(3);
    delays.forEach((delay, n) => {
      const full = 500 * 2 ** n;
      expect(delay).toBeGreaterThanOrEqual(full * 0.75);
      expect(delay).toBeLessThanOrEqual(full);
    });
  });

  it('honours Retry-After in seconds', async () => {
    const { transport, delays } = recording();
    failing(1, (res) => json(res, 429, {}, { 'retry-after': '3' }));
    await transport.call(get, {}, 'data');
    expect(delays).toEqual([3000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { transport, delays } = recording();
    failing(1, (res) => json(res, 503, {}, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }));
    await transport.call(get, {}, 'data');
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(27_000);
    expect(delays[0]).toBeLessThanOrEqual(30_000);
  });

  it('fails at once when Retry-After exceeds the cap', async () => {
    const { transport, delays } = recording();
    failing(1, (res) => json(res, 429, { message: 'quota' }, { 'retry-after': '120' }));
    const error = await transport.call(get, {}, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(server.seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('takes the cap from the options', async () => {
    const { transport, delays } = recording({ retry: { retryAfterCapMs: 2000 } });
    failing(1, (res) => json(res, 429, {}, { 'retry-after': '3' }));
    await expect(transport.call(get, {}, 'data')).rejects.toBeInstanceOf(RateLimitError);
    failing(1, (res) => json(res, 429, {}, { 'retry-after': '3' }));
    await expect(transport.call(get, { retry: { retryAfterCapMs: 5000 } }, 'data')).resolves.toEqual({ ok: true });
    expect(delays).toEqual([3000]);
  });

  it('stops waiting when the call is aborted', async () => {
    const transport = createTransport({ baseUrl: server.url });
    const controller = new AbortController();
    server.handle = (_req, res) => {
      json(res, 503, {}, { 'retry-after': '30' });
      setTimeout(() => controller.abort(), 20);
    };
    const error = await transport.call(get, { signal: controller.signal }, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(server.seen).toHaveLength(1);
  });
});

describe('retry timing helpers', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it('parses Retry-After', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:12 GMT', now)).toBe(12_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('caps the backoff at maxDelayMs', () => {
    const delay = retryDelay(10, undefined, defaultRetry);
    expect(delay).toBeGreaterThanOrEqual(8000 * 0.75);
    expect(delay).toBeLessThanOrEqual(8000);
  });
});
