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
  return inPath ? encodeURIComponent(value as string) : serializePrimitiveParam(encodeURIComponent(name), value as string);
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

/**
 * Turns one query parameter into the query entries sent for it: `{ filter: [...] }` may become
 * `{ filter: '[...]' }` or `{ filter_first_name: 'James', has_key: 'email' }`.
 */
export type QuerySerializer = (name: string, value: unknown) => Record<string, unknown>;

const builtInSerializers: Record<string, QuerySerializer> = {
  json: (name, value) => ({ [name]: typeof value === 'string' ? value : JSON.stringify(value) }),
};

/** The query with every `x-pbxkit-serializer` parameter replaced by what its serializer makes of it. */
function serializeSpecial(spec: OperationSpec, query: Record<string, unknown> = {}, serializers: Record<string, QuerySerializer> = {}) {
  if (!spec.serialize) return query;
  const serialized = { ...query };
  for (const [name, kind] of Object.entries(spec.serialize)) {
    const value = serialized[name];
    if (value == null) continue;
    const serializer = serializers[kind] ?? builtInSerializers[kind];
    if (!serializer) throw new TypeError(`no serializer \`${kind}\` for parameter \`${name}\``);
    delete serialized[name];
    Object.assign(serialized, serializer(name, value));
  }
  return serialized;
}

export function buildUrl(baseUrl: string, spec: OperationSpec, input: CallInput, serializers?: Record<string, QuerySerializer>): string {
  const search = serializeQuery(serializeSpecial(spec, spec.query ? { ...spec.query, ...input.query } : input.query, serializers));
  return `${baseUrl}${fillPath(spec.path, input.path)}${search && `?${search}`}`;
}

/** Bodies fetch sends as they are: files, bytes and forms. Anything else is serialised as JSON. */
const isRaw = (body: unknown) =>
  body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof FormData || body instanceof URLSearchParams;

const formPart = (value: unknown): string | Blob =>
  value instanceof Blob || typeof value === 'string' ? value : new Blob([JSON.stringify(value)], { type: 'application/json' });

/**
 * The body to send, wrapped in the operation's request envelope; the object body of a `form` operation that
 * holds a file as multipart parts. Sets `Content-Type: application/json` for JSON unless the caller chose a type.
 */
export function buildBody(spec: OperationSpec, body: unknown, headers: Headers): BodyInit | undefined {
  if (spec.contentType && (typeof body === 'string' || (isRaw(body) && !(body instanceof FormData)))) {
    if (!headers.has('content-type') && !(body instanceof Blob && body.type)) headers.set('content-type', spec.contentType);
    return body as BodyInit;
  }
  if (body === undefined || isRaw(body)) return body as BodyInit | undefined;
  if (spec.form && Object.values(body as object).some((value) => value instanceof Blob)) {
    const form = new FormData();
    // The JSON part named like the request envelope is the request document: it goes in its envelope too.
    for (const [name, value] of Object.entries(body as object))
      if (value != null) form.append(name, formPart(name === spec.requestEnvelope && !(value instanceof Blob) ? { [name]: value } : value));
    return form;
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(spec.requestEnvelope ? { [spec.requestEnvelope]: body } : body);
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
