import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver, type WebhookInput } from '../../src/index.js';
import { serve } from '../../../../scripts/test-support/webhook-server.js';
import express from 'express';


const events: WebhookInput[] = [];
const receiver = createWebhookReceiver((input) => input, { onEvent: (event) => void events.push(event), maxBodyBytes: 256 });
afterEach(() => void (events.length = 0));

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };

describe('the Express middleware on a real express() app', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const app = express();
    app.all('/plain', receiver.express());
    app.post('/json', express.json(), receiver.express());
    app.post('/urlencoded', express.urlencoded({ extended: true }), receiver.express());
    app.post('/raw', express.raw({ type: () => true }), receiver.express());
    app.post('/text', express.text({ type: () => true }), receiver.express());
    server = await serve(app);
  });
  afterAll(() => server.close());

  const post = (path: string, headers: Record<string, string>, body: string) => fetch(`${server.url}${path}`, { method: 'POST', headers, body });

  it('reads the body itself when no parser ran', async () => {
    expect((await post('/plain', form, 'a[b]=1')).status).toBe(200);
    expect((await fetch(`${server.url}/plain?q=1`)).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events.map(({ format, payload }) => ({ format, payload }))).toEqual([
      { format: 'form', payload: { a: { b: '1' } } },
      { format: 'query', payload: { q: '1' } },
    ]);
  });

  it('takes what express.json(), express.urlencoded({ extended: true }), express.raw() and express.text() parsed', async () => {
    expect((await post('/json', json, '{"n":1,"o":{"k":true}}')).status).toBe(200);
    expect((await post('/urlencoded', form, 'a[b]=1&c[]=x&c[]=y')).status).toBe(200);
    expect((await post('/raw', json, '{"raw":1}')).status).toBe(200);
    expect((await post('/text', form, 'text=1')).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(4));
    expect(events.map(({ format, payload }) => ({ format, payload }))).toEqual([
      { format: 'json', payload: { n: 1, o: { k: true } } },
      { format: 'form', payload: { a: { b: '1' }, c: ['x', 'y'] } },
      { format: 'json', payload: { raw: 1 } },
      { format: 'form', payload: { text: '1' } },
    ]);
  });

  it('reads the body itself when the parser skipped it (a form to express.json())', async () => {
    expect((await post('/json', form, 'skipped=1')).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]!.payload).toEqual({ skipped: '1' });
  });

  it('checks a parsed or buffered body like a read one', async () => {
    const answers = await Promise.all([
      post('/json', json, '{"__proto__":{"x":1}}'),
      post('/raw', json, JSON.stringify({ big: 'x'.repeat(300) })),
      post('/raw', { 'content-type': 'text/csv' }, 'a,b'),
      post('/text', json, '{"broken"'),
      fetch(`${server.url}/plain`, { method: 'OPTIONS' }),
    ]);
    expect(answers.map((response) => response.status)).toEqual([400, 413, 415, 400, 405]);
    expect(events).toHaveLength(0);
  });
});
