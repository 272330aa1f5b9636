import type { ChunkReader } from './body.js';
import { badRequest } from './errors.js';
import type { IncomingWebhook } from './incoming.js';
import type { WebhookOutcome } from './receiver.js';

/** A serverless context (Cloudflare Workers' `ctx`, Vercel's) that keeps the event handler alive after the answer. */
export interface WebhookFetchContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** The request as the core reads it, with the body reader to cancel once the answer is known. */
export function incomingFromFetch(request: Request): { incoming: IncomingWebhook; stopReading: () => void } {
  const reader = request.body?.getReader();
  const read: ChunkReader = async () => {
    if (!reader) return undefined;
    try {
      const next = await reader.read();
      return next.done ? undefined : next.value;
    } catch {
      throw badRequest('webhook body could not be read');
    }
  };
  const incoming = { method: request.method, query: new URL(request.url).search.slice(1), headers: request.headers, body: { read } };
  return { incoming, stopReading: () => void reader?.cancel().catch(() => undefined) };
}

/** The `Response` for an outcome; its event is delivered after, kept alive by `context.waitUntil` when given. */
export function toResponse(outcome: WebhookOutcome, context: WebhookFetchContext | undefined): Response {
  const delivery = outcome.deliver?.();
  if (delivery) context?.waitUntil(delivery);
  return new Response(outcome.body === '' ? null : outcome.body, { status: outcome.status, headers: outcome.headers });
}
