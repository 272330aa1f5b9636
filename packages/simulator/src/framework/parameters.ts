import { resolveSchema, type JsonSchema, type OpenApiDocument, type ParameterObject } from './openapi.js';

/** The raw strings a request carries for its parameters. */
export interface RawParameters {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
}

export type ParameterReading = { present: false } | { present: true; value: unknown } | { error: string };

/**
 * Reads one parameter from the request and turns its text into the value its schema describes
 * (numbers, booleans, arrays, deepObject maps, or JSON text for `x-pbxkit-serializer: json`).
 */
export function readParameter(doc: OpenApiDocument, param: ParameterObject, raw: RawParameters): ParameterReading {
  const schema = resolveSchema(doc, param.schema);
  if (param.in === 'query') return readQuery(doc, param, schema, raw.query);
  const text = param.in === 'path' ? raw.path[param.name] : param.in === 'header' ? raw.headers.get(param.name) : undefined;
  if (text === undefined || text === null) return { present: false };
  // Path and header parameters use the `simple` style: arrays are comma-separated.
  if (typesOf(doc, schema).includes('array')) return { present: true, value: coerceItems(doc, schema, text.split(',')) };
  return { present: true, value: coerceText(doc, schema, text) };
}

function coerceItems(doc: OpenApiDocument, arraySchema: JsonSchema, items: string[]): unknown[] {
  const itemSchema = resolveSchema(doc, arraySchema.items as JsonSchema | undefined);
  return items.map((item) => coerceText(doc, itemSchema, item));
}

function readQuery(doc: OpenApiDocument, param: ParameterObject, schema: JsonSchema, query: URLSearchParams): ParameterReading {
  if (param.style === 'deepObject') return readDeepObject(doc, param.name, schema, query);
  const values = query.getAll(param.name);
  const first = values[0];
  if (first === undefined) return { present: false };
  if (param['x-pbxkit-serializer'] === 'json') {
    try {
      return { present: true, value: JSON.parse(first) };
    } catch {
      return { error: 'must be JSON text' };
    }
  }
  if (typesOf(doc, schema).includes('array')) {
    return { present: true, value: coerceItems(doc, schema, param.explode === false ? first.split(',') : values) };
  }
  if (values.length > 1) return { error: 'must be given once' };
  return { present: true, value: coerceText(doc, schema, first) };
}

function readDeepObject(doc: OpenApiDocument, name: string, schema: JsonSchema, query: URLSearchParams): ParameterReading {
  const prefix = `${name}[`;
  const value: Record<string, unknown> = {};
  let present = false;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const additional = typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as JsonSchema) : {};
  for (const [key, text] of query) {
    if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
    const property = key.slice(prefix.length, -1);
    value[property] = coerceText(doc, resolveSchema(doc, properties[property] ?? additional), text);
    present = true;
  }
  return present ? { present: true, value } : { present: false };
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Converts text to the first type the schema allows that the text can represent; otherwise keeps the text. */
function coerceText(doc: OpenApiDocument, schema: JsonSchema, text: string): unknown {
  const types = typesOf(doc, schema);
  if ((types.includes('integer') || types.includes('number')) && NUMBER.test(text) && !types.includes('string')) {
    return Number(text);
  }
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.includes('null') && text === 'null' && !types.includes('string')) return null;
  return text;
}

/** The JSON types a schema admits, looking one level into `oneOf`/`anyOf`. */
function typesOf(doc: OpenApiDocument, schema: JsonSchema): string[] {
  const own = schema.type;
  if (typeof own === 'string') return [own];
  if (Array.isArray(own)) return own.filter((t): t is string => typeof t === 'string');
  const branches = [...((schema.oneOf as JsonSchema[] | undefined) ?? []), ...((schema.anyOf as JsonSchema[] | undefined) ?? [])];
  return branches.flatMap((branch) => {
    const type = resolveSchema(doc, branch).type;
    return typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : [];
  });
}
