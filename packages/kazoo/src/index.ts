export {
  composeKazooClient,
  createKazooClient,
  DEFAULT_BASE_URL,
  parseKazooError,
  type KazooClient,
  type KazooClientOptions,
  type KazooSessionMethods,
  type KazooSession,
} from './client.js';
export type { KazooAccountRef, KazooAuth } from './auth.js';
export { hashCredentials, type CredentialsMethod } from './credentials.js';
export { kazooFilterSerializer, type KazooFilter } from './filter.js';
export { fromGregorian, GREGORIAN_UNIX_OFFSET, toGregorian } from './gregorian.js';
export { DEFAULT_MAX_RANGE_SECONDS } from './time-range.js';
export * from './generated/index.js';
export * from '@pbxkit/core/public';
export * from './webhooks/index.js';
export * from './events/index.js';
export { createKazooWebhook, kazooWebhook, type KazooWebhookSpec } from './webhook-hooks.js';
