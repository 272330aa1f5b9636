import { AuthenticationError, PbxkitError, scrub } from '@pbxkit/core';

/** Blackhole refused a command (`status: "error"`); `errors` holds its messages, e.g. `unauthorized account id`. */
export class BlackholeError extends PbxkitError {
  override name = 'BlackholeError';
  declare readonly action: string;
  /** The bindings the refused commands named. */
  declare readonly bindings: string[];
  /** Blackhole's error strings, in order. */
  declare readonly errors: string[];

  constructor(action: string, bindings: string[], errors: string[]) {
    super(`blackhole refused to ${action === 'subscribe' ? 'subscribe to' : `${action} from`} ${bindings.join(', ')}: ${errors.join('; ')}`);
    Object.assign(this, { action, bindings, errors });
  }
}

/** Blackhole's messages for a missing or refused token. */
export const isTokenRefusal = (errors: readonly string[]): boolean =>
  errors.some((error) => error === 'authentication token required' || error.startsWith('failed to authenticate token'));

/** Kazoo appends the refused token to its message: it never reaches an error. */
export const withoutToken = (errors: readonly string[], token: string): string[] => errors.map((error) => scrub(error, [token]));

/**
 * Blackhole refused the token and no other could be had. An `AuthenticationError` as for a REST 401, so one
 * `instanceof` check covers both; `status` is 401 by analogy (blackhole answers in a reply frame, not HTTP).
 */
export const tokenRefused = (detail: string, errors: string[] = []): AuthenticationError =>
  new AuthenticationError({ status: 401, message: `blackhole refused the token: ${detail}`, body: { errors } });
