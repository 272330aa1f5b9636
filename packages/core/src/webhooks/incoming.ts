import { assertDeclaredLength, readLimited, type ChunkReader } from './body.js';
import { badRequest, WebhookRequestError } from './errors.js';
import { parseBracketedForm } from './form.js';
import { assertSafeStructure } from './limits.js';
import { assertMethod, bodyFormat, type WebhookAccepts, type WebhookFormat } from './negotiate.js';

/** A request as an adapter hands it over: its body still to be read, or already parsed by a middleware. */
export interface IncomingWebhook {
  method: string;
  /** The query string without its `?`. */
  query: string;
  headers: Headers;
  body: { read: ChunkReader } | { parsed: unknown };
}

/** A webhook request whose payload has been read and decoded, before any platform-specific decoding. */
export interface WebhookInput {
  method: string;
  headers: Headers;
  format: WebhookFormat;
  /** The query string or body: nested objects and arrays of strings for forms, any JSON value for JSON. */
  payload: unknown;
}

const noContentType = () => new WebhookRequestError(415, 'webhook body has no Content-Type');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw badRequest('webhook body is not valid UTF-8');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the body, so it is not passed on.
    throw badRequest('webhook body is not valid JSON');
  }
}

async function readPayload(incoming: IncomingWebhook, accepts: WebhookAccepts, maxBytes: number): Promise<Omit<WebhookInput, 'method' | 'headers'>> {
  const contentType = incoming.headers.get('content-type');
  const format = contentType === null ? undefined : bodyFormat(contentType, accepts);
  if ('parsed' in incoming.body) {
    if (!format) throw noContentType();
    assertSafeStructure(incoming.body.parsed);
    return { format, payload: incoming.body.parsed };
  }
  assertDeclaredLength(incoming.headers.get('content-length'), maxBytes);
  const bytes = await readLimited(incoming.body.read, maxBytes);
  if (bytes.byteLength === 0) throw badRequest('webhook body is empty');
  if (!format) throw noContentType();
  const text = decodeText(bytes);
  if (format === 'form') return { format, payload: parseBracketedForm(text) };
  const payload = parseJson(text);
  assertSafeStructure(payload);
  return { format, payload };
}

/**
 * Checks the method, size and content type of a webhook request and decodes its query string or body.
 * Throws `WebhookRequestError` (400, 405, 413 or 415) for a request the receiver refuses.
 */
export async function readWebhookInput(incoming: IncomingWebhook, accepts: WebhookAccepts, maxBytes: number): Promise<WebhookInput> {
  const method = incoming.method.toUpperCase();
  assertMethod(method, accepts);
  if (method !== 'GET') return { method, headers: incoming.headers, ...(await readPayload(incoming, accepts, maxBytes)) };
  if (incoming.query === '') throw badRequest('webhook query string is empty');
  return { method, headers: incoming.headers, format: 'query', payload: parseBracketedForm(incoming.query) };
}
