import { authenticate, type AuthHandler, type Credentials } from './auth.js';
import {
  ConnectionError,
  createApiError,
  InvalidArgumentError,
  PbxkitError,
  PermissionDeniedError,
  type ApiError,
  type FieldError,
} from './errors.js';
import { createLog, describeRequest, scrub, type Log, type Logger, type LogLevel } from './logger.js';
import type { OperationSpec } from './operation-spec.js';
import type { CallInput } from './request-options.js';
import { buildBody, buildUrl, readBody, readErrorBody, type QuerySerializer } from './request.js';
import { isRetryable, parseRetryAfter, retryPolicy, withRetries, type RetryOptions } from './retry.js';
import { abortable, attemptSignal, sleep, type AttemptSignal } from './timeout.js';

/** `data`: the success body, envelope removed; `with`: `{ data, body, response, requestId }`; `raw`: the `Response`. */
export type CallMode = 'data' | 'with' | 'raw';

export interface Transport {
  call(spec: OperationSpec, input: CallInput | undefined, mode: CallMode): Promise<unknown>;
  /** Known secret values (API key, password, tokens): scrubbed from every log line and error. */
  readonly secrets: Set<string>;
}

/** What a platform's error parser makes of an error body. */
export interface ParsedError {
  message?: string;
  fieldErrors?: FieldError[];
  /**
   * The body says the credentials are fine but lack a permission (Wazo answers that with a 401): the error is
   * then a `PermissionDeniedError` whatever the status, so that callers do not log in again for nothing.
   */
  permissionDenied?: boolean;
}

