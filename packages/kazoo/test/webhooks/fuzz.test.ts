import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serve } from '../../../../scripts/test-support/webhook-server.js';
import { expectAllRefused, malformedRequests, SECRET, type MalformedRequest } from '../../../../scripts/test-support/malformed-webhooks.js';
import { createKazooWebhookReceiver, type KazooWebhookEvent } from '../../src/index.js';

const maxBodyBytes = 512;
const events: KazooWebhookEvent[] = [];
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => (server = await serve(createKazooWebhookReceiver({ onEvent: (event) => void events.push(event), maxBodyBytes }).node)));
afterAll(() => server.close());

/** Typed fields that do not decode, in each encoding. */
const undecodable = fc
  .record({ field: fc.constantFrom('timestamp', 'duration_seconds', 'call_forwarded'), value: fc.constantFrom('abc', '1.5', '', 'yes', '0x10', '1e3') })
  .chain(({ field, value }) => {
    const pairs = `hook_event=channel_destroy&${field}=${value}&token=${SECRET}`;
    return fc.constantFrom<MalformedRequest>(
      { kind: 'field', method: 'GET', path: `/hook?${pairs}`, headers: {}, status: 400 },
      { kind: 'field', method: 'PUT', path: '/hook', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: pairs, status: 400 },
      { kind: 'field', method: 'POST', path: '/hook', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hook_event: 'channel_destroy', [field]: value, token: SECRET }), status: 400 },
    );
  })

describe('the Kazoo webhook receiver under 10,000 malformed requests', () => {
  it('answers each with the right 4xx, never quotes the body, never calls onEvent, and still serves a valid request', async () => {
    const requests = malformedRequests({ methods: ['GET', 'POST', 'PUT'], forms: true, maxBodyBytes }, [undecodable]);
    await expectAllRefused(server.send, requests);
    expect(events).toHaveLength(0);
    const valid = await server.send('POST', '/hook', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'hook_event=channel_create&call_id=c1' });
    expect(valid.status).toBe(200);
    await vi.waitFor(() => expect(events).toEqual([{ hook: 'channel_create', data: { hook_event: 'channel_create', call_id: 'c1' } }]));
  }, 180_000);
});
