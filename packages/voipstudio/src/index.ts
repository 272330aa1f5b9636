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
  isWebhookEvent,
  parseWebhookEvent,
  type UnknownWebhookEvent,
  type VoipstudioWebhookEvent,
  type WebhookEventName,
} from './webhooks.js';
export * from './generated/index.js';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  PbxkitError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  type FieldError,
  type Logger,
  type LogLevel,
  type Page,
  type RetryOptions,
} from '@pbxkit/core';
