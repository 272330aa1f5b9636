import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver, type WebhookInput } from '../../src/index.js';
import { serve } from '../../../../scripts/test-support/webhook-server.js';

const events: WebhookInput[] = [];
const receiver = createWebhookReceiver((input) => input, { onEvent: (event) => void events.push(event), maxBodyBytes: 64 });
afterEach(() => void (events.length = 0));

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the fetch adapter called with a Request', () => {
  it('answers 200 with no body and delivers the event, kept alive through waitUntil', async () => {
    const kept: Promise<unknown>[] = [];
    const response = await receiver.fetch(new Request('http://hooks.test/k', { method: 'POST', headers: form, body: 'a[]=1&a[]=2' }), {
      waitUntil: (promise) => void kept.push(promise),
    });
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
    expect(kept).toHaveLength(1);
    await kept[0];
    expect(events.map((event) => event.payload)).toEqual([{ a: ['1', '2'] }]);
  });

  it('refuses a streamed body that crosses the limit with 413 and cancels the stream', async () => {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => void (pulled++ < 100 ? controller.enqueue(new Uint8Array(32)) : controller.close()),
      cancel: () => void (cancelled = true),
    });
    const request = new Request('http://hooks.test/k', { method: 'POST', headers: form, body, duplex: 'half' } as RequestInit);
    const response = await receiver.fetch(request);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('webhook body is larger than 64 bytes');
    await vi.waitFor(() => expect(cancelled).toBe(true));
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a HEAD with 405 and Allow', async () => {
    const response = await receiver.fetch(new Request('http://hooks.test/k', { method: 'HEAD' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, PUT');
  });
});

describe('the fetch adapter behind Hono on @hono/node-server', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const app = new Hono().all('/kazoo', (c) => receiver.fetch(c.req.raw));
    server = await serve(getRequestListener(app.fetch, { overrideGlobalObjects: false }));
  });
  afterAll(() => server.close());

  it('answers a GET query string 200 and delivers it', async () => {
    expect((await fetch(`${server.url}/kazoo?call_id=c1&custom_channel_vars[k]=v`)).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]!.payload).toEqual({ call_id: 'c1', custom_channel_vars: { k: 'v' } });
  });

  it('answers bad input with its 4xx and keeps serving', async () => {
    const answers = await Promise.all([
      fetch(`${server.url}/kazoo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' }),
      fetch(`${server.url}/kazoo`, { method: 'POST', headers: form, body: 'x'.repeat(65) }),
      fetch(`${server.url}/kazoo`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' }),
      fetch(`${server.url}/kazoo`, { method: 'DELETE' }),
    ]);
    expect(answers.map((response) => response.status)).toEqual([400, 413, 415, 405]);
    expect((await fetch(`${server.url}/kazoo`, { method: 'PUT', headers: form, body: 'ok=1' })).status).toBe(200);
  });
});
