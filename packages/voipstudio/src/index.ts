export {
  createVoipstudioClient,
  DEFAULT_BASE_URL,
  type VoipstudioClient,
  type VoipstudioClientOptions,
  type VoipstudioSession,
} from './client.js';
export { TwoFactorRequiredError, type TwoFactorPrompt, type VoipstudioAuth } from './auth.js';
export { where, type FieldConditions, type FilterCondition, type Where } from './filter.js';
export { formatDateTime, parseDateTime } from './datetime.js';
export {
  createVoipstudioWebhookReceiver,
  isWebhookEvent,
  parseWebhookEvent,
  type UnknownWebhookEvent,
  type VoipstudioWebhookEvent,
  type WebhookEventName,
} from './webhooks.js';
export { WebhookRequestError, type WebhookFetchContext, type WebhookReceiver, type WebhookReceiverOptions } from '@pbxkit/core';
export * from './generated/index.js';
export * from '@pbxkit/core/public';
