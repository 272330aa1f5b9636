import { http as mswHttp } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Faults, listen, mswHandlers, type RunningServer } from '../../src/index.js';
import { createTestApp } from './test-app.js';

const { app, resets } = createTestApp();
let server: RunningServer;
let base: string;
const auth = { 'X-Auth-Token': 'good' };
const get = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, headers: { ...auth, ...(init.headers as object) } });

beforeAll(async () => {
  server = await listen(app);
  base = `${server.url}/v1/mini`;
});
afterEach(() => app.faults.clear());
afterAll(() => server.close());

describe('fault injection over HTTP', () => {
  it('delays responses by the injected latency', async () => {
    app.faults.latency(120, { path: '/items' });
    const started = performance.now();
    expect((await get('/items')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers an error status for the next N requests, in the platform shape', async () => {
    app.faults.status(503, { times: 2 });
    const first = await get('/items');
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ message: expect.stringContaining('503') });
    expect(first.headers.get('x-request-id')).toBeTruthy();
    expect((await get('/items')).status).toBe(503);
    expect((await get('/items')).status).toBe(200);
    expect(app.faults.list()).toEqual([]);
  });

  it('applies a rate: 1 always fires, 0 never does', async () => {
    app.faults.status(500, { rate: 0 });
    expect((await get('/items')).status).toBe(200);
    app.faults.clear();
    app.faults.status(500, { rate: 1 });
    expect((await get('/items')).status).toBe(500);
    expect((await get('/items')).status).toBe(500);
  });

  it('answers 429 with Retry-After', async () => {
    app.faults.rateLimit(7, { times: 1 });
    const limited = await get('/items');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('limits a fault to a method and a path pattern', async () => {
    app.faults.status(500, { method: 'post', path: '/items*' });
    expect((await get('/items/1')).status).toBe(200);
    const posted = await get('/items', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"x"}' });
    expect(posted.status).toBe(500);
  });

  it('drops the connection of a real server', async () => {
    app.faults.drop({ times: 1 });
    await expect(get('/items')).rejects.toThrow(TypeError);
    expect((await get('/items')).status).toBe(200);
  });

  it('leaves CORS preflights alone', async () => {
    app.faults.status(500);
    const preflight = await fetch(`${base}/items`, { method: 'OPTIONS', headers: { Origin: 'http://a.test', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
  });

  it('rejects impossible faults', () => {
    const faults = new Faults();
    expect(() => faults.status(200)).toThrow(/status/);
    expect(() => faults.add({ type: 'drop', rate: 2 })).toThrow(/rate/);
  });
});

describe('control endpoints', () => {
  const control = (path: string, init?: RequestInit) => fetch(`${server.url}/__sim${path}`, init);

  it('reports health', async () => {
    expect(await (await control('/health')).json()).toEqual({ status: 'ok', platform: 'mini', faults: 0, violations: 0 });
  });

  it('adds, lists and clears faults', async () => {
    const added = await control('/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ type: 'status', status: 502, times: 1 }, { type: 'latency', ms: 1, path: '/items' }]),
    });
    expect(added.status).toBe(201);
    const { data } = (await added.json()) as { data: { id: number; type: string }[] };
    expect(data.map((f) => f.type)).toEqual(['status', 'latency']);
    expect(((await (await control('/faults')).json()) as { data: unknown[] }).data).toHaveLength(2);
    expect((await get('/items')).status).toBe(502);
    expect((await control(`/faults/${data[1]!.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect(app.faults.list()).toEqual([]);
  });

  it('answers 400 for an invalid fault', async () => {
    const response = await control('/faults', { method: 'POST', body: '{"type":"explode"}', headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "Invalid fault: type must be 'latency', 'status', 'rate-limit' or 'drop'" });
  });

  it('resets the platform and clears faults, also under the base path', async () => {
    app.faults.status(500);
    const before = resets();
    expect((await fetch(`${base}/__sim/reset`, { method: 'POST' })).status).toBe(204);
    expect(resets()).toBe(before + 1);
    expect(app.faults.list()).toEqual([]);
  });

  it('are not subject to faults', async () => {
    app.faults.status(500);
    expect((await control('/health')).status).toBe(200);
  });
});

describe('in-process under msw', () => {
  const { app: local } = createTestApp();
  const msw = setupServer(...mswHandlers(local, 'http://sim.test/api'), mswHttp.all('*', () => new Response('unhandled', { status: 599 })));
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => msw.close());

  it('serves the app under any base URL', async () => {
    const response = await fetch('http://sim.test/api/items/2', { headers: auth });
    expect(await response.json()).toEqual({ id: 2, name: 'two' });
    const created = await fetch('http://sim.test/api/items', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"name":"z"}' });
    expect(created.status).toBe(201);
  });

  it('turns a dropped connection into a network error', async () => {
    local.faults.drop({ times: 1 });
    await expect(fetch('http://sim.test/api/items', { headers: auth })).rejects.toThrow(TypeError);
    expect((await fetch('http://sim.test/api/items', { headers: auth })).status).toBe(200);
  });
});

describe('listen', () => {
  it('closes promptly even with a keep-alive connection open', async () => {
    const { app: other } = createTestApp();
    const running = await listen(other, { port: 0 });
    await (await fetch(`${running.url}/__sim/health`, { headers: { Connection: 'keep-alive' } })).text();
    const started = performance.now();
    await running.close();
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(fetch(`${running.url}/__sim/health`)).rejects.toThrow();
  });
});
