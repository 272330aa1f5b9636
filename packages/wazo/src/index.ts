export { composeWazoClient, createWazoClient, type WazoClient, type WazoClientOf, type WazoSessionLayer } from './client.js';
export type { WazoClientOptions } from './options.js';
export type { WazoFetchOptions } from './fetch.js';
export { basicCredentials, type LogInInput, type SessionAuth } from './auth.js';
export { parseWazoTime, toSession, type Session } from './session.js';
export { compileAcl, type AccessCheck } from './acl.js';
export { AuthorizationRequiredError, parseWazoError, SubscriptionRequiredError } from './errors.js';
export type { WazoRequest, WazoRequestInit } from './request.js';
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
  type ApiFactory,
  type ComposedApi,
  type FieldError,
  type Logger,
  type LogLevel,
  type Page,
  type RetryOptions,
} from '@pbxkit/core';
