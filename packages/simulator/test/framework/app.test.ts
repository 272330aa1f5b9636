import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/index.js';
import { createTestApp } from './test-app.js';

const { app } = createTestApp();
let server: RunningServer;
let base: string;
const auth = { 'X-Auth-Token': 'good' };

beforeAll(async () => {
  server = await listen(app);
  base = `${server.url}/v1/mini`;
});
afterAll(() => server.close());

describe('simulator app over HTTP', () => {
  it('dispatches valid requests to the handler by operationId', async () => {
    const response = await fetch(`${base}/items?limit=5`, { headers: auth });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [{ id: 1, name: 'one' }, { id: 2, name: 'two' }], total: 2 });
    const created = await fetch(`${base}/items`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"name":"three"}' });
    expect(created.status).toBe(201);
  });

  it('answers invalid requests with 400 in the platform error shape', async () => {
    const response = await fetch(`${base}/items?limit=0`, { headers: auth });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Validation error', errors: [{ field: 'query.limit', message: 'must be >= 1' }] });
    const badJson = await fetch(`${base}/items`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{' });
    expect(badJson.status).toBe(400);
  });

  it('asks authenticate for operations with security and skips it for anonymous ones', async () => {
    expect((await fetch(`${base}/items`)).status).toBe(401);
    expect((await fetch(`${base}/items`, { headers: { 'X-Auth-Token': 'bad' } })).status).toBe(401);
  });

  it('answers 404 for unknown routes and 405 with Allow for a wrong method', async () => {
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: expect.stringContaining('/nope') });
    const wrong = await fetch(`${base}/items/1`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, DELETE');
  });

  it('puts an X-Request-Id on every response', async () => {
    const ids = await Promise.all([fetch(`${base}/items`, { headers: auth }), fetch(`${base}/nope`), fetch(`${base}/items?limit=0`, { headers: auth })].map(async (p) => (await p).headers.get('x-request-id')));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it('serves binary bodies with their media type and length', async () => {
    const response = await fetch(`${base}/items/1.mp3`, { headers: auth });
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('content-length')).toBe('4');
  });

  it('answers CORS preflights and exposes X-Request-Id', async () => {
    const preflight = await fetch(`${base}/items`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-auth-token' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.split(',')).toEqual(['Content-Type', 'X-Auth-Token', 'Authorization']);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const actual = await fetch(`${base}/items`, { headers: { ...auth, Origin: 'http://localhost:5173' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('*');
    expect(actual.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('has recorded no violations so far', () => {
    expect(app.violations).toEqual([]);
  });
});

describe('contract enforcement on replies', () => {
  it('turns a reply that breaks the contract into a 500 and records it', async () => {
    const { app: broken } = createTestApp();
    const running = await listen(broken);
    try {
      const response = await fetch(`${running.url}/v1/mini/items/666`, { headers: auth });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { message: string; errors: unknown[] };
      expect(body.message).toContain('getItem');
      expect(body.errors).toEqual([{ field: 'response.body/id', message: 'must be integer' }]);
      expect(broken.violations).toEqual([
        { operationId: 'getItem', method: 'GET', path: '/v1/mini/items/666', status: 200, violations: [{ at: 'response.body/id', message: 'must be integer' }] },
      ]);
    } finally {
      await running.close();
    }
  });

  it('records handlers that throw and operations without a handler', async () => {
    const { app: partial } = createTestApp({ handlers: { getItem: () => { throw new Error('unlucky'); } } });
    expect((await partial.fetch(new Request('http://x/v1/mini/items/13', { headers: auth }))).status).toBe(500);
    expect((await partial.fetch(new Request('http://x/v1/mini/items', { headers: auth }))).status).toBe(501);
    expect(partial.violations.map((v) => [v.operationId, v.status, v.violations[0]?.message])).toEqual([
      ['getItem', 500, 'unlucky'],
      ['listItems', 501, 'no handler for listItems'],
    ]);
  });

  it('flags an undeclared status from a handler', async () => {
    const { app: odd } = createTestApp({ handlers: { deleteItem: () => ({ status: 200 }) } });
    const response = await odd.fetch(new Request('http://x/v1/mini/items/1', { method: 'DELETE', headers: auth }));
    expect(response.status).toBe(500);
    expect(odd.violations[0]?.violations[0]?.at).toBe('status');
  });
});
