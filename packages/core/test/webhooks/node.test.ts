import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver, InvalidArgumentError, WebhookRequestError, type WebhookInput } from '../../src/index.js';
import { serve } from '../../../../scripts/test-support/webhook-server.js';

/** The receiver under test hands back what it decoded, so the tests see the core's work. */
const events: WebhookInput[] = [];
const failures: unknown[] = [];
let onEvent: (event: WebhookInput) => unknown = (event) => events.push(event);
const receiver = createWebhookReceiver((input) => input, {
  onEvent: (event) => onEvent(event),
  onError: (error) => failures.push(error),
  maxBodyBytes: 1024,
});
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => (server = await serve(receiver.node)));
afterAll(() => server.close());
afterEach(() => {
  events.length = 0;
  failures.length = 0;
  onEvent = (event) => events.push(event);
});

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };

describe('the Node adapter over a real http server (global fetch)', () => {
  it('answers a form POST 200 with an empty body, then hands over the decoded event', async () => {
    const response = await fetch(`${server.url}/hook`, { method: 'POST', headers: { ...form, 'x-hook-id': 'h1' }, body: 'a[b]=1+2&c[]=x' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({ method: 'POST', format: 'form', payload: { a: { b: '1 2' }, c: ['x'] } });
    expect(events[0]!.headers.get('x-hook-id')).toBe('h1');
  });

  it('decodes a GET query string, a PUT JSON body and +json / charset variants', async () => {
    expect((await fetch(`${server.url}/hook?x[y]=1&z=%C3%A9`)).status).toBe(200);
    expect((await fetch(`${server.url}/hook`, { method: 'PUT', headers: json, body: '{\n  "n": 1\n}' })).status).toBe(200);
    const vendorJson = { 'content-type': 'application/vnd.kazoo+json; charset=UTF-8' };
    expect((await fetch(`${server.url}/hook`, { method: 'POST', headers: vendorJson, body: '[1]' })).status).toBe(200);
    const latinForm = { 'content-type': 'application/x-www-form-urlencoded; charset="utf-8"' };
    expect((await fetch(`${server.url}/hook`, { method: 'POST', headers: latinForm, body: 'k=v' })).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(4));
    expect(events.map(({ format, payload }) => ({ format, payload }))).toEqual([
      { format: 'query', payload: { x: { y: '1' }, z: 'é' } },
      { format: 'json', payload: { n: 1 } },
      { format: 'json', payload: [1] },
      { format: 'form', payload: { k: 'v' } },
    ]);
  });

  it.each([
    ['a DELETE', 'DELETE', {}, undefined, 405, /method DELETE is not allowed; use GET, POST, PUT/],
    ['a PATCH', 'PATCH', json, '{}', 405, /not allowed/],
    ['a text/plain body', 'POST', { 'content-type': 'text/plain' }, 'secret-value', 415, /must be application\/x-www-form-urlencoded or application\/json/],
    ['a latin1 charset', 'POST', { 'content-type': 'application/json; charset=latin1' }, '{}', 415, /UTF-8/],
    ['a body without Content-Type', 'POST', {}, 'secret-value', 415, /no Content-Type/],
    ['an empty JSON POST', 'POST', json, undefined, 400, /body is empty/],
    ['an empty form PUT', 'PUT', form, undefined, 400, /body is empty/],
    ['a GET without query', 'GET', {}, undefined, 400, /query string is empty/],
    ['broken JSON', 'POST', json, '{"token":"secret-value"', 400, /not valid JSON/],
    ['a JSON __proto__ key', 'POST', json, '{"__proto__":{"secret-value":1}}', 400, /reserved key/],
    ['broken percent-encoding', 'POST', form, 'token=secret-value%zz', 400, /percent-encoding/],
    ['a body over the limit', 'POST', json, `"${'secret-value'.repeat(100)}"`, 413, /larger than 1024 bytes/],
  ] as const)('%s gets %i with a text/plain reason that never quotes the body', async (_label, method, headers, body, status, reason) => {
    const reply = await server.send(method, '/hook', { headers, body });
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.body).toMatch(reason);
    expect(reply.body).not.toContain('secret-value');
    if (status === 405) expect(reply.headers.allow).toBe('GET, POST, PUT');
    expect(events).toHaveLength(0);
  });

  it('refuses a chunked body that crosses the limit with 413, and keeps serving', async () => {
    const reply = await server.send('POST', '/hook', { headers: json, body: `"${'x'.repeat(3000)}"`, chunked: true });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/larger than 1024 bytes/);
    expect((await server.send('POST', '/hook', { headers: json, body: '{}', chunked: true })).status).toBe(200);
  });

  it('refuses invalid UTF-8 with 400', async () => {
    const reply = await server.send('POST', '/hook', { headers: form, body: new Uint8Array([0x61, 0x3d, 0xff, 0xfe]) });
    expect(reply).toMatchObject({ status: 400, body: 'webhook body is not valid UTF-8' });
  });

  it('answers before onEvent finishes, and a throwing or rejecting onEvent goes to onError, not to the server', async () => {
    let release!: () => void;
    const pending = new Promise<void>((resolve) => (release = resolve));
    onEvent = async () => {
      await pending;
      throw new Error('handler broke');
    };
    expect((await fetch(`${server.url}/hook?a=1`)).status).toBe(200);
    expect(failures).toHaveLength(0);
    release();
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect((failures[0] as Error).message).toBe('handler broke');

    onEvent = () => {
      throw new Error('sync break');
    };
    expect((await fetch(`${server.url}/hook?a=1`)).status).toBe(200);
    await vi.waitFor(() => expect(failures).toHaveLength(2));
  });
});

