import type { ChunkReader } from './body.js';
import { badRequest } from './errors.js';
import type { IncomingWebhook } from './incoming.js';
import type { WebhookOutcome } from './receiver.js';

/** The parts of Node's `IncomingMessage` (or Express's `Request`) a receiver uses. */
export interface NodeWebhookRequest extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Whether the whole request has arrived. */
  complete?: boolean;
  /** Whether something (a body parser) has already read the body. */
  readableEnded?: boolean;
  /** A body an earlier Express middleware parsed. */
  body?: unknown;
}

/** The parts of Node's `ServerResponse` a receiver uses. */
export interface NodeWebhookResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}

const encoder = new TextEncoder();
const asBytes = (chunk: unknown) => (typeof chunk === 'string' ? encoder.encode(chunk) : (chunk as Uint8Array));

/** Pulls a Node stream chunk by chunk; stopping early just leaves the rest unread. */
function streamReader(stream: AsyncIterable<unknown>): ChunkReader {
  const chunks = stream[Symbol.asyncIterator]();
  return async () => {
    try {
      const next = await chunks.next();
      return next.done ? undefined : asBytes(next.value);
    } catch {
      throw badRequest('webhook body could not be read');
    }
  };
}

/** A body already in memory, handed out as one chunk. */
function bufferedReader(bytes: Uint8Array): ChunkReader {
  let pending: Uint8Array | undefined = bytes;
  return async () => {
    const chunk = pending;
    pending = undefined;
    return chunk;
  };
}

function headersOf(raw: NodeWebhookRequest['headers']): Headers {
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  } catch {
    throw badRequest('webhook request has a malformed header');
  }
  return headers;
}

/**
 * The request as the core reads it. With `parsedBody`, a body an earlier middleware read is taken as it is
 * (a Buffer or string from `express.raw()`/`express.text()`, an object from `express.json()`/`urlencoded()`).
 */
export function incomingFromNode(req: NodeWebhookRequest, parsedBody: boolean): IncomingWebhook {
  const url = req.url ?? '';
  const queryStart = url.indexOf('?');
  const base = { method: req.method ?? 'GET', query: queryStart < 0 ? '' : url.slice(queryStart + 1), headers: headersOf(req.headers) };
  const body = parsedBody ? req.body : undefined;
  if (body instanceof Uint8Array) return { ...base, body: { read: bufferedReader(body) } };
  if (typeof body === 'string') return { ...base, body: { read: bufferedReader(encoder.encode(body)) } };
  if (body !== undefined && body !== null && req.readableEnded) return { ...base, body: { parsed: body } };
  return { ...base, body: { read: streamReader(req) } };
}

/**
 * Sends an outcome. When part of the body was left unread (a 413 mid-stream, say), the connection is closed
 * after the answer rather than drained.
 */
export function sendToNode(req: NodeWebhookRequest, res: NodeWebhookResponse, outcome: WebhookOutcome): void {
  const headers = req.complete === false ? { ...outcome.headers, connection: 'close' } : outcome.headers;
  try {
    res.writeHead(outcome.status, headers);
    res.end(outcome.body);
  } catch {
    // The response was already sent or the socket is gone: nothing left to answer.
  }
  void outcome.deliver?.();
}
