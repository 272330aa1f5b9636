/** What the platform packages re-export to their users from the shared runtime. */
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
} from './errors.js';
export type { ClientOptions } from './client-options.js';
export type { Logger, LogLevel } from './logger.js';
export type { Page } from './pagination.js';
export type { ApiFactory, ComposedApi } from './resource.js';
export type { RetryOptions } from './retry.js';
export { SocketConnectionError, type SocketState, type SocketStatus, type ReconnectOptions } from './realtime/reconnecting-socket.js';
export type { KeepAliveSetting, SocketOptions } from './realtime/socket-options.js';
export type { WebSocketConstructor } from './realtime/web-socket.js';
