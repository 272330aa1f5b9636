import { createHash } from 'node:crypto';
import type { ErrorReply } from '../framework/app.js';
import type { Violation } from '../framework/contract.js';
import { json, type SimReply } from '../framework/reply.js';
import { iso8601 } from './time.js';
import { randomHex } from './tokens.js';

/** The Kazoo version the simulator claims (the envelope's `version`). */
export const KAZOO_VERSION = '4.3.142';

/** `kz_nodes:node_encoded()`: base64url of the md5 of the Erlang node name. */
const NODE = createHash('md5').update('crossbar@sim.pbxkit.test').digest('base64url');

/** One failed rule of one field, as in `data` of a 400 `validation error`. */
export interface FieldError {
  message: string;
  target?: unknown;
  value?: unknown;
  cause?: unknown;
}

/** Field errors by dotted key, then by rule: `{first_name: {required: {message}}}`. */
export type ValidationData = Record<string, Record<string, FieldError>>;

const requestIds = new WeakMap<Request, string>();

/** The id of a request: the client's `X-Request-ID` when it sent one (Crossbar reuses it), else a new one. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    id = request.headers.get('x-request-id') || randomHex();
    requestIds.set(request, id);
  }
  return id;
}

/** Where Crossbar finds the token: `X-Auth-Token`, then `?auth_token=`, then `Authorization: Bearer`. */
export function tokenOf(request: Request): string | undefined {
  const header = request.headers.get('x-auth-token');
  if (header) return header;
  const query = new URL(request.url).searchParams.get('auth_token');
  if (query) return query;
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

export interface SuccessOptions {
  /** The token to report: the request's, or the one an auth operation just issued. */
  authToken?: string;
  /** Whether the request was authenticated: only then does the envelope carry `version`. */
  authenticated: boolean;
  revision?: string;
  /** `page_size`, `start_key`, `next_start_key` of a listing. */
  paging?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Builds Crossbar's success and error envelopes for one simulator clock. */
export class Envelopes {
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  success(request: Request, status: number, data: unknown, options: SuccessOptions): SimReply {
    return json(
      status,
      {
        data,
        status: 'success',
        ...this.#common(request, options.authToken ?? tokenOf(request)),
        revision: options.revision ?? 'undefined',
        ...(options.authenticated ? { version: KAZOO_VERSION } : {}),
        ...options.paging,
      },
      { 'X-Request-ID': requestIdOf(request), ...options.headers },
    );
  }

  /** `{status: 'error', error: '<code>', message, data}`; `message` is Crossbar's error atom. */
  error(request: Request | undefined, status: number, message: string, data: unknown): SimReply {
    const common = request ? this.#common(request, tokenOf(request)) : { node: NODE, timestamp: iso8601(this.#now()) };
    return json(status, { status: 'error', error: String(status), message, data, ...common }, request ? { 'X-Request-ID': requestIdOf(request) } : {});
  }

  validation(request: Request, data: ValidationData): SimReply {
    return this.error(request, 400, 'validation error', data);
  }

  /** One field, one rule: `{<field>: {<code>: {message, ...}}}`. */
  invalidField(request: Request, field: string, code: string, error: FieldError): SimReply {
    return this.validation(request, { [field]: { [code]: error } });
  }

  invalidCredentials(request: Request): SimReply {
    return this.error(request, 401, 'invalid_credentials', { message: 'invalid credentials' });
  }

  forbidden(request: Request): SimReply {
    return this.error(request, 403, 'forbidden', { message: 'forbidden' });
  }

  /** A document that does not exist (`crossbar_doc:handle_datamgr_errors(not_found)`). */
  badIdentifier(request: Request, id: string): SimReply {
    return this.error(request, 404, 'bad_identifier', { message: 'bad identifier', cause: id });
  }

  /** The framework's errors (routing, contract, faults) in Crossbar's shape. */
  readonly errorReply: ErrorReply = (status, message, violations = [], request) => {
    if (status === 400 && request) return this.validation(request, validationDataOf(violations));
    const atom = ERROR_ATOMS[status] ?? 'unspecified_fault';
    const reason = status >= 500 ? message : (ERROR_TEXT[status] ?? message);
    const data = violations.length > 0 && status >= 500 ? { message: reason, cause: violations.map((v) => `${v.at}: ${v.message}`).join('; ') } : { message: reason };
    return this.error(request, status, atom, data);
  };

  #common(request: Request, token: string | undefined) {
    return { request_id: requestIdOf(request), auth_token: token ?? '', node: NODE, timestamp: iso8601(this.#now()) };
  }
}

const ERROR_ATOMS: Record<number, string> = {
  401: 'invalid_credentials',
  403: 'forbidden',
  404: 'not_found',
  405: 'invalid_method',
  409: 'datastore_conflict',
  413: 'too_large',
  429: 'too_many_requests',
  500: 'unspecified_fault',
  501: 'not_implemented',
  503: 'datastore_unreachable',
};

const ERROR_TEXT: Record<number, string> = {
  401: 'invalid credentials',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  409: 'conflicting documents',
  429: 'too many requests',
};

/** Ajv's wording (see framework/schema-validators.ts) → Kazoo's rule name, message and target. */
const RULES: [RegExp, string, (match: RegExpExecArray) => Omit<FieldError, 'value'>][] = [
  [/^is required$/, 'required', () => ({ message: 'Field is required but missing' })],
  [/^must be JSON text$/, 'invalid', () => ({ message: 'All JSON must be valid', target: 'body' })],
  [/^is not allowed$/, 'additionalProperties', () => ({ message: 'Strict checking of data is enabled; only include schema-defined properties' })],
  [/^must be one of (.*)$/, 'enum', (m) => ({ message: 'Value not found in enumerated list of values', target: safeList(m[1]!) })],
  [/^must be equal to constant$/, 'enum', () => ({ message: 'Value not found in enumerated list of values' })],
  [/^must NOT have fewer than (\d+) characters$/, 'minLength', (m) => ({ message: `String must be at least ${m[1]} characters`, target: Number(m[1]) })],
  [/^must NOT have more than (\d+) characters$/, 'maxLength', (m) => ({ message: `String must not be more than ${m[1]} characters`, target: Number(m[1]) })],
  [/^must NOT have fewer than (\d+) items$/, 'minItems', (m) => ({ message: `The list must have at least ${m[1]} items`, target: Number(m[1]) })],
  [/^must NOT have more than (\d+) items$/, 'maxItems', (m) => ({ message: `The list is more than ${m[1]} items`, target: Number(m[1]) })],
  [/^must be (string|integer|number|boolean|object|array|null)(?:,.*)?$/, 'type', (m) => ({ message: `Value did not match type(s): ${m[1]}`, target: m[1] })],
  [/^must match pattern "(.*)"$/, 'pattern', (m) => ({ message: `Failed to match pattern '${m[1]}'`, target: m[1] })],
  [/^must be >= (\S+)$/, 'minimum', (m) => ({ message: `Value must be at least ${m[1]}`, target: Number(m[1]) })],
  [/^must be <= (\S+)$/, 'maximum', (m) => ({ message: `Value must be at most ${m[1]}`, target: Number(m[1]) })],
  [/^must match format "(.*)"$/, 'format', (m) => ({ message: 'Field is not in the correct format', target: m[1] })],
];

/** Request violations as Kazoo validation data, keyed by the dotted field path (`body/data/caller_id/name` → `caller_id.name`). */
export function validationDataOf(violations: readonly Violation[]): ValidationData {
  const data: ValidationData = {};
  for (const violation of violations) {
    const key = fieldKey(violation.at, violation.message);
    let code = 'invalid';
    let error: FieldError = { message: violation.message };
    for (const [pattern, rule, build] of RULES) {
      const match = pattern.exec(violation.message);
      if (match) {
        code = rule;
        error = build(match);
        break;
      }
    }
    (data[key] ??= {})[code] ??= error;
  }
  return data;
}

function fieldKey(at: string, message: string): string {
  if (at === 'body') return message === 'must be JSON text' ? 'json' : 'data';
  const parameter = /^(?:query|path|header)\.(.*)$/.exec(at)?.[1];
  if (parameter !== undefined) return parameter;
  const segments = at.split('/').slice(1);
  if (segments[0] === 'data') segments.shift();
  const key = segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~').replace(/\./g, '%2E')).join('.');
  return key || 'data';
}

function safeList(text: string): unknown {
  try {
    return JSON.parse(`[${text}]`);
  } catch {
    return text;
  }
}
