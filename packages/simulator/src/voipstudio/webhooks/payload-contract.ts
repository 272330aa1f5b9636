import type { RecordedViolation } from '../../framework/app.js';
import { EventSchemas, eventFailure } from '../../framework/event-schemas.js';
import type { OpenApiDocument } from '../../framework/openapi.js';

/**
 * Checks each webhook payload against the JSON request body the spec's `webhooks` declare for its event. A
 * payload outside it is recorded (method `POST`, path `webhook <event>`, status 0) and sent anyway, as the
 * simulator does with replies.
 */
export class WebhookPayloadContract {
  readonly #schemas: EventSchemas;
  readonly #record: (violation: RecordedViolation) => void;

  constructor(spec: OpenApiDocument, record: (violation: RecordedViolation) => void) {
    this.#schemas = new EventSchemas(spec);
    this.#record = record;
  }

  check(event: string, payload: unknown): void {
    const found = this.#schemas.validateEvent('', event, payload) ?? [{ at: 'event', message: `the spec declares no webhook event ${event}` }];
    if (found.length > 0) this.#record({ method: 'POST', path: `webhook ${event}`, status: 0, violations: found });
  }

  /** A failure of the simulator while delivering (a bug of the simulator, never of the receiver). */
  failure(event: string, error: unknown): void {
    this.#record(eventFailure(`webhook ${event}`, error));
  }
}
