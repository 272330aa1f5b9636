import type { WebhookDelivery, WebhookEvent } from '../webhook-delivery/delivery.js';
import type { BlackholeControl, BlackholePublication } from './blackhole.js';

/** One state change as blackhole shows it and as webhooks carry it. */
export interface SimEvent {
  publication: BlackholePublication;
  webhook: WebhookEvent;
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
      for (const event of events) this.#blackhole.publish(event.publication);
      return Promise.all(events.map((event) => this.#webhooks.deliver(event.webhook)));
    });
    this.#webhooks.track(delivered);
  }
}
