import type { RecordedViolation } from '../../framework/app.js';
import { escapePointerToken, type OpenApiDocument } from '../../framework/openapi.js';
import { SchemaValidators } from '../../framework/schema-validators.js';

/**
 * Checks each webhook payload against the JSON request body the spec's `webhooks` declare for its event. A
 * payload outside it is recorded (method `POST`, path `webhook <event>`, status 0) and sent anyway, as the
 * simulator does with replies.
 */
export class WebhookPayloadContract {
  readonly #spec: OpenApiDocument;
  readonly #record: (violation: RecordedViolation) => void;
  /** Compiled on the first payload: most simulators never send one. */
  #validators: SchemaValidators | undefined;

  constructor(spec: OpenApiDocument, record: (violation: RecordedViolation) => void) {
    this.#spec = spec;
    this.#record = record;
  }

  check(event: string, payload: unknown): void {
    const declared = Object.hasOwn((this.#spec.webhooks as object | undefined) ?? {}, event);
    const found = declared
      ? (this.#validators ??= new SchemaValidators(this.#spec)).validate(`/webhooks/${escapePointerToken(event)}/post/requestBody/content/application~1json/schema`, payload, 'data')
      : [{ at: 'event', message: `the spec declares no webhook event ${event}` }];
    if (found.length > 0) this.#record({ method: 'POST', path: `webhook ${event}`, status: 0, violations: found });
  }

  /** A failure of the simulator while delivering (a bug of the simulator, never of the receiver). */
  failure(event: string, error: unknown): void {
    this.#record({ method: 'EVENT', path: `webhook ${event}`, status: 500, violations: [{ at: 'simulator', message: error instanceof Error ? error.message : String(error) }] });
  }
}
