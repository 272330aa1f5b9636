import { deref, isObject, mapOf, type Json } from './document.js';
import { isJsonMediaType, isSuccessStatus, isTextMediaType } from './media-types.js';
import { byString } from './order.js';
import type { ParseAs, SuccessResponse } from './types.js';

/** The example of a media type object: `example`, else the value of the first of `examples`. */
function exampleOf(document: Json, media: Json): unknown {
  if (media.example !== undefined) return media.example;
  const first = mapOf(document, media, 'examples')[0];
  return first?.[1].value;
}

/** JSON first, then text, then anything else (binary). */
function preferredMediaType(mediaTypes: readonly string[]): string | undefined {
  return mediaTypes.find(isJsonMediaType) ?? mediaTypes.find(isTextMediaType) ?? mediaTypes[0];
}

export function parseAsFor(mediaType: string | undefined): ParseAs {
  if (mediaType === undefined || isJsonMediaType(mediaType)) return 'json';
  return isTextMediaType(mediaType) ? 'text' : 'blob';
}

/**
 * The response a method resolves to: the lowest 2xx status that has a body, else the lowest 2xx
 * (e.g. a bare 204). The lint rules guarantee there is one.
 */
export function successResponse(document: Json, operation: Json): SuccessResponse {
  const successes = mapOf(document, operation, 'responses')
    .filter(([status]) => isSuccessStatus(status))
    .sort(([a], [b]) => byString(a, b));
  const withBody = successes.find(([, response]) => isObject(response.content) && Object.keys(response.content).length > 0);
  const [status, response] = withBody ?? successes[0] ?? ['200', {}];
  const content = isObject(response.content) ? response.content : {};
  const mediaType = preferredMediaType(Object.keys(content));
  const media = mediaType === undefined ? undefined : deref(document, content[mediaType]);
  return {
    status,
    mediaType,
    example: media ? exampleOf(document, media) : undefined,
  };
}

/** The schema of the success JSON body, $refs followed; undefined for non-JSON bodies. */
export function successSchema(document: Json, operation: Json, success: SuccessResponse): Json | undefined {
  if (success.mediaType === undefined || !isJsonMediaType(success.mediaType)) return undefined;
  const response = mapOf(document, operation, 'responses').find(([status]) => status === success.status)?.[1];
  const content = isObject(response?.content) ? response.content : {};
  const media = deref(document, content[success.mediaType]);
  return deref(document, media?.schema);
}

/** Properties of an object schema, including those of its `allOf` parts. */
export function propertiesOf(document: Json, schema: Json | undefined): Map<string, Json> {
  const properties = new Map<string, Json>();
  if (!schema) return properties;
  for (const [name, property] of mapOf(document, schema, 'properties')) properties.set(name, property);
  if (Array.isArray(schema.allOf))
    for (const part of schema.allOf)
      for (const [name, property] of propertiesOf(document, deref(document, part))) properties.set(name, property);
  return properties;
}

/** Names an object schema requires, including those its `allOf` parts require. */
export function requiredOf(document: Json, schema: Json | undefined): Set<string> {
  const required = new Set<string>(Array.isArray(schema?.required) ? schema.required.map(String) : []);
  if (schema && Array.isArray(schema.allOf))
    for (const part of schema.allOf) for (const name of requiredOf(document, deref(document, part))) required.add(name);
  return required;
}
