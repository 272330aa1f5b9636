/**
 * What a handler answers: plain data that the app validates against the contract before it turns it
 * into a `Response`. `body` is a JSON value, or bytes when `contentType` is not JSON.
 */
export interface SimReply {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimReply {
  return { status, body, contentType: 'application/json', ...(headers ? { headers } : {}) };
}

export function bytes(body: Uint8Array, contentType: string, status = 200): SimReply {
  return { status, body, contentType };
}

export function empty(status = 204): SimReply {
  return { status };
}

/** The wire form of a reply, after `JSON.stringify` (so validation sees exactly what a client receives). */
export function replyPayload(reply: SimReply): { contentType: string | undefined; body: unknown; text?: string } {
  if (reply.body === undefined) return { contentType: undefined, body: undefined };
  if (reply.body instanceof Uint8Array) return { contentType: reply.contentType, body: reply.body };
  const text = JSON.stringify(reply.body);
  return { contentType: reply.contentType ?? 'application/json', body: JSON.parse(text), text };
}

export function toResponse(reply: SimReply, payload = replyPayload(reply)): Response {
  const headers = new Headers(reply.headers);
  let body: BodyInit | null = null;
  if (payload.body instanceof Uint8Array) {
    body = payload.body as Uint8Array<ArrayBuffer>;
    headers.set('Content-Length', String(payload.body.byteLength));
  } else if (payload.text !== undefined) {
    body = payload.text;
  }
  if (payload.contentType) {
    headers.set('Content-Type', payload.contentType === 'application/json' ? 'application/json; charset=utf-8' : payload.contentType);
  }
  return new Response(body, { status: reply.status, headers });
}
