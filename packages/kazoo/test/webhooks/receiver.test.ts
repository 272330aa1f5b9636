import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { serve } from '../../../../scripts/test-support/webhook-server.js';
import {
  createKazooWebhookReceiver,
  fromGregorian,
  InvalidArgumentError,
  parseKazooWebhook,
  webhookEventNames,
  webhookFieldTypes,
  type KazooWebhookEvent,
  type KazooWebhookHook,
} from '../../src/index.js';
import spec from '../../src/generated/openapi.json' with { type: 'json' };

type Json = Record<string, any>;
const exampleOf = (hook: string): Json => (spec as Json).webhooks[hook].post.requestBody.content['application/json'].example;
const fieldKinds = (hook: KazooWebhookHook): Record<string, string> => (webhookFieldTypes as Json)[hook] ?? {};

/** The payload as Kazoo's kz_http_util:json_to_querystring sends it: key[sub]=v, key[]=v, legacy `+` for spaces. */
function kazooForm(value: unknown, prefix = ''): string[] {
  const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  if (Array.isArray(value)) return value.flatMap((item) => kazooForm(item, `${prefix}[]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => kazooForm(item, prefix ? `${prefix}[${key}]` : key));
  return [`${encode(prefix)}=${encode(String(value))}`];
}

/** What a form or query string carries: every value a string, except the fields the spec says decode. */
function asStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asStrings);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asStrings(item)]));
  return String(value);
}
const formDecoded = (hook: KazooWebhookHook, example: Json) =>
  Object.fromEntries(Object.entries(example).map(([key, value]) => [key, fieldKinds(hook)[key] ? value : asStrings(value)]));

const events: KazooWebhookEvent[] = [];
const receiver = createKazooWebhookReceiver({ onEvent: (event) => void events.push(event), maxBodyBytes: 64 * 1024 });
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => (server = await serve(receiver.node)));
afterAll(() => server.close());
afterEach(() => void (events.length = 0));

const headers = { 'x-hook-id': 'hook-7', 'x-account-id': '3e51a3b8f2a5c1d9b4e6f7a8c9d0e1f2' };

describe('createKazooWebhookReceiver over a real http server', () => {
  it.each(webhookEventNames.map((hook) => [hook]))('takes %s as a form POST, a JSON PUT and a GET query string', async (hook) => {
    const example = exampleOf(hook);
    const form = kazooForm(example).join('&');
    const answers = [
      await fetch(`${server.url}/kazoo`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: form }),
      await fetch(`${server.url}/kazoo`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(example, null, 2) }),
      await fetch(`${server.url}/kazoo?${form}`, { headers }),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200]);
    await vi.waitFor(() => expect(events).toHaveLength(3));
    const time = example.timestamp === undefined || fieldKinds(hook).timestamp !== 'gregorian' ? {} : { time: fromGregorian(example.timestamp) };
    const envelope = { hook, hookId: 'hook-7', accountId: headers['x-account-id'], ...time };
    expect(events).toEqual([
      { ...envelope, data: formDecoded(hook, example) },
      { ...envelope, data: example },
      { ...envelope, data: formDecoded(hook, example) },
    ]);
  });

  it('decodes numbers, booleans and Gregorian timestamps of a form-encoded channel_destroy', async () => {
    const body = 'hook_event=channel_destroy&call_id=c1&timestamp=63885000000&duration_seconds=42&billing_seconds=40&ringing_seconds=2&call_forwarded=false&is_internal_leg=true&hangup_cause=NORMAL_CLEARING&caller_id_name=Jane+Doe';
    expect((await fetch(`${server.url}/kazoo`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    const event = events[0]!;
    if (event.hook !== 'channel_destroy') throw new Error(`got ${event.hook}`);
    expect(event.data).toMatchObject({ timestamp: 63885000000, duration_seconds: 42, billing_seconds: 40, ringing_seconds: 2, call_forwarded: false, is_internal_leg: true, caller_id_name: 'Jane Doe' });
    expect(event.time).toEqual(new Date((63885000000 - 62167219200) * 1000));
    expect(event).not.toHaveProperty('hookId');
  });

  it('keeps a payload of no documented hook whole as unknown', async () => {
    expect((await fetch(`${server.url}/kazoo?event_name=inbound_sms&from=%2B1555&n=1`)).status).toBe(200);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toEqual({ hook: 'unknown', data: { event_name: 'inbound_sms', from: '+1555', n: '1' } });
  });

  it.each([
    ['hook_event=channel_create&timestamp=abc', /`timestamp` is not Gregorian seconds/],
    ['hook_event=channel_destroy&duration_seconds=1.5', /`duration_seconds` is not an integer/],
    ['hook_event=channel_answer&call_forwarded=yes', /`call_forwarded` is not true or false/],
    ['hook_event=channel_bridge&timestamp=99999999999999999', /`timestamp`/],
  ])('refuses %s with 400 naming the field', async (body, message) => {
    const response = await fetch(`${server.url}/kazoo`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
    expect(events).toHaveLength(0);
  });
});

describe('parseKazooWebhook', () => {
  it('reads headers from a plain object too, and refuses a payload that is not an object', () => {
    const event = parseKazooWebhook({ headers: { 'X-Hook-ID': ['h1'] }, payload: { action: 'doc_created', type: 'user', id: 'u1', account_id: 'a1' } });
    expect(event).toEqual({ hook: 'object', hookId: 'h1', data: { action: 'doc_created', type: 'user', id: 'u1', account_id: 'a1' } });
    for (const payload of [null, [1], 'x', 3]) expect(() => parseKazooWebhook({ payload })).toThrow(InvalidArgumentError);
  });

  it.each([
    [{ event_category: 'notification', event_name: 'voicemail_new' }, 'notifications'],
    [{ event_name: 'PARK_RETRIEVED', parking_slot: 1 }, 'parking'],
    [{ action: 'doc_deleted', type: 'device' }, 'object'],
    [{ hook_event: 'channel_answer' }, 'channel_answer'],
    [{ hook_event: 'CHANNEL_HOLD' }, 'unknown'],
    [{ action: 'doc_edited' }, 'unknown'],
  ])('tells the hook of %j: %s', (payload, hook) => {
    expect(parseKazooWebhook({ payload }).hook).toBe(hook);
  });
});
