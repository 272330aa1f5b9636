/** One problem the platform reported about one input field, normalised by the platform's error parser. */
export interface FieldError {
  field?: string;
  code?: string;
  message: string;
}

/** Base of every error pbxkit throws. Every subclass sets a `name` that survives minification. */
export class PbxkitError extends Error {
  override name = 'PbxkitError';

  /** What `JSON.stringify(error)` shows: the safe fields only (no response body, headers or cause). */
  toJSON(): Record<string, unknown> {
    const { body, ...safe } = this as unknown as Record<string, unknown>;
    return { ...safe, message: this.message };
  }
}

/** Bad input at a public entry point, e.g. a missing path parameter. Nothing was sent. */
export class InvalidArgumentError extends PbxkitError {
  override name = 'InvalidArgumentError';
}

/** The request never got an HTTP response (DNS, refused or reset connection, ...). */
export class ConnectionError extends PbxkitError {
  override name = 'ConnectionError';
}

/** An attempt took longer than the `timeout` option. Retried like other connection errors. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

/** The caller's `signal` aborted the call. Never retried. */
export class AbortError extends PbxkitError {
  override name = 'AbortError';
}

export interface ApiErrorInit {
  status: number;
  message: string;
  method?: string;
  /** The request URL with known secrets already scrubbed. */
  url?: string;
  requestId?: string;
  body?: unknown;
  fieldErrors?: FieldError[];
  retryAfterMs?: number;
  cause?: unknown;
}

/** The server answered with a non-2xx status. */
export class ApiError extends PbxkitError {
  override name = 'ApiError';
  declare readonly status: number;
  declare readonly method: string | undefined;
  declare readonly url: string | undefined;
  declare readonly requestId: string | undefined;
  /** The error body: parsed JSON when the server sent JSON, else its text. */
  declare readonly body: unknown;
  declare readonly fieldErrors: FieldError[];
  /** How long the server asked us to wait (`Retry-After`, e.g. on 429 and 503), when it said. */
  declare readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init);
    Object.assign(this, { fieldErrors: [] }, init);
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error of a status: `as` when given, else the named subclass of the status where there is one, else `ApiError`. */
export function createApiError(init: ApiErrorInit, as?: typeof ApiError): ApiError {
  const ErrorClass = as ?? byStatus[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass(init);
}
