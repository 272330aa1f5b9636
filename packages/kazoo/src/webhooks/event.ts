import type { KazooWebhookEvents } from '../generated/events.js';

/** The hooks the spec documents (the webhook document's `hook`). */
export type KazooWebhookHook = keyof KazooWebhookEvents;

/** What every event carries besides its payload. */
interface KazooWebhookEnvelope {
  /** The webhook document's id (`X-Hook-ID`). */
  hookId?: string;
  /** The account that owns the webhook (`X-Account-ID`). */
  accountId?: string;
  /** The payload's Gregorian `timestamp` as a `Date`, when it has one. */
  time?: Date;
}

/** An event of a documented hook, its payload decoded to the spec's types. Discriminated by `hook`. */
export type KazooKnownWebhookEvent = {
  [H in KazooWebhookHook]: KazooWebhookEnvelope & { hook: H; data: KazooWebhookEvents[H] };
}[KazooWebhookHook];

/** An event the receiver cannot place (an `sms` hook, say): its payload is kept whole, undecoded. */
export interface KazooUnknownWebhookEvent extends KazooWebhookEnvelope {
  hook: 'unknown';
  data: Record<string, unknown>;
}

export type KazooWebhookEvent = KazooKnownWebhookEvent | KazooUnknownWebhookEvent;