export interface TransportOptions {
  baseUrl: string;
  /** Default: the global `fetch`, looked up on every attempt so that interceptors installed later apply. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  headers?: Record<string, string>;
  /** Milliseconds each attempt may take, reading the body included. Default 60 000; 0 for no limit. */
  timeout?: number;
  retry?: Partial<RetryOptions> | false;
  logger?: Logger;
  logLevel?: LogLevel;
  auth?: AuthHandler<Credentials>;
  /** Reads the platform's error body (of `response`); may throw on bodies it does not know. Default: a string `message`. */
  parseError?(body: unknown, response: Response): ParsedError;
  /** Response headers that carry the request id, first match wins. Default `['x-request-id']`. */
  requestIdHeaders?: readonly string[];
  /** Secret values known up front (API key, password). More can be added to `transport.secrets`. */
  secrets?: Iterable<string>;
  /** Platform query serializers by name (`x-pbxkit-serializer`), beside the built-in `json`. */
  serializers?: Record<string, QuerySerializer>;
  /** The value of a client option that fills a path parameter the call left out (`x-pbxkit-client-option`). */
  clientOption?(name: string): unknown;
  /** Waits between retries. Replace it in tests to observe the delays. */
  sleep?: (ms: number, signal?: AbortSignal, label?: string) => Promise<void>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The input with path parameters the call left out taken from client options; refuses what is still missing. */
function checkInput(spec: OperationSpec, input: unknown, clientOption?: (name: string) => unknown): CallInput {
  const fail = (why: string): never => {
    throw new InvalidArgumentError(`${spec.method} ${spec.path}: ${why}`);
  };
  if (!isObject(input)) fail('the input must be an object');
  const given = input as CallInput;
  let path = given.path ?? {};
  for (const [, name] of spec.path.matchAll(/\{(.+?)\}/g)) {
    const option = spec.defaults?.[name!];
    if (path[name!] == null && option) path = { ...path, [name!]: clientOption?.(option) };
    if (path[name!] == null || path[name!] === '')
      fail(`path parameter \`${name}\` is required${option ? ` (or the client option \`${option}\`)` : ''}`);
  }
  return path === given.path || (!given.path && Object.keys(path).length === 0) ? given : { ...given, path };
}

const defaultParseError = (body: unknown): ParsedError =>
  isObject(body) && typeof body.message === 'string' ? { message: body.message } : {};

export function createTransport(options: TransportOptions): Transport {
  const { auth, requestIdHeaders = ['x-request-id'] } = options;
  const secrets = new Set(options.secrets);
  let baseHeaders: Headers;
  try {
    baseHeaders = new Headers(options.headers);
  } catch (error) {
    throw new InvalidArgumentError(`Invalid headers option: ${(error as Error).message}`, { cause: error });
  }

  const requestIdOf = (headers: Headers) =>
    requestIdHeaders.map((name) => headers.get(name)).find((value) => value != null) ?? undefined;

  async function call(spec: OperationSpec, given: CallInput | undefined = {}, mode: CallMode): Promise<unknown> {
    // A left-out path parameter may come from the credentials (Kazoo's account id): obtain them first.
    const missing = isObject(given) && spec.defaults && Object.keys(spec.defaults).some((name) => (given as CallInput).path?.[name] == null);
    if (missing && auth && !spec.anonymous) await auth.tokens.ensure();
    const input = checkInput(spec, given, options.clientOption);
    const paramSecrets = (spec.secretParams ?? []).map((name) => String(input.path?.[name] ?? input.query?.[name] ?? ''));
    // Every token a call starts with stays secret: it may show up in later log lines and errors.
    const token = auth?.tokens.current?.token;
    if (token) secrets.add(token);
    const redact = (text: string) => scrub(text, [...secrets, auth?.tokens.current?.token, ...paramSecrets]);
    const log: Log = createLog(options.logger, options.logLevel, redact);
    const policy = isRetryable(spec) ? retryPolicy(options.retry, input.retry) : undefined;
    const timeout = input.timeout ?? options.timeout ?? 60_000;
    let url: string;
    let body: BodyInit | undefined;
    const headers = new Headers(baseHeaders);
    try {
      url = buildUrl(options.baseUrl, spec, input, options.serializers);
      if (spec.accept) headers.set('accept', spec.accept);
      for (const [name, value] of Object.entries(input.headers ?? {})) headers.set(name, value);
      body = buildBody(spec, input.body, headers);
    } catch (error) {
      throw new InvalidArgumentError(redact(`${spec.method} ${spec.path}: ${(error as Error).message}`), { cause: error });
    }
    const label = redact(`${spec.method} ${url}`);
    // The signal of the latest attempt: its timer runs until the body is read (or, for `raw`, returned).
    let attempt: AttemptSignal | undefined;

    const toApiError = (response: Response, body: unknown): ApiError => {
      let parsed: ParsedError = {};
      try {
        parsed = (options.parseError ?? defaultParseError)(body, response);
      } catch {
        // An error page the platform parser does not know: keep the status line.
      }
      const fieldErrors = (parsed.fieldErrors ?? []).map((f) => ({ ...f, message: redact(f.message) }));
      const fields = fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ');
      const detail = parsed.message || response.statusText || 'HTTP error';
      return createApiError(
        {
          status: response.status,
          message: redact(`${response.status} ${detail}${fields ? ` [${fields}]` : ''} (${label})`),
          method: spec.method,
          url: redact(url),
          requestId: requestIdOf(response.headers),
          body,
          fieldErrors,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        },
        parsed.permissionDenied ? PermissionDeniedError : undefined,
      );
    };

    const send = async (authorised: Headers, n: number) => {
      attempt?.stop(true);
      const current = (attempt = attemptSignal(timeout, input.signal, label));
      const started = Date.now();
      const tail = () => `in ${Date.now() - started} ms (attempt ${n + 1})`;
      log('debug', () => `-> ${label} ${describeRequest(authorised, body)}`);
      try {
        // `fetch(url, init)`, not `fetch(new Request(...))`: Node's fetch can lose the abort link of a
        // Request built around a signal once garbage collection runs.
        const response = await (options.fetch ?? globalThis.fetch)(url, {
          method: spec.method,
          headers: authorised,
          body,
          signal: current.signal,
        });
        log(response.ok ? 'info' : 'warn', () => `<- ${label} ${response.status} ${tail()}`);
        return response;
      } catch (error) {
        const failure: PbxkitError = current.signal.aborted
          ? current.signal.reason
          : new ConnectionError(`Connection failed: ${label}`, { cause: error });
        log('warn', () => `xx ${label} ${failure.name} ${tail()}`);
        throw failure;
      }
    };
    const wait = (ms: number) => {
      log('info', () => `retrying ${label} in ${Math.round(ms)} ms`);
      return (options.sleep ?? sleep)(ms, input.signal, label);
    };

    try {
      // Every attempt and the replay after a refresh send the same serialised body.
      const response = await authenticate(
        spec.anonymous ? undefined : auth,
        headers,
        (authorised) => withRetries((n) => send(authorised, n), policy, wait),
        (shared) => abortable(shared, input.signal, label),
      );
      if (!response.ok) throw toApiError(response, await readErrorBody(response));
      if (mode === 'raw') {
        attempt?.stop();
        return response;
      }
      const data = await readBody(response, spec.parseAs);
      attempt?.stop(true);
      const unwrapped = spec.envelope && isObject(data) && spec.envelope in data ? data[spec.envelope] : data;
      return mode === 'data' ? unwrapped : { data: unwrapped, body: data, response, requestId: requestIdOf(response.headers) };
    } catch (error) {
      attempt?.stop(true);
      if (error instanceof PbxkitError) throw error;
      if (attempt?.signal.aborted) throw attempt.signal.reason;
      // A malformed body is no connection problem: nothing to retry.
      const ErrorClass = error instanceof SyntaxError ? PbxkitError : ConnectionError;
      throw new ErrorClass(`Could not read the response: ${label}`, { cause: error });
    }
  }

  return { call, secrets };
}
