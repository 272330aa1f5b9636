import type { RecordedViolation } from './app.js';
import { escapePointerToken, type OpenApiDocument } from './openapi.js';
import { SchemaValidators, type Violation } from './schema-validators.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The payload schema of each event a spec declares under `webhooks`, by channel (`x-pbxkit-event-channel`,
 * `''` for HTTP webhooks) and event name, and its component schemas; compiled on first use, since most
 * simulators in a test never send an event.
 */
export class EventSchemas {
  readonly #spec: OpenApiDocument;
  readonly #pointers = new Map<string, Map<string, string>>();
  #validators: SchemaValidators | undefined;

  constructor(spec: OpenApiDocument) {
    this.#spec = spec;
    for (const [name, item] of Object.entries(isRecord(spec.webhooks) ? spec.webhooks : {})) {
      const post = isRecord(item) && isRecord(item.post) ? item.post : undefined;
      const content = isRecord(post?.requestBody) && isRecord(post.requestBody.content) ? post.requestBody.content : {};
      const mediaType = Object.keys(content)[0];
      if (!post || mediaType === undefined) continue;
      const channel = typeof post['x-pbxkit-event-channel'] === 'string' ? post['x-pbxkit-event-channel'] : '';
      const pointer = `/webhooks/${escapePointerToken(name)}/post/requestBody/content/${escapePointerToken(mediaType)}/schema`;
      if (!this.#pointers.has(channel)) this.#pointers.set(channel, new Map());
      this.#pointers.get(channel)!.set(name, pointer);
    }
  }

  /** Whether the spec declares any event on `channel`. */
  hasChannel(channel: string): boolean {
    return this.#pointers.has(channel);
  }

  /** What is wrong with `payload` as the event `name` of `channel`; undefined when the spec does not declare that event. */
  validateEvent(channel: string, name: string, payload: unknown, at = 'data'): Violation[] | undefined {
    const pointer = this.#pointers.get(channel)?.get(name);
    return pointer === undefined ? undefined : this.#compiled().validate(pointer, payload, at);
  }

  /** What is wrong with `value` as the component schema `name`. */
  validateComponent(name: string, value: unknown, at: string): Violation[] {
    return this.#compiled().validate(`/components/schemas/${escapePointerToken(name)}`, value, at);
  }

  #compiled(): SchemaValidators {
    return (this.#validators ??= new SchemaValidators(this.#spec));
  }
}

/** A failure of the simulator while sending an event, as a violation: a bug of the simulator, never of the client. */
export function eventFailure(path: string, error: unknown): RecordedViolation {
  return { method: 'EVENT', path, status: 500, violations: [{ at: 'simulator', message: error instanceof Error ? error.message : String(error) }] };
}
