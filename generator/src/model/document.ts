/** Reading a bundled OpenAPI document: every $ref in it is internal (`#/...`). */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function unescapeSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows `$ref`s (possibly chained) to the node they point at; undefined when one dangles. */
export function deref(document: Json, node: unknown, depth = 0): Json | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node.$ref !== 'string') return node;
  if (depth > 32 || !node.$ref.startsWith('#/')) return undefined;
  let target: unknown = document;
  for (const segment of node.$ref.slice(2).split('/')) {
    target = isObject(target) || Array.isArray(target) ? (target as Json)[unescapeSegment(segment)] : undefined;
  }
  return deref(document, target, depth + 1);
}

/** `document[key]` as an object of objects, each $ref followed. */
export function mapOf(document: Json, node: Json | undefined, key: string): [string, Json][] {
  const map = node?.[key];
  if (!isObject(map)) return [];
  return Object.entries(map).flatMap(([name, value]) => {
    const resolved = deref(document, value);
    return resolved ? [[name, resolved] as [string, Json]] : [];
  });
}
