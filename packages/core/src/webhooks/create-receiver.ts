import { incomingFromFetch, toResponse, type WebhookFetchContext } from './fetch.js';
import type { WebhookAccepts } from './negotiate.js';
import { incomingFromNode, sendToNode, type NodeWebhookRequest, type NodeWebhookResponse } from './node.js';
import { createWebhookHandler, type WebhookDecoder, type WebhookReceiverOptions } from './receiver.js';

/** One receiver, served through whichever server the application runs. Every handler answers at once and never throws. */
export interface WebhookReceiver {
  /** A Node `http.createServer` request listener: `http.createServer(receiver.node)`. */
  node(req: NodeWebhookRequest, res: NodeWebhookResponse): void;
  /** A fetch-style handler (Hono: `(c) => receiver.fetch(c.req.raw)`, Workers, Next route handlers). */
  fetch(request: Request, context?: WebhookFetchContext): Promise<Response>;
  /**
   * An Express middleware. It takes a body an earlier parser already read (`express.json()`,
   * `express.urlencoded({ extended: true })`, `express.raw()`, `express.text()`) or reads it itself.
   */
  express(): (req: NodeWebhookRequest, res: NodeWebhookResponse, next?: unknown) => void;
}

/** The core receiver's options: the user's, plus which methods and body formats the platform sends. */
export interface CoreWebhookReceiverOptions<E> extends WebhookReceiverOptions<E> {
  /** Default: GET (query string), POST and PUT, form and JSON bodies. */
  accepts?: WebhookAccepts;
}

const anyWebhook: WebhookAccepts = { methods: ['GET', 'POST', 'PUT'], bodyFormats: ['form', 'json'] };

/**
 * A webhook receiver: each request is checked and decoded (`decode` turns it into an event), answered 200
 * with an empty body, then handed to `onEvent`. A refused request gets 400, 405, 413 or 415 with a
 * `text/plain` reason. Throws `InvalidArgumentError` for invalid options.
 */
export function createWebhookReceiver<E>(decode: WebhookDecoder<E>, options: CoreWebhookReceiverOptions<E>): WebhookReceiver {
  const handle = createWebhookHandler(decode, options?.accepts ?? anyWebhook, options);
  const serveNode = (req: NodeWebhookRequest, res: NodeWebhookResponse, parsedBody: boolean) =>
    void handle(() => incomingFromNode(req, parsedBody)).then((outcome) => sendToNode(req, res, outcome));
  return {
    node: (req, res) => serveNode(req, res, false),
    fetch: async (request, context) => {
      const { incoming, stopReading } = incomingFromFetch(request);
      const outcome = await handle(() => incoming);
      stopReading();
      return toResponse(outcome, context);
    },
    express: () => (req, res) => serveNode(req, res, true),
  };
}
