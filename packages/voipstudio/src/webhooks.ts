import {
  createWebhookReceiver,
  InvalidArgumentError,
  type WebhookInput,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from '@pbxkit/core';
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

/** The receiver's decoder: the body is already JSON-parsed, so only an object goes on to `parseWebhookEvent`. */
function decodeEvent({ payload }: WebhookInput): VoipstudioWebhookEvent | UnknownWebhookEvent {
  if (typeof payload !== 'object' || payload === null) throw new InvalidArgumentError('webhook body is not a JSON object');
  return parseWebhookEvent(payload);
}

/**
 * A receiver for the JSON POSTs VoIPstudio sends to a webhook URL. Serve it with `receiver.node`,
 * `receiver.fetch` or `receiver.express()`; each event is answered 200 at once, then handed to `onEvent`.
 * Other methods get 405, other content types 415, bodies that are not events 400.
 */
export function createVoipstudioWebhookReceiver(
  options: WebhookReceiverOptions<VoipstudioWebhookEvent | UnknownWebhookEvent>,
): WebhookReceiver {
  return createWebhookReceiver(decodeEvent, { ...options, accepts: { methods: ['POST'], bodyFormats: ['json'] } });
}
