import type { ErrorReply } from '../framework/app.js';
import { json, type SimReply } from '../framework/reply.js';

export interface ErrorItem {
  field?: string;
  code?: string;
  message: string;
}

/** VoIPstudio's error body: `{message, errors: [{field?, code?, message}]}`. */
export function vsError(status: number, message: string, errors: ErrorItem[] = []): SimReply {
  return json(status, { message, errors });
}

/** `query.limit` → `limit`, `body/users/0/id` → `users.0.id`; contract violations of replies stay as they are. */
function fieldOf(at: string): string {
  const request = /^(?:query|path|header)\.(.*)$/.exec(at)?.[1] ?? /^body\/(.*)$/.exec(at)?.[1];
  return (request ?? at).replace(/\//g, '.');
}

export const errorReply: ErrorReply = (status, message, violations = []) =>
  vsError(
    status,
    message,
    violations.map((violation) => ({ field: fieldOf(violation.at), message: violation.message })),
  );

export const notFound = (): SimReply => vsError(404, 'Resource not found');

/** 400 "Validation error" on one field, with VoIPstudio's generic `SF0010` code. */
export const invalidField = (field: string, message = 'This value is not valid.'): SimReply =>
  vsError(400, 'Validation error', [{ field, code: 'SF0010', message }]);
