import { AuthenticationError, hideSecrets, scrub, type ApiErrorInit, type FieldError, type ParsedError } from '@pbxkit/core';

/** The user logged in, but their wazo-confd `subscription_type` is below the client's `minSubscriptionType`. */
export class SubscriptionRequiredError extends AuthenticationError {
  override name = 'SubscriptionRequiredError';
  declare readonly required: number;
  /** The user's subscription type; `undefined` when wazo-confd did not say. */
  declare readonly actual: number | undefined;

  constructor(init: ApiErrorInit & { required: number; actual: number | undefined }) {
    super(init);
  }
}

/** The user logged in, but none of their authorizations has a rule named after the client's `authorizationName`. */
export class AuthorizationRequiredError extends AuthenticationError {
  override name = 'AuthorizationRequiredError';
  declare readonly authorizationName: string;

  constructor(init: ApiErrorInit & { authorizationName: string }) {
    super(init);
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

/**
 * The standard 401 of a valid token that lacks an ACL or may not act on the tenant (`Wazo-Tenant`): a
 * permission refusal, not an expired token.
 */
export function isPermissionRefusal(body: Record<string, unknown>): boolean {
  const details = isObject(body.details) ? body.details : {};
  return body.error_id === 'unauthorized-tenant' || details.reason === 'missing_permission_or_invalid_tenant';
}

/**
 * Field errors of a field → problem map, however deep: marshmallow's `{ name: ['msg'] }`, the standard
 * `details` of `invalid-data` (`{ name: { constraint_id, message } }`) and nested objects (`a.b`).
 */
function fieldErrorsOf(map: Record<string, unknown>, prefix = ''): FieldError[] {
  return Object.entries(map).flatMap(([name, problem]): FieldError[] => {
    const field = `${prefix}${name}`;
    if (isObject(problem) && typeof problem.message === 'string') {
      return [{ field, message: problem.message, ...(typeof problem.constraint_id === 'string' && { code: problem.constraint_id }) }];
    }
    if (isObject(problem)) return fieldErrorsOf(problem, `${field}.`);
    return strings(problem).map((message) => ({ field, message }));
  });
}

/**
 * Reads the four error bodies of Wazo daemons:
 * - standard (calld, call-logd, chatd, dird, auth, every token verifier): `{ message, error_id, details }`;
 *   `invalid-data` details become field errors;
 * - legacy (wazo-auth `/token`, dird lookups): `{ reason: [..], status_code }`;
 * - wazo-confd: `["message", ...]`, or `[{ field: ['message'] }]` for invalid input;
 * - wazo-agentd: `{ error }`.
 * A permission 401 (`isPermissionRefusal`) becomes a `PermissionDeniedError`.
 */
export function parseWazoError(body: unknown): ParsedError {
  if (Array.isArray(body)) {
    const fieldErrors = body.filter(isObject).flatMap((entry) => fieldErrorsOf(entry));
    const messages = strings(body);
    return { message: messages.length ? messages.join('; ') : fieldErrors.length ? 'Invalid input' : undefined, fieldErrors };
  }
  if (!isObject(body)) return {};
  if (typeof body.message === 'string') {
    const invalid = body.error_id === 'invalid-data' && isObject(body.details);
    const fieldErrors = invalid ? fieldErrorsOf(body.details as Record<string, unknown>) : [];
    return { message: body.message, fieldErrors, ...(isPermissionRefusal(body) && { permissionDenied: true }) };
  }
  const reasons = strings(body.reason);
  if (reasons.length) return { message: reasons.join('; ') };
  return typeof body.error === 'string' ? { message: body.error } : {};
}

const hidden = hideSecrets('token', '');

/**
 * Hides credentials inside an error body, in place: values under credential-like keys (`invalid_token`)
 * and every known secret inside strings (wazo-confd's 401 message quotes the token it refused). The body
 * stays on `error.body`, which `console.log(error)` shows.
 */
export function redactBody(body: unknown, secrets: Iterable<string | undefined>): void {
  const known = [...secrets];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((value, i) => (typeof value === 'string' ? (node[i] = scrub(value, known)) : visit(value)));
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (hideSecrets(key, value) === hidden && typeof value !== 'object') node[key] = hidden;
        else if (typeof value === 'string') node[key] = scrub(value, known);
        else visit(value);
      }
    }
  };
  visit(body);
}
