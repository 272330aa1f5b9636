export type { KazooKnownWebhookEvent, KazooUnknownWebhookEvent, KazooWebhookEvent, KazooWebhookHook } from './event.js';
export { parseKazooWebhook, type KazooWebhookRequest } from './parse.js';
export { createKazooWebhookReceiver } from './receiver.js';
export { WebhookRequestError, type WebhookFetchContext, type WebhookReceiver, type WebhookReceiverOptions } from '@pbxkit/core';
