/**
 * The HTTP message of an operation (URL built with openapi-fetch's parameter serialisers, JSON body),
 * and the reading of the answer. The request pipeline lives in transport.ts.
 */
import { serializePrimitiveParam } from 'openapi-fetch';
import type { OperationSpec } from './operation-spec.js';
import type { CallInput } from './request-options.js';

/**
 * One parameter in openapi-fetch's default styles: query arrays `form` exploded (`a=1&a=2`), path
 * arrays `simple` (`1,2`). Object values are refused: no spec has them; `x-pbxkit-serializer: json`
 * or a platform serializer says how to send structured values.
 */
function serializeParam(name: string, value: unknown, inPath: boolean): string {
  if (Array.isArray(value)) return value.map((v) => serializeParam(name, v, inPath)).join(inPath ? ',' : '&');
  if (typeof value === 'object') throw new TypeError(`parameter \`${name}\` must be a string, number, boolean or array`);
  return inPath ? encodeURIComponent(value as string) : serializePrimitiveParam(name, value as string);
}

function fillPath(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => serializeParam(name, params[name], true));
}

function serializeQuery(query: Record<string, unknown>): string {
  return Object.entries(query)
    .filter(([, value]) => value != null && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => serializeParam(name, value, false))
    .join('&');
}

/** The query with `x-pbxkit-serializer: json` parameters turned into JSON text. */
function jsonEncode(spec: OperationSpec, query: Record<string, unknown> = {}) {
  if (!spec.jsonQuery) return query;
  const serialized = { ...query };
  for (const name of spec.jsonQuery) {
    const value = serialized[name];
    if (value != null && typeof value !== 'string') serialized[name] = JSON.stringify(value);
  }
  return serialized;
}

export function buildUrl(baseUrl: string, spec: OperationSpec, input: CallInput): string {
  const search = serializeQuery(jsonEncode(spec, input.query));
  return `${baseUrl}${fillPath(spec.path, input.path)}${search && `?${search}`}`;
}

/** Bodies fetch sends as they are: files, bytes and forms. Anything else is serialised as JSON. */
const isRaw = (body: unknown) =>
  body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof FormData || body instanceof URLSearchParams;

/** The body to send; sets `Content-Type: application/json` for JSON unless the caller chose a type. */
export function buildBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined || isRaw(body)) return body as BodyInit | undefined;
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(body);
}

/** A success body as the operation declares it; `undefined` when there is none (204, empty). */
export async function readBody(response: Response, parseAs: OperationSpec['parseAs'] = 'json'): Promise<unknown> {
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined;
  if (parseAs === 'blob') return response.blob();
  const text = await response.text();
  return parseAs === 'text' ? text : text ? JSON.parse(text) : undefined;
}

/** An error body: parsed JSON when it is JSON, else its text (proxies answer with HTML error pages). */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
