import type { RecordedViolation } from '../../framework/app.js';
import { escapePointerToken, type OpenApiDocument } from '../../framework/openapi.js';
import { SchemaValidators } from '../../framework/schema-validators.js';
import { isJsonObject } from '../documents.js';

/** Where a recorded event violation happened: a blackhole frame or a webhook request. */
type Outlet = 'blackhole' | 'webhook';

/**
 * Checks what the simulator sends outside the REST API against the spec: blackhole frames against the
 * `BlackholeReply` / `BlackholeEvent` components, event data against the spec's event schemas (OpenAPI
 * `webhooks` keyed by binding family on channel `blackhole`, by hook otherwise). Anything outside them is
 * recorded as a violation (method `WS` for frames, the hook's verb for webhooks; status 0); it is sent anyway.
 */
export class EventContract {
  readonly #validators: SchemaValidators;
  readonly #record: (violation: RecordedViolation) => void;
  readonly #components: Set<string>;
  /** Schema pointers by event key, per channel (`''` for HTTP webhooks). */
  readonly #events = new Map<string, Map<string, string>>();

  constructor(spec: OpenApiDocument, record: (violation: RecordedViolation) => void) {
    this.#validators = new SchemaValidators(spec);
    this.#record = record;
    this.#components = new Set(Object.keys((spec.components?.schemas as object | undefined) ?? {}));
    for (const [key, item] of Object.entries((spec.webhooks as Record<string, unknown> | undefined) ?? {})) {
      const post = isJsonObject(item) && isJsonObject(item.post) ? item.post : undefined;
      const content = isJsonObject(post?.requestBody) && isJsonObject(post.requestBody.content) ? post.requestBody.content : {};
      const mediaType = Object.keys(content)[0];
      if (!post || mediaType === undefined) continue;
      const channel = typeof post['x-pbxkit-event-channel'] === 'string' ? post['x-pbxkit-event-channel'] : '';
      const pointer = `/webhooks/${escapePointerToken(key)}/post/requestBody/content/${escapePointerToken(mediaType)}/schema`;
      if (!this.#events.has(channel)) this.#events.set(channel, new Map());
      this.#events.get(channel)!.set(key, pointer);
    }
  }

  /** A blackhole frame against its component (`BlackholeReply`, `BlackholeEvent`). */
  frame(component: 'BlackholeReply' | 'BlackholeEvent', frame: unknown): void {
    if (!this.#components.has(component)) return;
    this.#report('blackhole', 'WS', component, this.#validators.validate(`/components/schemas/${component}`, frame, 'frame'));
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
    this.#record({ method: 'EVENT', path: what, status: 500, violations: [{ at: 'simulator', message: error instanceof Error ? error.message : String(error) }] });
  }

  /** Events of a channel the spec declares must have a schema; a spec without any (yet) is not checked. */
  #event(channel: string, method: string, key: string, value: unknown): void {
    const declared = this.#events.get(channel);
    if (!declared) return;
    const outlet: Outlet = channel === 'blackhole' ? 'blackhole' : 'webhook';
    const pointer = declared.get(key);
    if (!pointer) return this.#report(outlet, method, key, [{ at: 'event', message: `the spec declares no ${outlet} event ${key}` }]);
    this.#report(outlet, method, key, this.#validators.validate(pointer, value, 'data'));
  }

  #report(outlet: Outlet, method: string, what: string, found: { at: string; message: string }[]): void {
    if (found.length > 0) this.#record({ method, path: `${outlet} ${what}`, status: 0, violations: found });
  }
}
