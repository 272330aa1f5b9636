export {
  createTokenManager,
  type AuthHandler,
  type Credentials,
  type TokenManager,
  type TokenManagerOptions,
} from './auth.js';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createApiError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  PbxkitError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  type ApiErrorInit,
  type FieldError,
} from './errors.js';
export { jwtClaims } from './jwt.js';
export { hideSecrets, scrub, type Logger, type LogLevel } from './logger.js';
export type { HttpMethod, OperationSpec, OperationTuple } from './operation-spec.js';
export type {
  InputArgs,
  ItemOf,
  MergePatch,
  Operation,
  OperationInput,
  OperationOutput,
  PagedOperation,
  SuccessBody,
  Unwrapped,
  VariantOperation,
  WithDefaults,
  WithResponse,
  WrappedBody,
} from './operation-types.js';
export { offsetPaging, Page, pageNumberPaging, startKeyPaging, type Paginator } from './pagination.js';
export type { CallInput, RequestOptions } from './request-options.js';
export type { QuerySerializer } from './request.js';
export { defineResource, type ApiFactory, type ComposedApi, type OperationTable } from './resource.js';
export type { ClientOptions } from './client-options.js';
export { defaultRetry, type RetryOptions } from './retry.js';
export { createTransport, type CallMode, type ParsedError, type Transport, type TransportOptions } from './transport.js';
export * from './realtime/index.js';
export * from './webhooks/index.js';
