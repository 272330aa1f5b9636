import type { RecordedViolation } from '../../framework/app.js';
import { EventSchemas, eventFailure } from '../../framework/event-schemas.js';
import type { OpenApiDocument } from '../../framework/openapi.js';

/** Where a recorded event violation happened: a blackhole frame or a webhook request. */
type Outlet = 'blackhole' | 'webhook';

/**
 * Checks what the simulator sends outside the REST API against the spec: blackhole frames against the
 * `BlackholeReply` / `BlackholeEvent` components, event data against the spec's event schemas (OpenAPI
 * `webhooks` keyed by binding family on channel `blackhole`, by hook otherwise). Anything outside them is
 * recorded as a violation (method `WS` for frames, the hook's verb for webhooks; status 0); it is sent anyway.
 */
export class EventContract {
  readonly #schemas: EventSchemas;
  readonly #record: (violation: RecordedViolation) => void;
  readonly #components: Set<string>;

  constructor(spec: OpenApiDocument, record: (violation: RecordedViolation) => void) {
    this.#schemas = new EventSchemas(spec);
    this.#record = record;
    this.#components = new Set(Object.keys((spec.components?.schemas as object | undefined) ?? {}));
  }

  /** A blackhole frame against its component (`BlackholeReply`, `BlackholeEvent`). */
  frame(component: 'BlackholeReply' | 'BlackholeEvent', frame: unknown): void {
    if (!this.#components.has(component)) return;
    this.#report('blackhole', 'WS', component, this.#schemas.validateComponent(component, frame, 'frame'));
  }

  /** An event frame's `data`, by binding family (`call.CHANNEL_CREATE`). */
  blackholeData(family: string, data: unknown): void {
    this.#event('blackhole', 'WS', family, data);
  }

  /** A webhook payload (before form encoding), by hook (`channel_create`, `object`). */
  webhookPayload(hook: string, method: string, payload: unknown): void {
    this.#event('', method, hook, payload);
  }

  /** A failure of the simulator while sending an event (a bug of the simulator, never of the client). */
  failure(what: string, error: unknown): void {
    this.#record(eventFailure(what, error));
  }

  /** Events of a channel the spec declares must have a schema; a spec without any (yet) is not checked. */
  #event(channel: string, method: string, key: string, value: unknown): void {
    if (!this.#schemas.hasChannel(channel)) return;
    const outlet: Outlet = channel === 'blackhole' ? 'blackhole' : 'webhook';
    const found = this.#schemas.validateEvent(channel, key, value) ?? [{ at: 'event', message: `the spec declares no ${outlet} event ${key}` }];
    this.#report(outlet, method, key, found);
  }

  #report(outlet: Outlet, method: string, what: string, found: { at: string; message: string }[]): void {
    if (found.length > 0) this.#record({ method, path: `${outlet} ${what}`, status: 0, violations: found });
  }
}
