import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@pbxkit/core';
import { isWebhookEvent, parseWebhookEvent, webhookEventNames } from '../../src/index.js';
import spec from '../../src/generated/openapi.json' with { type: 'json' };

type Json = Record<string, any>;
const webhooks = (spec as Json).webhooks as Json;
const exampleOf = (name: string) => webhooks[name].post.requestBody.content['application/json'].example;

describe('parseWebhookEvent', () => {
  it.each(webhookEventNames.map((n) => [n]))('parses the spec example of %s from text, bytes and objects', (name) => {
    const example = exampleOf(name);
    const text = JSON.stringify(example);
    for (const payload of [text, new TextEncoder().encode(text), new TextEncoder().encode(text).buffer, example]) {
      const event = parseWebhookEvent(payload);
      expect(event).toEqual(example);
      expect(isWebhookEvent(event, name)).toBe(true);
    }
  });

  it('narrows by name and refuses other names', () => {
    const event = parseWebhookEvent(exampleOf('sms.received'));
    expect(isWebhookEvent(event, 'call.hangup')).toBe(false);
  });

  it('keeps an event of an unknown name whole', () => {
    const event = parseWebhookEvent({ id: 'x1', event_name: 'queue.wrapup', event_time: '2026-11-22 10:00:00', queue_id: 7 });
    expect(event.queue_id).toBe(7);
    expect(webhookEventNames.some((n) => isWebhookEvent(event, n))).toBe(false);
  });

  it.each([
    ['{not json', /not JSON/],
    ['[1,2]', /not a JSON object/],
    ['null', /not a JSON object/],
    ['{"id":"1","event_time":"2026-11-22 10:00:00"}', /no string `event_name`/],
    [{ id: 1, event_name: 'call.hangup', event_time: 'x' }, /no string `id`/],
  ])('rejects %j with InvalidArgumentError', (payload, message) => {
    expect(() => parseWebhookEvent(payload)).toThrow(InvalidArgumentError);
    expect(() => parseWebhookEvent(payload)).toThrow(message);
  });
});
