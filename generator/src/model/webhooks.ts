import { deref, isObject, mapOf, stringOf, type Json } from './document.js';
import { isJsonMediaType } from './media-types.js';
import { quote } from './names.js';
import { byKey } from './order.js';
import type { WebhookModel } from './types.js';

/**
 * The payload type of each webhook: the component schema when the body `$ref`s one (readable in
 * editors), else the body type read out of `webhooks` in schema.ts.
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
      return { event, summary: stringOf(post?.summary) ?? stringOf(pathItem.summary), payloadType };
    })
    .sort(byKey((webhook) => webhook.event));
}
