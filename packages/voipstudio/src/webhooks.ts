import { InvalidArgumentError } from '@pbxkit/core';
import { webhookEventNames, type VoipstudioWebhookEvents } from './generated/events.js';

export type WebhookEventName = keyof VoipstudioWebhookEvents;
/** One of the events the spec documents, discriminated by `event_name`. */
export type VoipstudioWebhookEvent = VoipstudioWebhookEvents[WebhookEventName];
/** An event whose name the spec does not know (yet): kept whole rather than dropped. */
export interface UnknownWebhookEvent {
  id: string;
  event_name: string;
  event_time: string;
  [field: string]: unknown;
}

const known = new Set<string>(webhookEventNames);

/**
 * Reads the JSON body VoIPstudio POSTs to a webhook URL (as text, bytes or already parsed). Throws
 * `InvalidArgumentError` when it is not an event object; an event of an unknown name comes back as is.
 */
export function parseWebhookEvent(
  payload: string | Uint8Array | ArrayBuffer | object,
): VoipstudioWebhookEvent | UnknownWebhookEvent {
  let event: unknown = payload;
  if (typeof payload === 'string' || payload instanceof Uint8Array || payload instanceof ArrayBuffer) {
    const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
    try {
      event = JSON.parse(text);
    } catch {
      throw new InvalidArgumentError('webhook body is not JSON');
    }
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new InvalidArgumentError('webhook body is not a JSON object');
  }
  for (const field of ['id', 'event_name', 'event_time'] as const) {
    if (typeof (event as Record<string, unknown>)[field] !== 'string') {
      throw new InvalidArgumentError(`webhook body has no string \`${field}\``);
    }
  }
  return event as VoipstudioWebhookEvent | UnknownWebhookEvent;
}

/** Narrows a parsed event to one documented event: `if (isWebhookEvent(e, 'call.hangup')) e.duration`. */
export function isWebhookEvent<N extends WebhookEventName>(
  event: VoipstudioWebhookEvent | UnknownWebhookEvent,
  name: N,
): event is VoipstudioWebhookEvents[N] {
  return known.has(name) && event.event_name === name;
}
