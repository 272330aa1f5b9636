import { createWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions } from '@pbxkit/core';
import type { KazooWebhookEvent } from './event.js';
import { parseKazooWebhook } from './parse.js';

/**
 * A receiver for Kazoo webhooks in every way Kazoo sends them: GET with a query string, POST or PUT with a
 * form (the default) or JSON body. Serve it with `receiver.node`, `receiver.fetch` or `receiver.express()`;
 * each event is answered 200 at once, then handed to `onEvent`.
 */
export function createKazooWebhookReceiver(options: WebhookReceiverOptions<KazooWebhookEvent>): WebhookReceiver {
  return createWebhookReceiver(parseKazooWebhook, {
    ...options,
    accepts: { methods: ['GET', 'POST', 'PUT'], bodyFormats: ['form', 'json'] },
  });
}