describe('createWebhookReceiver options', () => {
  it.each([
    [undefined, /must be an object/],
    [{}, /`onEvent` must be a function/],
    [{ onEvent: () => {}, onError: 'log' }, /`onError` must be a function/],
    [{ onEvent: () => {}, maxBodyBytes: 0 }, /`maxBodyBytes` must be a positive integer/],
    [{ onEvent: () => {}, maxBodyBytes: 1.5 }, /`maxBodyBytes`/],
    [{ onEvent: () => {}, maxBodyBytes: '1mb' }, /`maxBodyBytes`/],
  ])('refuses %j with InvalidArgumentError', (options, message) => {
    expect(() => createWebhookReceiver((input) => input, options as never)).toThrow(InvalidArgumentError);
    expect(() => createWebhookReceiver((input) => input, options as never)).toThrow(message);
  });

  it('logs only the message of an onEvent failure by default, and survives a failing onError', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const quiet = createWebhookReceiver((input) => input, {
        onEvent: () => Promise.reject(Object.assign(new Error('boom'), { password: 'hunter2' })),
      });
      expect((await quiet.fetch(new Request('http://x/h?a=1'))).status).toBe(200);
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith('webhook event handler failed: boom'));

      const failingOnError = createWebhookReceiver((input) => input, {
        onEvent: () => Promise.reject(new Error('first')),
        onError: () => Promise.reject(new Error('second')),
      });
      expect((await failingOnError.fetch(new Request('http://x/h?a=1'))).status).toBe(200);
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith('webhook event handler failed: second'));
      expect(JSON.stringify(logged.mock.calls)).not.toContain('hunter2');
    } finally {
      logged.mockRestore();
    }
  });

  it('maps a decoder InvalidArgumentError or WebhookRequestError to its 4xx, and an unexpected failure to 500 via onError', async () => {
    const seen: unknown[] = [];
    const decoders = [
      () => {
        throw new InvalidArgumentError('field `n` is not a number');
      },
      () => {
        throw new WebhookRequestError(400, 'not an event');
      },
      () => {
        throw new TypeError('bug');
      },
    ];
    const answers = [];
    for (const decode of decoders) {
      const receiver = createWebhookReceiver(decode, { onEvent: () => {}, onError: (error) => seen.push(error) });
      const response = await receiver.fetch(new Request('http://x/h?a=1'));
      answers.push([response.status, await response.text()]);
    }
    expect(answers).toEqual([
      [400, 'field `n` is not a number'],
      [400, 'not an event'],
      [500, 'webhook receiver failed to decode the request'],
    ]);
    expect(seen).toEqual([new TypeError('bug')]);
  });
});
