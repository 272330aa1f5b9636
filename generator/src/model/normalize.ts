import { isObject, type Json } from './document.js';
import { byString } from './order.js';

const topLevelOrder = [
  'openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'tags', 'externalDocs', 'paths', 'webhooks', 'components',
];

const sortedByKey = (map: Json): Json =>
  Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]]));

/**
 * The bundled document with a stable key order: top-level fields in the usual OpenAPI order, and the
 * named maps (paths, webhooks, every components section) and the tags sorted by name. Everything else
 * (schema properties, operation fields) keeps the order it was written in.
 */
export function normalizeDocument(document: Json): Json {
  const copy = structuredClone(document);
  const keys = [
    ...topLevelOrder.filter((key) => key in copy),
    ...Object.keys(copy).filter((key) => !topLevelOrder.includes(key)).sort(),
  ];
  const normalized: Json = {};
  for (const key of keys) {
    const value = copy[key];
    if ((key === 'paths' || key === 'webhooks') && isObject(value)) normalized[key] = sortedByKey(value);
    else if (key === 'components' && isObject(value))
      normalized[key] = Object.fromEntries(
        Object.keys(value).sort().map((section) => {
          const entries = value[section];
          return [section, isObject(entries) ? sortedByKey(entries) : entries];
        }),
      );
    else if (key === 'tags' && Array.isArray(value))
      normalized[key] = [...value].sort((a, b) => byString(String(a?.name), String(b?.name)));
    else normalized[key] = value;
  }
  return normalized;
}
