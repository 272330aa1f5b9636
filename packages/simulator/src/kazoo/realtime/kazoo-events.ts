import type { WebhookDelivery, WebhookEvent } from '../webhook-delivery/delivery.js';
import type { BlackholeControl, BlackholePublication } from './blackhole.js';

/** One state change as blackhole shows it and as webhooks carry it (some show on only one of them). */
export interface SimEvent {
  publication?: BlackholePublication;
  webhook?: WebhookEvent;
}

/**
 * Where handlers report state changes. Events go out on the next turn of the event loop, after the REST
 * reply is computed, in the order given: to blackhole subscribers and to the matching webhooks.
 */
export class KazooEvents {
  readonly #blackhole: BlackholeControl;
  readonly #webhooks: WebhookDelivery;

  constructor(blackhole: BlackholeControl, webhooks: WebhookDelivery) {
    this.#blackhole = blackhole;
    this.#webhooks = webhooks;
  }

  emit(events: readonly SimEvent[]): void {
    if (events.length === 0) return;
    const delivered = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      for (const { publication } of events) if (publication) this.#blackhole.publish(publication);
      return Promise.all(events.flatMap(({ webhook }) => (webhook ? [this.#webhooks.deliver(webhook)] : [])));
    });
    this.#webhooks.track(delivered);
  }
}
