import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serve } from '../../../../scripts/test-support/webhook-server.js';
import { expectAllRefused, malformedRequests, SECRET, type MalformedRequest } from '../../../../scripts/test-support/malformed-webhooks.js';
import { createVoipstudioWebhookReceiver, InvalidArgumentError, webhookEventNames, type UnknownWebhookEvent, type VoipstudioWebhookEvent } from '../../src/index.js';
import spec from '../../src/generated/openapi.json' with { type: 'json' };

type Json = Record<string, any>;
const exampleOf = (name: string) => (spec as Json).webhooks[name].post.requestBody.content['application/json'].example;

const maxBodyBytes = 2048;
const events: (VoipstudioWebhookEvent | UnknownWebhookEvent)[] = [];
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => (server = await serve(createVoipstudioWebhookReceiver({ onEvent: (event) => void events.push(event), maxBodyBytes }).node)));
afterAll(() => server.close());
const json = { 'content-type': 'application/json' };

describe('createVoipstudioWebhookReceiver over a real http server', () => {
  it('answers every documented event POSTed as JSON 200 and hands it over as sent', async () => {
    for (const name of webhookEventNames) expect((await fetch(`${server.url}/vs`, { method: 'POST', headers: json, body: JSON.stringify(exampleOf(name)) })).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(webhookEventNames.length));
    expect(events).toEqual(webhookEventNames.map(exampleOf));
    events.length = 0;
  });

  it('refuses GET (405, Allow: POST), forms (415) and JSON that is not an event (400)', async () => {
    const get = await fetch(`${server.url}/vs?id=1`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const form = await fetch(`${server.url}/vs`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'id=1' });
    expect([form.status, await form.text()]).toEqual([415, 'webhook body must be application/json (UTF-8)']);
    const notEvent = await fetch(`${server.url}/vs`, { method: 'POST', headers: json, body: '{"id":"1","event_time":"2026-01-01 00:00:00"}' });
    expect([notEvent.status, await notEvent.text()]).toEqual([400, 'webhook body has no string `event_name`']);
    expect(events).toHaveLength(0);
  });

  it('refuses invalid options with InvalidArgumentError', () => {
    expect(() => createVoipstudioWebhookReceiver({ onEvent: 'x' } as never)).toThrow(InvalidArgumentError);
  });
});

/** JSON objects that are not events: a required string field missing or of another type. */
const notEvents = fc
  .record({ drop: fc.constantFrom('id', 'event_name', 'event_time'), value: fc.constantFrom(undefined, 1, null, true, ['x']) })
  .map(({ drop, value }): MalformedRequest => {
    const event: Json = { id: SECRET, event_name: 'call.hangup', event_time: '2026-01-01 00:00:00', [drop]: value };
    return { kind: 'not-event', method: 'POST', path: '/hook', headers: json, body: JSON.stringify(event), status: 400 };
  });

describe('the VoIPstudio webhook receiver under 10,000 malformed requests', () => {
  it('answers each with the right 4xx, never quotes the body, never calls onEvent, and still serves a valid request', async () => {
    const requests = malformedRequests({ methods: ['POST'], forms: false, maxBodyBytes }, [notEvents]);
    await expectAllRefused(server.send, requests);
    expect(events).toHaveLength(0);
    expect((await server.send('POST', '/hook', { headers: json, body: JSON.stringify(exampleOf('call.missed')) })).status).toBe(200);
    await vi.waitFor(() => expect(events).toEqual([exampleOf('call.missed')]));
  }, 180_000);
});
