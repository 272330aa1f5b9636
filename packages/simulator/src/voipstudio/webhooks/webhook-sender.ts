import { InvalidArgumentError, webhookEventNames, type VoipstudioWebhookEvents } from '@pbxkit/voipstudio';
import { isTransportError, sendOutgoingRequest } from '../../framework/http-delivery.js';
import { OrderedDeliveries } from '../../framework/ordered-deliveries.js';
import { formatDateTime } from '../datetime.js';
import { randomHex } from '../tokens.js';
import type { WebhookPayloadContract } from './payload-contract.js';
import { isEventName, subscriptionOf, type Subscription, type VoipstudioWebhookEventName, type VoipstudioWebhookSubscription } from './subscriptions.js';

/** One event sent to one webhook: the receiver's status, or why there was none. */
export interface VoipstudioWebhookDelivery {
  url: string;
  event: VoipstudioWebhookEventName;
  /** The payload's `id`. */
  eventId: string;
  /** The receiver's HTTP status. Any status ends the delivery: no retry policy is documented. */
  status?: number;
  /** Why no status came back: `timeout`, `econnrefused`, `socket_closed_remotely`, `nxdomain`, ... */
  error?: string;
}

/** `sim.webhooks`: VoIPstudio has no REST endpoint for webhooks, so tests set them up here. */
export interface VoipstudioWebhookControl {
  /** Subscribes a URL, to every event unless `events` names some; the function it returns unsubscribes it. */
  add(subscription: VoipstudioWebhookSubscription): () => void;
  /** Every delivery so far, in the order they finished; `reset()` empties it. */
  readonly deliveries: readonly VoipstudioWebhookDelivery[];
  /**
   * Sends an event a test makes up; `id` and `event_time` are filled in unless given, `event_name` is `name`.
   * The payload is checked against the spec like any other and returned.
   */
  emit<N extends VoipstudioWebhookEventName>(name: N, fields?: Partial<VoipstudioWebhookEvents[N]>): VoipstudioWebhookEvents[N];
  /** Resolves once no event is queued or in flight. */
  idle(): Promise<void>;
}

export interface WebhookSenderOptions {
  /** The webhooks the simulator starts with, and goes back to on `reset()`. */
  configured: readonly Subscription[];
  timeoutMs: number;
  now: () => number;
  contract: WebhookPayloadContract;
}

/**
 * Sends each event to the webhooks subscribed to it: one JSON POST per webhook, one attempt, in order per
 * webhook, never holding up the REST reply that caused it.
 */
export class WebhookSender implements VoipstudioWebhookControl {
  readonly deliveries: VoipstudioWebhookDelivery[] = [];
  readonly #options: WebhookSenderOptions;
  readonly #subscriptions = new Map<number, Subscription>();
  readonly #queues = new OrderedDeliveries();
  #nextKey = 1;
  #sequence = 0;

  constructor(options: WebhookSenderOptions) {
    this.#options = options;
    this.reset();
  }

  add(subscription: VoipstudioWebhookSubscription): () => void {
    const key = this.#subscribe(subscriptionOf(subscription));
    return () => void this.#subscriptions.delete(key);
  }

  emit<N extends VoipstudioWebhookEventName>(name: N, fields: Partial<VoipstudioWebhookEvents[N]> = {}): VoipstudioWebhookEvents[N] {
    if (!isEventName(name)) throw new InvalidArgumentError(`webhook event must be one of ${webhookEventNames.join(', ')}`);
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new InvalidArgumentError('webhook event fields must be an object');
    const { now, contract } = this.#options;
    const payload = { id: this.#eventId(), event_time: formatDateTime(now()), ...fields, event_name: name } as VoipstudioWebhookEvents[N];
    contract.check(name, payload);
    const body = JSON.stringify(payload);
    for (const [key, subscription] of this.#subscriptions) {
      if (subscription.events && !subscription.events.has(name)) continue;
      const send = () => this.#send(subscription.url, name, payload.id, body);
      this.#queues.track(this.#queues.enqueue(String(key), send, (error) => contract.failure(name, error)));
    }
    return payload;
  }

  idle(): Promise<void> {
    return this.#queues.idle();
  }

  /** Back to the configured webhooks, with no deliveries recorded. */
  reset(): void {
    this.#subscriptions.clear();
    for (const subscription of this.#options.configured) this.#subscribe(subscription);
    this.deliveries.length = 0;
  }

  #subscribe(subscription: Subscription): number {
    const key = this.#nextKey++;
    this.#subscriptions.set(key, subscription);
    return key;
  }

  async #send(url: string, event: VoipstudioWebhookEventName, eventId: string, body: string): Promise<void> {
    const result = await sendOutgoingRequest({ url, method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, this.#options.timeoutMs);
    this.deliveries.push({ url, event, eventId, ...(isTransportError(result) ? { error: result.error } : { status: result.status }) });
  }

  /** Shaped like VoIPstudio's `uk003.608920d55f7ac3.77053295`: a node, a random part and a sequence. */
  #eventId(): string {
    return `sim01.${randomHex(14)}.${String(++this.#sequence).padStart(8, '0')}`;
  }
}
