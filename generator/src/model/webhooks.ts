import { deref, isObject, mapOf, stringOf, type Json } from './document.js';
import { isJsonMediaType } from './media-types.js';
import { quote } from './names.js';
import { byKey } from './order.js';
import type { WebhookFieldType, WebhookModel } from './types.js';

const scalarKinds: readonly WebhookFieldType[] = ['integer', 'number', 'boolean'];

/**
 * How a field of this schema decodes from a string: `gregorian` when the schema (after `$ref`) carries
 * `x-pbxkit-serializer: gregorian-seconds`, else its one non-null scalar type; undefined for strings and
 * for anything else (objects, arrays, unions of several types).
 */
function fieldType(document: Json, property: unknown): WebhookFieldType | undefined {
  const schema = deref(document, property);
  if (!schema) return undefined;
  if (schema['x-pbxkit-serializer'] === 'gregorian-seconds') return 'gregorian';
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type) => type !== 'null');
  const [only] = types;
  return types.length === 1 && scalarKinds.includes(only as WebhookFieldType) ? (only as WebhookFieldType) : undefined;
}

/** The top-level properties of a payload schema, those of its `allOf` members included. */
function topLevelProperties(document: Json, node: unknown): [string, unknown][] {
  const schema = deref(document, node);
  if (!schema) return [];
  const own = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  const inherited = Array.isArray(schema.allOf) ? schema.allOf.flatMap((member) => topLevelProperties(document, member)) : [];
  return [...inherited, ...own];
}

function fieldTypes(document: Json, payload: unknown): Record<string, WebhookFieldType> {
  const kinds = new Map<string, WebhookFieldType>();
  for (const [name, property] of topLevelProperties(document, payload)) {
    const kind = fieldType(document, property);
    if (kind) kinds.set(name, kind);
    else kinds.delete(name);
  }
  return Object.fromEntries([...kinds].sort(byKey(([name]) => name)));
}

/**
 * Each webhook: its payload type (the component schema when the body `$ref`s one, readable in editors,
 * else the body type read out of `webhooks` in schema.ts), its channel and its non-string fields.
 */
export function buildWebhooks(document: Json): WebhookModel[] {
  return mapOf(document, document, 'webhooks')
    .map(([event, pathItem]) => {
      const post = deref(document, pathItem.post);
      const body = deref(document, post?.requestBody);
      const content = isObject(body?.content) ? body.content : {};
      const mediaType = Object.keys(content).find(isJsonMediaType) ?? 'application/json';
      const schema = deref(document, content[mediaType])?.schema;
      const ref = isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : '';
      const component = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
      const payloadType = component
        ? `components['schemas'][${quote(component.replace(/~1/g, '/').replace(/~0/g, '~'))}]`
        : `NonNullable<webhooks[${quote(event)}]['post']['requestBody']>['content'][${quote(mediaType)}]`;
      return {
        event,
        summary: stringOf(post?.summary) ?? stringOf(pathItem.summary),
        payloadType,
        channel: stringOf(post?.['x-pbxkit-event-channel']),
        fieldTypes: fieldTypes(document, schema),
      };
    })
    .sort(byKey((webhook) => webhook.event));
}
