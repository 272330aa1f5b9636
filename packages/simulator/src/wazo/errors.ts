import type { ErrorReply } from '../framework/app.js';
import type { Contract, OperationContract, Violation } from '../framework/contract.js';
import type { JsonSchema } from '../framework/openapi.js';
import { json, type SimReply } from '../framework/reply.js';
import { epochSeconds } from './time.js';

/**
 * The error bodies of the Wazo daemons (reference §5): the standard `{message, error_id, details,
 * timestamp}`, wazo-auth's legacy `{reason: [..], timestamp: [..], status_code}` (dird's 401 has a bare
 * timestamp, its CSV list a bare reason), confd's array of strings, agentd's `{error}`, and the plain
 * `{message}` of an unrouted wazo-auth path.
 */
export type ErrorShape = 'standard' | 'legacy' | 'legacy-auth' | 'legacy-text' | 'confd' | 'agentd' | 'not-routed';

/** A failure as a daemon describes it, before it takes the shape its endpoint declares. */
export interface Failure {
  status: number;
  message: string;
  errorId: string;
  details?: Record<string, unknown>;
  resource?: string;
  /** Invalid input fields and their messages (validation errors). */
  fields?: Record<string, string[]>;
}

const SHAPE_OF_SCHEMA: Record<string, ErrorShape> = {
  Error: 'standard',
  UnauthorizedError: 'standard',
  LegacyError: 'legacy',
  LegacyAuthError: 'legacy-auth',
  PersonalImportError: 'legacy',
  ConfdError: 'confd',
  AgentdError: 'agentd',
  NotRoutedError: 'not-routed',
};

/** The shape an operation declares for an error status, from the schema its response names. */
export function declaredShape(operation: OperationContract, status: number): ErrorShape | undefined {
  const schema = operation.responses[String(status)]?.value.content?.['application/json']?.schema;
  return schema && shapeOfSchema(schema);
}

function shapeOfSchema(schema: JsonSchema): ErrorShape | undefined {
  if (typeof schema.$ref === 'string') return SHAPE_OF_SCHEMA[schema.$ref.split('/').pop()!];
  const first = ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined)?.[0];
  if (first) return shapeOfSchema(first);
  const reason = (schema.properties as Record<string, JsonSchema> | undefined)?.reason;
  if (reason) return reason.type === 'array' ? 'legacy' : 'legacy-text';
  return undefined;
}

export function renderFailure(shape: ErrorShape, failure: Failure, nowMs: number): SimReply {
  const { status, message } = failure;
  const timestamp = epochSeconds(nowMs);
  const fieldText = failure.fields ? Object.keys(failure.fields).join(', ') : undefined;
  switch (shape) {
    case 'standard':
      return json(status, {
        message,
        error_id: failure.errorId,
        details: failure.details ?? standardFieldDetails(failure.fields),
        timestamp,
        ...(failure.resource ? { resource: failure.resource } : {}),
      });
    case 'legacy':
      return json(status, { reason: [fieldText ? `${message}: ${fieldText}` : message], timestamp: [timestamp], status_code: status });
    case 'legacy-auth':
      return json(status, { reason: [message], timestamp, status_code: status });
    case 'legacy-text':
      return json(status, { reason: message, timestamp: [timestamp], status_code: status });
    case 'confd':
      return json(status, failure.fields ? [failure.fields] : [message]);
    case 'agentd':
      return json(status, { error: fieldText ? `invalid fields: ${fieldText}` : message });
    case 'not-routed':
      return json(status, { message });
  }
}

function standardFieldDetails(fields: Record<string, string[]> | undefined): Record<string, unknown> {
  if (!fields) return {};
  return Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, { constraint_id: 'invalid', message: messages.join(' ') }]));
}

/** Answers a failure in the shape the operation declares for its status (`standard` when it declares none). */
export function failureReply(operation: OperationContract | undefined, failure: Failure, nowMs: number, fallback: ErrorShape = 'standard'): SimReply {
  return renderFailure((operation && declaredShape(operation, failure.status)) ?? fallback, failure, nowMs);
}

const ERROR_IDS: Record<number, string> = {
  400: 'invalid-data',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  429: 'too-many-requests',
  500: 'unexpected-error',
  501: 'not-implemented',
  503: 'service-unavailable',
};

/** `query.limit` → `limit`, `body/extension` → `extension`. */
function fieldOf(at: string): string {
  return (/^(?:query|path|header)\.(.*)$/.exec(at)?.[1] ?? /^body\/?(.*)$/.exec(at)?.[1] ?? at).replace(/\//g, '.') || 'body';
}

export function invalidDataFailure(violations: readonly Violation[], message = 'Sent data is invalid'): Failure {
  const fields: Record<string, string[]> = {};
  for (const violation of violations) (fields[fieldOf(violation.at)] ??= []).push(violation.message);
  return { status: 400, message, errorId: 'invalid-data', fields };
}

/**
 * The framework's error reply for one daemon (unknown routes, invalid requests, faults): the request is
 * matched again so that the body takes the shape its operation declares for the status.
 */
export function daemonErrorReply(contract: Contract, fallback: ErrorShape, now: () => number): ErrorReply {
  return (status, message, violations = [], request) => {
    const found = request ? contract.match(request.method, new URL(request.url).pathname) : undefined;
    const operation = found?.kind === 'operation' ? found.operation : undefined;
    const failure: Failure =
      status === 400 && violations.length > 0
        ? invalidDataFailure(violations)
        : { status, message, errorId: ERROR_IDS[status] ?? 'error', ...(violations.length > 0 ? { details: { violations } } : {}) };
    return failureReply(operation, failure, now(), fallback);
  };
}
