import { InvalidArgumentError } from '@pbxkit/core';
import { fromGregorian } from '../gregorian.js';
import type { KazooWebhookEvent } from './event.js';
import { decodeFields, hasGregorianTimestamp } from './fields.js';
import { hookOf } from './hook.js';

/** A decoded webhook request: its headers and its payload (the query string, form or JSON body). */
export interface KazooWebhookRequest {
  headers?: Headers | Record<string, string | string[] | undefined>;
  payload: unknown;
}

function header(headers: KazooWebhookRequest['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  const value = Array.isArray(entry?.[1]) ? entry[1][0] : entry?.[1];
  return typeof value === 'string' ? value : undefined;
}

function timeOf(timestamp: unknown): Date {
  const time = fromGregorian(timestamp as number);
  if (Number.isNaN(time.getTime())) throw new InvalidArgumentError('Kazoo webhook field `timestamp` is out of range');
  return time;
}

/**
 * Turns a decoded Kazoo webhook request into a typed event: the hook told from the payload, the spec's
 * numbers, booleans and Gregorian timestamps decoded from form strings, `X-Hook-ID` and `X-Account-ID`
 * exposed. A payload of no documented hook comes back whole as `hook: 'unknown'`. Throws
 * `InvalidArgumentError` when the payload is not an object or a typed field does not decode.
 */
export function parseKazooWebhook(request: KazooWebhookRequest): KazooWebhookEvent {
  const payload = request?.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new InvalidArgumentError('Kazoo webhook payload must be an object');
  const hookId = header(request.headers, 'x-hook-id');
  const accountId = header(request.headers, 'x-account-id');
  const envelope = { ...(hookId !== undefined && { hookId }), ...(accountId !== undefined && { accountId }) };
  const hook = hookOf(payload as Record<string, unknown>);
  if (!hook) return { hook: 'unknown', data: payload as Record<string, unknown>, ...envelope };
  const data = decodeFields(hook, payload as Record<string, unknown>);
  const time = hasGregorianTimestamp(hook) && data.timestamp !== undefined ? { time: timeOf(data.timestamp) } : {};
  return { hook, data, ...envelope, ...time } as KazooWebhookEvent;
}
